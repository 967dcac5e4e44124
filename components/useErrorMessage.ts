"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { errorDetail, errorKey, type ApiErrorBody } from "@/lib/i18n/errors";

/**
 * Turns a route's error answer into a sentence in the interface language (AppError code ->
 * catalogue), keeping the server's specific message as a detail for input errors.
 */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return useCallback((body: ApiErrorBody | null | undefined, status?: number) => {
    if (body?.code === "network") return t("network");
    const detail = errorDetail(body);
    const sentence = t(errorKey(body?.code, status));
    return detail ? `${sentence} ${t("detail", { detail })}` : sentence;
  }, [t]);
}

/** Reads a failed response's JSON body (or nothing) and words it. */
export async function readError(res: Response): Promise<ApiErrorBody> {
  return ((await res.json().catch(() => ({}))) ?? {}) as ApiErrorBody;
}
