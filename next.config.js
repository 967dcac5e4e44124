import { fileURLToPath } from "node:url";

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
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "bcryptjs"],
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

export default nextConfig;
