// Prisma CLI configuration. Migrations run through the JavaScript schema engine and a driver adapter, so
// that no native engine has to be downloaded (see docs/decisions/0001-prisma-6-moteur-javascript.md).
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { resolveDatabaseConfig } from "./lib/db/database-config";
import { createMigrationAdapter } from "./lib/db/migration-adapters";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: () => createMigrationAdapter(resolveDatabaseConfig()),
} satisfies PrismaConfig;
