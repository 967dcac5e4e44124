/**
 * `npm start`: build the Next app when there is no build for the current sources
 * (server/build.ts), then run the server (server/main.ts). Printing where to open it and how
 * to sign in is main's job.
 */
import { ensureBuilt } from "./build";

ensureBuilt();
process.env.NEXT_TELEMETRY_DISABLED = "1";
await import("./main");
