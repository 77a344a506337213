// Driver adapters for the Prisma CLI (migrations). Kept apart from the runtime client: the CLI needs the
// 7.x PostgreSQL adapter, and a fix to how it runs migration scripts.
import type { PrismaConfig } from "prisma";
import type { DatabaseConfig } from "./database-config";
import { acquirePgliteLock } from "./pglite-lock";

/** The driver adapter factory type the Prisma CLI expects from prisma.config.ts. */
type MigrationAdapterFactory = Awaited<ReturnType<Extract<PrismaConfig, { engine: "js" }>["adapter"]>>;

export async function createMigrationAdapter(config: DatabaseConfig): Promise<MigrationAdapterFactory> {
  if (config.kind === "postgres") {
    const { default: pg } = await import("pg");
    // adapter-pg 6.19 cannot read the migration table's "name" columns; the 7.x adapter can.
    const { PrismaPg } = await import("@prisma/adapter-pg-7");
    const pool = new pg.Pool({ connectionString: config.url, max: 2 });
    const factory = new PrismaPg(pool);
    const connect = factory.connect.bind(factory);
    // The adapter splits a migration script on every ";", which breaks function bodies. PostgreSQL's simple
    // query protocol runs a whole script at once, and in one implicit transaction: a migration applies fully
    // or not at all.
    factory.connect = async () => {
      const adapter = await connect();
      adapter.executeScript = async (script: string) => {
        try {
          await pool.query(script);
        } catch (error) {
          (adapter as unknown as { onError(error: unknown): never }).onError(error);
        }
      };
      return adapter;
    };
    return factory;
  }
  acquirePgliteLock(config.dataDir);
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  // pglite-prisma-adapter is typed against an older driver-adapter-utils; the runtime contract is the same.
  return new PrismaPGlite(new PGlite(config.dataDir)) as unknown as MigrationAdapterFactory;
}
