// Opens a Prisma client on either database. Used by the portal (through client.ts), the seeds and the tests.
import { PrismaClient } from "./generated/client";
import type { DatabaseConfig } from "./database-config";
import { acquirePgliteLock } from "./pglite-lock";

export type Database = PrismaClient & { close(): Promise<void> };

// A burst of requests queues for a connection (the pool has 10, the embedded database one): a transaction may wait
// up to 10 s for its turn instead of Prisma's 2 s, then fails with an error rather than hanging.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 } as const;

export async function openPrisma(config: DatabaseConfig, options: { poolSize?: number } = {}): Promise<Database> {
  if (config.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const adapter = new PrismaPg({ connectionString: config.url, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
    const client = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
    return Object.assign(client, { close: () => client.$disconnect() });
  }
  const release = acquirePgliteLock(config.dataDir);
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const pglite = new PGlite(config.dataDir);
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  return Object.assign(client, {
    close: async () => {
      await client.$disconnect();
      await pglite.close();
      release();
    },
  });
}
