import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";

const handlerPath = path.resolve(import.meta.dirname, "next-cache-handler.cjs");
const require = createRequire(import.meta.url);

const page = (tags: string) => ({ kind: "APP_PAGE", html: "<p>v1</p>", headers: { "x-next-cache-tags": tags } });

describe("page cache handler", () => {
  it("serves a page until a revalidation of one of its tags, including the implicit path tags", async () => {
    const Handler = require(handlerPath);
    await Handler.resetForTests();
    const cache = new Handler();
    await cache.set("/v/slug", page("_N_T_/layout,_N_T_/v/slug"), {});
    expect((await cache.get("/v/slug", {}))?.value.html).toBe("<p>v1</p>");
    await new Promise((r) => setTimeout(r, 2));
    await cache.revalidateTag(["_N_T_/v/slug"]);
    expect(await cache.get("/v/slug", {})).toBeNull();
    // soft tags passed by Next on get count too
    await cache.set("/v/other", page(""), {});
    await new Promise((r) => setTimeout(r, 2));
    await cache.revalidateTag("_N_T_/v/other");
    expect(await cache.get("/v/other", { softTags: ["_N_T_/v/other"] })).toBeNull();
    await Handler.resetForTests();
  });

  const multi = process.env.REDIS_URL && process.env.TEST_DATABASE_URL;
  if (!multi && process.env.CI === "true") throw new Error("CI=true needs REDIS_URL and TEST_DATABASE_URL for the multi-process cache test");
  (multi ? it : it.skip)("a revalidation in one process reaches the others through Redis", async () => {
    // Workers stand in for processes: each has its own globalThis, so its own cache.
    const source = `
      const { parentPort } = require("node:worker_threads");
      const Handler = require(${JSON.stringify(handlerPath)});
      const cache = new Handler();
      parentPort.on("message", async ({ id, op, key, tags }) => {
        if (op === "set") await cache.set(key, { kind: "APP_PAGE", html: "x", headers: { "x-next-cache-tags": tags } }, {});
        if (op === "revalidate") await cache.revalidateTag(tags.split(","));
        const hit = op === "get" ? (await cache.get(key, {})) !== null : null;
        if (op === "close") await Handler.resetForTests();
        parentPort.postMessage({ id, hit });
      });`;
    const env = { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL };
    const workers = [new Worker(source, { eval: true, env }), new Worker(source, { eval: true, env })];
    let seq = 0;
    const call = (w: Worker, msg: object) => new Promise<{ hit: boolean | null }>((resolve) => {
      const id = ++seq;
      const on = (m: { id: number; hit: boolean | null }) => { if (m.id === id) { w.off("message", on); resolve(m); } };
      w.on("message", on);
      w.postMessage({ id, ...msg });
    });
    try {
      await new Promise((r) => setTimeout(r, 300)); // subscriptions settle
      for (const w of workers) await call(w, { op: "set", key: "/v/slug", tags: "_N_T_/v/slug" });
      expect((await call(workers[1], { op: "get", key: "/v/slug" })).hit).toBe(true);
      await call(workers[0], { op: "revalidate", tags: "_N_T_/v/slug" });
      const deadline = Date.now() + 3000;
      let hit = true;
      while (hit && Date.now() < deadline) {
        hit = (await call(workers[1], { op: "get", key: "/v/slug" })).hit === true;
        if (hit) await new Promise((r) => setTimeout(r, 20));
      }
      expect(hit).toBe(false);
    } finally {
      for (const w of workers) await call(w, { op: "close" });
      await Promise.all(workers.map((w) => w.terminate()));
    }
  });

  afterAll(async () => {
    await require(handlerPath).resetForTests();
  });
});
