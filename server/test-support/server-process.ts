/**
 * One Sanad server as a separate process, for tests that must kill it (SIGKILL) the way a
 * crash would: `PORT` and `DATABASE_URL` from the environment, Next off, the collab store's
 * production batch (50 ms). Prints `READY <port>` once it accepts connections.
 */
import { startServer } from "../main";

const server = await startServer({
  port: Number(process.env.PORT ?? 0),
  host: "127.0.0.1",
  databaseUrl: process.env.DATABASE_URL,
  next: false,
  quiet: true,
  redisUrl: null,
  webhooks: false,
});
console.log(`READY ${server.port}`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
