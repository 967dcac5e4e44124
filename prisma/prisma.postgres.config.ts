import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// Used only by the Prisma CLI (generate, migrate diff). The app connects in server/db.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.postgres.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" }),
});
