import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";

/**
 * SQLite mode is one process: a second server on the same file would split rooms and
 * interleave writes. A lock file with our pid refuses that; a stale lock (dead pid) is taken over.
 */
export function lockSqliteFile(dbFile: string): () => void {
  const lockFile = `${dbFile}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockFile, "utf8") === String(process.pid)) unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(lockFile, "utf8"));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(`Another Sanad process (pid ${pid}) is using ${dbFile}. SQLite mode runs one process; use PostgreSQL (DATABASE_URL=postgresql://…) to run several.`);
      }
      unlinkSync(lockFile);
    }
  }
  throw new Error(`could not lock ${dbFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
