import { z } from "zod";

/**
 * Claim types and their normalised fields. These keys and field names are shared by the
 * workspace document, the projection, exports, detection and publication: change them in
 * one place only.
 */
export const CLAIM_TYPES = ["meeting", "quote", "un_resolution", "date", "number", "agreement", "entity", "other"] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
const shortText = z.string().trim().max(500);

export const ZMeetingFields = z.object({
  participants: z.array(shortText).max(50).default([]),
  place: shortText.nullable().default(null),
  date: isoDate.nullable().default(null),
  kind: z.enum(["meeting", "visit", "call", "session", "summit"]).default("meeting"),
}).strict();
export const ZQuoteFields = z.object({
  speaker: shortText.nullable().default(null),
  words: z.string().max(20_000).default(""),
  direct: z.boolean().default(true),
}).strict();
export const ZUnResolutionFields = z.object({
  body: z.enum(["Security Council", "General Assembly"]).default("Security Council"),
  number: z.number().int().positive().nullable().default(null),
  year: z.number().int().min(1945).max(2100).nullable().default(null),
  symbol: shortText.nullable().default(null),
}).strict();
export const ZDateFields = z.object({
  value: isoDate.nullable().default(null),
  precision: z.enum(["day", "month", "year"]).default("day"),
}).strict();
export const ZNumberFields = z.object({
  value: z.number().finite().nullable().default(null),
  unit: shortText.nullable().default(null),
}).strict();
export const ZAgreementFields = z.object({
  name: shortText.nullable().default(null),
  date: isoDate.nullable().default(null),
}).strict();
export const ZEntityFields = z.object({
  name: shortText.nullable().default(null),
  role: shortText.nullable().default(null),
}).strict();
export const ZOtherFields = z.object({}).strict();

export const CLAIM_FIELD_SCHEMAS = {
  meeting: ZMeetingFields,
  quote: ZQuoteFields,
  un_resolution: ZUnResolutionFields,
  date: ZDateFields,
  number: ZNumberFields,
  agreement: ZAgreementFields,
  entity: ZEntityFields,
  other: ZOtherFields,
} as const;

export type ClaimFieldsByType = { [K in ClaimType]: z.output<(typeof CLAIM_FIELD_SCHEMAS)[K]> };
export type ClaimFields = ClaimFieldsByType[ClaimType];

export const ZClaimType = z.enum(CLAIM_TYPES);

/** Labels, a keyboard shortcut and a non-colour cue (underline style) per type. */
export const CLAIM_TYPE_META: Record<ClaimType, { en: string; ar: string; key: string; colour: string; cue: "solid" | "double" | "dashed" | "dotted" | "wavy" }> = {
  meeting: { en: "Meeting / visit", ar: "لقاء / زيارة", key: "m", colour: "#2563eb", cue: "solid" },
  quote: { en: "Quote", ar: "اقتباس", key: "q", colour: "#9333ea", cue: "double" },
  un_resolution: { en: "UN resolution", ar: "قرار أممي", key: "u", colour: "#0891b2", cue: "dashed" },
  date: { en: "Date", ar: "تاريخ", key: "d", colour: "#ca8a04", cue: "dotted" },
  number: { en: "Number / statistic", ar: "رقم / إحصاء", key: "n", colour: "#16a34a", cue: "wavy" },
  agreement: { en: "Agreement / conference", ar: "اتفاق / مؤتمر", key: "a", colour: "#dc2626", cue: "solid" },
  entity: { en: "Person / organisation", ar: "شخص / منظمة", key: "p", colour: "#db2777", cue: "dashed" },
  other: { en: "Other", ar: "أخرى", key: "o", colour: "#4b5563", cue: "dotted" },
};

/** Parse and normalise fields for a type; throws a ZodError on invalid input. */
export function parseClaimFields<T extends ClaimType>(type: T, fields: unknown): ClaimFieldsByType[T] {
  return CLAIM_FIELD_SCHEMAS[type].parse(fields ?? {}) as ClaimFieldsByType[T];
}
