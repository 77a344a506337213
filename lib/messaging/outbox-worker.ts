// Runs deliverPendingMessages every few seconds until stopped. One tick at a time (no overlap); a failing tick
// (database unreachable…) is logged and the next one tries again. Several workers may run side by side: the claim
// in deliver-outbox.ts makes sure each message is sent by one of them.
import type { FieldKeys } from "../crypto/field-encryption";
import { deliverPendingMessages, type OutboxDatabase } from "./deliver-outbox";
import type { Transports } from "./transports";

export type OutboxWorker = {
  /** Stops the timer and waits for the tick in progress, if any. */
  stop(): Promise<void>;
  /** Runs a tick now (or right after the one in progress); resolves when it is over. */
  tick(): Promise<void>;
};

export type OutboxWorkerOptions = {
  db: OutboxDatabase | (() => Promise<OutboxDatabase>);
  transports: Transports;
  keys: FieldKeys;
  intervalMs?: number;
  limit?: number;
  /** Lets the process exit while the worker waits (for workers running beside other work). */
  unref?: boolean;
  log?: (line: string) => void;
};

export function startOutboxWorker({ db, transports, keys, intervalMs = 5_000, limit, unref = false, log = (line) => console.info(`[messages] ${line}`) }: OutboxWorkerOptions): OutboxWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let lastError: string | undefined;

  const runOnce = async () => {
    try {
      const database = typeof db === "function" ? await db() : db;
      await deliverPendingMessages(database, transports, keys, { limit, log });
      if (lastError) log("la boîte d'envoi est de nouveau accessible.");
      lastError = undefined;
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error);
      // Said once, not every five seconds.
      if (message !== lastError) console.error(`[messages] boîte d'envoi inaccessible (${message.slice(0, 200)}) : nouvel essai toutes les ${Math.round(intervalMs / 1000)} s.`);
      lastError = message;
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), intervalMs);
    if (unref) timer.unref();
  };

  const tick = (): Promise<void> => {
    if (stopped) return running ?? Promise.resolve();
    if (running) return running.then(() => tick());
    clearTimeout(timer);
    running = runOnce().finally(() => {
      running = undefined;
      schedule();
    });
    return running;
  };

  void tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    tick,
  };
}
