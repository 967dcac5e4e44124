/**
 * Next.js cache handler for ISR and route-handler responses (next.config.js `cacheHandler`).
 *
 * Why not Next's default (files under .next): public verdict pages are static and revalidated
 * on publish, but the files outlive the database they were rendered from (a reset demo, a
 * second database with the same build) and are per machine, so one process revalidating its
 * copy leaves the others stale. Here the cache lives in memory (a restart renders fresh from
 * the database) and, when REDIS_URL is set, every revalidation is published on
 * `sanad:next-cache` so all processes drop the same entries.
 *
 * CommonJS on purpose: Next loads this file itself, outside the app bundle.
 */
const { randomUUID } = require("node:crypto");

const MAX_ENTRIES = Number(process.env.SANAD_PAGE_CACHE_ENTRIES || 2000);
const CHANNEL = "sanad:next-cache";
const PROCESS_ID = randomUUID();

/** One store per process, shared by every handler instance Next creates. */
const store = (globalThis.__sanadPageCache ??= { entries: new Map(), revalidated: new Map(), redis: null });

/**
 * Mark tags revalidated now. Entries carry their own tags, and Next passes a page's implicit
 * path tags (`softTags`, which revalidatePath targets) on every get: an entry older than the
 * latest revalidation of any of its tags is a miss.
 */
function dropTags(tags) {
  const now = Date.now();
  const wanted = new Set(tags);
  for (const tag of wanted) store.revalidated.set(tag, now);
  for (const [key, entry] of store.entries) {
    if (entry.tags.some((t) => wanted.has(t))) store.entries.delete(key);
  }
}

function isStale(entry, ctx) {
  const tags = [...entry.tags, ...((ctx && ctx.tags) || []), ...((ctx && ctx.softTags) || [])];
  return tags.some((t) => (store.revalidated.get(t) || 0) >= entry.lastModified);
}

function connectRedis() {
  if (store.redis !== null || !process.env.REDIS_URL || !/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL || "")) return;
  store.redis = false; // connecting; one attempt per process
  try {
    const Redis = require("ioredis");
    const pub = new Redis(process.env.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
    const sub = new Redis(process.env.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
    pub.on("error", () => {});
    sub.on("error", () => {});
    sub.subscribe(CHANNEL).catch(() => {});
    sub.on("message", (_channel, raw) => {
      try {
        const msg = JSON.parse(raw);
        if (msg.from !== PROCESS_ID && Array.isArray(msg.tags)) dropTags(msg.tags.map(String));
      } catch {
        /* not ours */
      }
    });
    store.redis = { pub, sub };
  } catch {
    store.redis = false;
  }
}

module.exports = class SanadCacheHandler {
  constructor() {
    connectRedis();
  }

  async get(key, ctx) {
    const entry = store.entries.get(key);
    if (!entry) return null;
    if (isStale(entry, ctx)) {
      store.entries.delete(key);
      return null;
    }
    // Keep recently used entries last (a small LRU).
    store.entries.delete(key);
    store.entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  async set(key, data, ctx) {
    if (data === null) {
      store.entries.delete(key);
      return;
    }
    // Pages and route responses carry their tags (including the implicit path tags that
    // revalidatePath targets) in the x-next-cache-tags header of the cached value.
    const header = data && data.headers && data.headers["x-next-cache-tags"];
    const tags = [...((ctx && ctx.tags) || []), ...(typeof header === "string" ? header.split(",") : [])];
    store.entries.delete(key);
    store.entries.set(key, { value: data, lastModified: Date.now(), tags });
    while (store.entries.size > MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value);
  }

  async revalidateTag(tags) {
    const list = [tags].flat().map(String);
    dropTags(list);
    if (store.redis) await store.redis.pub.publish(CHANNEL, JSON.stringify({ from: PROCESS_ID, tags: list })).catch(() => {});
  }

  resetRequestCache() {}
};

/** For tests: forget everything and close Redis connections. */
module.exports.resetForTests = async () => {
  store.entries.clear();
  store.revalidated.clear();
  if (store.redis) {
    await Promise.all([store.redis.pub.quit(), store.redis.sub.quit()]).catch(() => {});
  }
  store.redis = null;
};
