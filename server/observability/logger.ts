import { pino, type Logger } from "pino";

/** The project's log call: a message and structured fields (articleId = room, reqId, …). */
export type Log = (msg: string, extra?: Record<string, unknown>) => void;

/**
 * Structured JSON logs (pino, one object per line on stdout). `quiet` (tests) logs nothing.
 * LOG_LEVEL sets the level (default info).
 */
export function createLogger(quiet: boolean): { logger: Logger; log: Log } {
  const logger = pino({ name: "sanad", level: quiet ? "silent" : process.env.LOG_LEVEL ?? "info", base: { pid: process.pid } });
  return { logger, log: (msg, extra) => logger.info(extra ?? {}, msg) };
}
