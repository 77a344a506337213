// Next.js calls register() once when the server starts. The portal uses it to deliver the outbox in-process
// (lib/messaging/outbox-worker.ts): messages queued by server actions go out within seconds, with nothing else to
// run. OUTBOX_WORKER=off turns it off, e.g. when scripts/outbox-worker.ts runs beside the portal on PostgreSQL.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads the server code too: no worker (and no database) while building.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.OUTBOX_WORKER?.trim().toLowerCase() === "off") return;

  // The proxy and the pages may each run this hook in the same process: one worker per process.
  const flag = Symbol.for("mon-compte.outbox-worker");
  const global = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (global[flag]) return;
  global[flag] = true;

  const [{ appConfig, fieldKeysOf }, { db }, { ConfigurationError }, { loadMessagingConfig }, { createTransports }, { startOutboxWorker }] = await Promise.all([
    import("./lib/config/app-config"),
    import("./lib/db/client"),
    import("./lib/db/database-config"),
    import("./lib/messaging/messaging-config"),
    import("./lib/messaging/transports"),
    import("./lib/messaging/outbox-worker"),
  ]);
  try {
    const config = appConfig();
    const messaging = loadMessagingConfig(process.env, config.mode);
    startOutboxWorker({
      db,
      transports: createTransports(messaging),
      keys: fieldKeysOf(config),
      intervalMs: 5_000,
      unref: true,
    });
  } catch (error) {
    if (error instanceof ConfigurationError) {
      // A bad setting stops the portal with one sentence, as at start-up: without it no code could be sent.
      console.error(`[mon-compte] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
