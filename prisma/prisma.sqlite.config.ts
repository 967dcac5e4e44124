import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Used only by the Prisma CLI (generate, migrate diff). The app connects in server/db.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.sqlite.prisma",
  adapter: async () => new PrismaBetterSQLite3({ url: "file:./data/cli.db" }),
});
