import { databaseUrlOf, providerOf, type Db } from "../db/client";
import { sqliteReadPool } from "../db/sqlite-read-pool";

/**
 * The one place that speaks each database's full-text dialect over SearchEntry.folded:
 * SQLite FTS5 (MATCH, bm25) and PostgreSQL (a stored tsvector column "fts" = to_tsvector('simple',
 * folded) with a GIN index, @@ to_tsquery, ts_rank). Tokens come from lib/search/fold and hold only letters and digits; they are
 * quoted anyway. Every token of 2+ characters is a prefix match, as a person typing expects.
 * On SQLite the query runs on a read-only connection in a worker thread (server/db/sqlite-read-pool.ts):
 * ranking every match of a short prefix takes hundreds of milliseconds on a large index, and on the
 * server's own synchronous connection that stopped every collab socket for as long.
 */

export interface IndexRow {
  seq: number;
  key: string;
  kind: string;
  articleId: string;
  claimId: string | null;
  title: string;
  text: string;
  folded: string;
  status: string | null;
  verdict: string | null;
  assigneeId: string | null;
  date: Date | string | number;
}

export interface IndexFilter {
  column: "kind" | "status" | "verdict" | "articleId" | "assigneeId" | "date";
  op: "=" | "<>" | ">=" | "<" | "is null" | "in";
  value?: unknown;
}

export async function queryIndex(db: Db, tokens: string[], opts: { mode: "all" | "any"; filters?: IndexFilter[]; limit: number; withText?: boolean }): Promise<IndexRow[]> {
  if (tokens.length === 0) return [];
  const postgres = providerOf(databaseUrlOf(db)) === "postgres";
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return postgres ? `$${params.length}` : "?"; };
  const clean = tokens.map((t) => t.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);
  if (clean.length === 0) return [];
  // A one-character prefix would expand to a large part of the vocabulary: such tokens match whole words only.
  const term = (t: string) => (postgres ? `'${t}'${t.length > 1 ? ":*" : ""}` : `"${t}"${t.length > 1 ? "*" : ""}`);
  const match = clean.map(term).join(opts.mode === "all" ? (postgres ? " & " : " ") : (postgres ? " | " : " OR "));
  // Placeholders are taken in the order they appear in the SQL (SQLite's "?" is positional).
  const matchParam = p(match);
  const where = (opts.filters ?? []).map((f) => {
    const col = `e."${f.column}"`;
    if (f.op === "is null") return `${col} IS NULL`;
    if (f.op === "in") return `${col} IN (${(f.value as unknown[]).map((v) => p(v)).join(", ")})`;
    return `${col} ${f.op} ${p(f.value)}`;
  });
  const filters = where.length ? ` AND ${where.join(" AND ")}` : "";
  const cols = `e."seq", e."key", e."kind", e."articleId", e."claimId", e."title", ${opts.withText === false ? `'' AS "text"` : `e."text"`}, e."folded", e."status", e."verdict", e."assigneeId", e."date"`;
  const sql = postgres
    ? `SELECT ${cols} FROM "SearchEntry" e, to_tsquery('simple', ${matchParam}) q WHERE e."fts" @@ q${filters} ORDER BY ts_rank(e."fts", q) DESC, e."date" DESC LIMIT ${p(opts.limit)}`
    : `SELECT ${cols} FROM "SearchFts" f JOIN "SearchEntry" e ON e."seq" = f.rowid WHERE "SearchFts" MATCH ${matchParam}${filters} ORDER BY bm25("SearchFts"), e."date" DESC LIMIT ${p(opts.limit)}`;
  if (postgres) return db.$queryRawUnsafe<IndexRow[]>(sql, ...params);
  return sqliteReadPool(databaseUrlOf(db)).all<IndexRow>(sql, params);
}

/** SQLite raw queries return DateTime columns as milliseconds or text; PostgreSQL as Date. */
export function rowDate(v: Date | string | number): Date {
  if (v instanceof Date) return v;
  const d = new Date(typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}
