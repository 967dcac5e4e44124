// Writes schema.sqlite.prisma and schema.postgres.prisma from the headers + models.prisma.
import { readFileSync, writeFileSync } from "node:fs";
const dir = new URL(".", import.meta.url);
const models = readFileSync(new URL("models.prisma", dir), "utf8");
for (const provider of ["sqlite", "postgres"]) {
  const header = readFileSync(new URL(`header.${provider}.prisma`, dir), "utf8");
  writeFileSync(new URL(`schema.${provider}.prisma`, dir), `${header}\n${models}`);
}
