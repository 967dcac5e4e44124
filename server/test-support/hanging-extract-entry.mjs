// Test-only worker entry: a page whose bytes start with "HANG" keeps the thread busy forever,
// as a hostile page could; every other page is read by the real worker.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
parentPort.on("message", (req) => {
  if (Buffer.from(req.task.bytes.subarray(0, 4)).toString() === "HANG") for (;;);
});
await import("../extract/extract-worker.ts");
