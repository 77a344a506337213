// Opens a Prisma client on either database. Used by the portal (through client.ts), the seeds and the tests.
import { PrismaClient } from "./generated/client";
import type { DatabaseConfig } from "./database-config";
import { acquirePgliteLock } from "./pglite-lock";

export type Database = PrismaClient & { close(): Promise<void> };

export async function openPrisma(config: DatabaseConfig, options: { poolSize?: number } = {}): Promise<Database> {
  if (config.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const adapter = new PrismaPg({ connectionString: config.url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
    const client = new PrismaClient({ adapter });
    return Object.assign(client, { close: () => client.$disconnect() });
  }
  const release = acquirePgliteLock(config.dataDir);
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const pglite = new PGlite(config.dataDir);
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return Object.assign(client, {
    close: async () => {
      await client.$disconnect();
      await pglite.close();
      release();
    },
  });
}
