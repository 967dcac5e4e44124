"use client";
import { useCallback, useState } from "react";
import type { ApiErrorBody } from "@/lib/i18n/errors";
import { readError, useErrorMessage } from "./useErrorMessage";

export interface SendOptions {
  method?: "POST" | "PUT" | "DELETE";
  /** The request body, sent as JSON. */
  json?: unknown;
  /** A form's own wording for some failures (a link's state, a wrong current password); null: the usual sentence. */
  word?: (failure: ApiErrorBody, status: number) => string | null;
  /** On success stay busy: the form moves on (signs in, navigates) and calls `settle` if it stays. */
  stayBusy?: boolean;
}

/**
 * The one way a form talks to the API: JSON in and out, a busy flag while it waits, and the
 * answer's error code and reason worded in the interface language (useErrorMessage), a lost
 * connection included. `send` resolves to the answer's body, or null once `error` is set.
 */
export function useFormSubmit(options: { initialError?: string | null } = {}) {
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(options.initialError ?? null);

  const send = useCallback(async <T = unknown>(url: string, { method = "POST", json, word, stayBusy = false }: SendOptions = {}): Promise<T | null> => {
    setBusy(true);
    setError(null);
    const init: RequestInit = json === undefined ? { method } : { method, headers: { "content-type": "application/json" }, body: JSON.stringify(json) };
    const res = await fetch(url, init).catch(() => null);
    if (!res?.ok) {
      const failure: ApiErrorBody = res ? await readError(res) : { code: "network" };
      setBusy(false);
      setError((res && word?.(failure, res.status)) ?? errorMessage(failure, res?.status));
      return null;
    }
    const body = (await res.json().catch(() => ({}))) as T;
    if (!stayBusy) setBusy(false);
    return body;
  }, [errorMessage]);

  /** Run a step that is not a fetch of ours (next-auth's signIn) with the same busy flag. */
  const run = useCallback(async <T>(task: () => Promise<T>): Promise<T> => {
    setBusy(true);
    setError(null);
    try {
      return await task();
    } finally {
      setBusy(false);
    }
  }, []);

  const settle = useCallback(() => setBusy(false), []);
  return { busy, error, setError, send, run, settle };
}
