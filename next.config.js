import { fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads its per-request configuration (locale, catalogue) from i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Type checking is its own step of `npm test` (tsc --noEmit over the whole project,
  // tests included); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Page cache in memory (and across processes through Redis): see server/next-cache-handler.cjs.
  cacheHandler: fileURLToPath(new URL("./server/next-cache-handler.cjs", import.meta.url)),
  cacheMaxMemorySize: 0,
  // Native and driver packages stay outside the bundle; Prisma's generated client is TS we compile.
  // yjs (with lib0 and y-protocols) too: bundled, it was a second copy beside the one server/main.ts loads
  // ("Yjs was already imported" in the server log); external, both graphs import the same node_modules/yjs.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "bcryptjs", "yjs", "lib0", "y-protocols"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      // Archived copies are framed by Sanad's own archive page (sandboxed, under a CSP with
      // frame-ancestors 'self'); a later matching rule overrides the earlier header.
      ...["/articles/:id/archive/:captureId/raw", "/v/:slug/archive/:captureId/raw"].map((source) => ({
        source,
        headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
