import * as Y from "yjs";
import { z } from "zod";
import { CLAIM_FIELD_SCHEMAS, type ClaimFields, type ClaimType } from "../claim-types";
import { AppError } from "../errors";
import { describeResolution, type UnBody } from "../unsc";
import { parseInput } from "./internal";

/**
 * Type-specific field logic: defaults, per-field validation of patches, and the derived
 * fields of a UN resolution (year and symbol from its number).
 */

type Shape = Record<string, z.ZodType>;
type Json = Record<string, unknown>;

function shapeOf(type: ClaimType): Shape {
  return CLAIM_FIELD_SCHEMAS[type].shape as unknown as Shape;
}

/** A plain object of field name -> value (input side; values validated per type). */
export const ZFieldsInput = z.record(z.string().max(100), z.unknown());

/** Western, Arabic-Indic and Extended Arabic-Indic digits to ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/**
 * Guess a UN resolution from the anchored text: the first run of 1–5 digits (Arabic-Indic
 * digits accepted) is the number; "General Assembly" / "الجمعية العامة" selects that body.
 */
export function parseResolutionSpan(span: string): { number: number | null; body: UnBody } {
  const body: UnBody = /general assembly|الجمعية العامة/i.test(span) ? "General Assembly" : "Security Council";
  const m = /(?<!\d)\d{1,5}(?!\d)/.exec(asciiDigits(span));
  const n = m ? Number(m[0]) : NaN;
  return { number: Number.isInteger(n) && n > 0 ? n : null, body };
}

/** Fill year/symbol of a resolution from its number unless the caller gave them explicitly. */
function fillResolution(f: Json, explicit: Set<string>): Json {
  const number = f.number as number | null;
  const body = f.body as UnBody;
  if (number === null) {
    return { ...f, year: explicit.has("year") ? f.year : null, symbol: explicit.has("symbol") ? f.symbol : null };
  }
  const info = describeResolution(number, body, explicit.has("year") ? (f.year as number | null) : null);
  return { ...f, year: explicit.has("year") ? f.year : info.year, symbol: explicit.has("symbol") ? f.symbol : info.symbol };
}

/**
 * Initial fields of a new claim: `given` validated against the type's schema, defaults for
 * the rest; a quote's `words` default to the span; a resolution's number is parsed from the
 * span when no fields were given, and its year/symbol filled from the number.
 */
export function initialFields(type: ClaimType, span: string, given: Json | undefined): ClaimFields {
  const explicit = new Set(Object.keys(given ?? {}).filter((k) => given?.[k] !== undefined));
  let f = parseInput(CLAIM_FIELD_SCHEMAS[type], given ?? {}, `fields of a ${type} claim`) as Json;
  if (type === "quote" && !explicit.has("words")) f = { ...f, words: span };
  if (type === "un_resolution") {
    if (given === undefined || (!explicit.has("number") && f.number === null)) {
      const guess = parseResolutionSpan(span);
      f = { ...f, number: guess.number, body: explicit.has("body") ? f.body : guess.body };
    }
    f = fillResolution(f, explicit);
  }
  return parseInput(CLAIM_FIELD_SCHEMAS[type], f, `fields of a ${type} claim`) as ClaimFields;
}

/**
 * Fields carried over when a claim changes type: every old field the new type also has and
 * whose value is valid there; the rest as for a new claim on the same span.
 */
export function carriedFields(type: ClaimType, span: string, old: Json): ClaimFields {
  const shape = shapeOf(type);
  const kept: Json = {};
  for (const key of Object.keys(shape)) {
    if (key in old && shape[key].safeParse(old[key]).success) kept[key] = old[key];
  }
  return initialFields(type, span, Object.keys(kept).length ? kept : undefined);
}

/** Current fields of a claim, key by key: a stored value when valid, else the default. */
export function lenientFields(type: ClaimType, fields: Y.Map<unknown>): Json {
  const shape = shapeOf(type);
  const out: Json = {};
  for (const [key, schema] of Object.entries(shape)) {
    const stored = fields.has(key) ? schema.safeParse(fields.get(key)) : null;
    out[key] = stored?.success ? stored.data : schema.parse(undefined);
  }
  return out;
}

/**
 * Validate a patch against the type's schema, field by field (no defaults for absent keys),
 * and compute the writes: the patched fields plus, for a resolution whose number or body
 * changed, refilled year/symbol. Returns the patched keys and any other key whose value changes.
 */
export function patchWrites(type: ClaimType, current: Json, patch: Json): Json {
  const shape = shapeOf(type);
  const normalised: Json = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const schema = shape[key];
    if (!schema) throw new AppError("INVALID_INPUT", `unknown field "${key}" for a ${type} claim`);
    normalised[key] = parseInput(schema, value, `field ${key}`);
  }
  let next: Json = { ...current, ...normalised };
  if (type === "un_resolution" && (("number" in normalised && normalised.number !== current.number) || ("body" in normalised && normalised.body !== current.body))) {
    const explicit = new Set(Object.keys(normalised).filter((k) => k === "year" || k === "symbol"));
    next = fillResolution(next, explicit);
  }
  next = parseInput(CLAIM_FIELD_SCHEMAS[type], next, `fields of a ${type} claim`) as Json;
  const writes: Json = {};
  for (const [key, value] of Object.entries(next)) {
    if (key in normalised || JSON.stringify(value) !== JSON.stringify(current[key])) writes[key] = value;
  }
  return writes;
}

/** A new fields Y.Map holding `fields` (JSON values). */
export function fieldsToYMap(fields: Json): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
}
