// Delivers the outbox in a process of its own (the portal already does it in-process unless OUTBOX_WORKER=off).
//
//   npx tsx scripts/outbox-worker.ts
//
// Same settings as the portal (DATABASE_URL, keys, SMTP_URL, TWILIO_*). Several workers may run side by side on
// PostgreSQL: each message is sent by one of them. The embedded database allows one process only, so with PGlite
// run the portal with OUTBOX_WORKER=off… or simply let the portal deliver.
import { loadAppConfig, fieldKeysOf } from "../lib/config/app-config";
import { ConfigurationError } from "../lib/db/database-config";
import { openPrisma } from "../lib/db/open-prisma";
import { loadMessagingConfig } from "../lib/messaging/messaging-config";
import { startOutboxWorker } from "../lib/messaging/outbox-worker";
import { createTransports } from "../lib/messaging/transports";

const say = (line: string) => console.log(`[messages] ${line}`);

async function main() {
  const config = loadAppConfig();
  const messaging = loadMessagingConfig(process.env, config.mode);
  const intervalMs = Number(process.env.OUTBOX_INTERVAL_MS ?? 5_000);
  if (!Number.isInteger(intervalMs) || intervalMs < 100) throw new ConfigurationError("OUTBOX_INTERVAL_MS doit être un nombre entier de millisecondes, 100 au moins.");
  const db = await openPrisma(config.database, { poolSize: 4 });
  const worker = startOutboxWorker({
    db,
    transports: createTransports(messaging),
    keys: fieldKeysOf(config),
    intervalMs,
  });
  const smtpHost = new URL(messaging.smtpUrl).host;
  say(`Envoi des messages en cours (courriels par ${smtpHost}, SMS par ${new URL(messaging.sms.baseUrl).host}), toutes les ${intervalMs / 1000} s. Ctrl+C pour arrêter.`);
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      say("Arrêt : fin de l'envoi en cours…");
      void worker
        .stop()
        .then(() => db.close())
        .then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) console.error(`[messages] ${error.message}`);
  else console.error(error);
  process.exit(1);
});
