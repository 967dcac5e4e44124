"use client";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { wordError, type ApiErrorBody, type ErrorTranslator } from "@/lib/i18n/errors";

/**
 * Turns a route's error answer into a sentence in the interface language (AppError code and
 * reason -> catalogue). The server's English message is shown as detail in English only.
 */
export function useErrorMessage() {
  const t = useTranslations("errors");
  const locale = useLocale();
  return useCallback((body: ApiErrorBody | null | undefined, status?: number) => wordError(t as unknown as ErrorTranslator, locale, body, status), [t, locale]);
}

/** Reads a failed response's JSON body (or nothing) and words it. */
export async function readError(res: Response): Promise<ApiErrorBody> {
  return ((await res.json().catch(() => ({}))) ?? {}) as ApiErrorBody;
}
