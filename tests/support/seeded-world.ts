// The setup most integration tests share: a fresh test database (PGlite or PostgreSQL) with the demo personas,
// optionally the test fixtures, and real SMTP and SMS sinks on loopback; plus the small lookups they all need.
import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../lib/db/open-prisma";
import type { Transports } from "../../lib/messaging/transports";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { seedTestFixtures } from "../../prisma/seed/test-fixtures";
import { demoKeys } from "./demo-keys";
import { startLocalSinks, type LocalSinks } from "./local-sinks";
import { createTestDatabase, type TestDatabase } from "./test-database";

export type SeededWorld = {
  readonly keys: ReturnType<typeof demoKeys>;
  readonly t: TestDatabase;
  readonly db: Database;
  readonly sinks: LocalSinks;
  readonly transports: Transports;
};

/** Registers the suite's beforeAll/afterAll; the fields are there once beforeAll has run. */
export function seededWorld(options: { fixtures?: boolean } = {}): SeededWorld {
  const keys = demoKeys();
  let t: TestDatabase | undefined;
  let sinks: LocalSinks | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedPersonas(t.db, keys, { log: () => {} });
    if (options.fixtures) await seedTestFixtures(t.db, keys);
    sinks = await startLocalSinks();
  });
  afterAll(async () => {
    await sinks?.close();
    await t?.dispose();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("seededWorld : la base n'est prête qu'après beforeAll.");
    return value;
  };
  return {
    keys,
    get t() { return ready(t); },
    get db() { return ready(t).db; },
    get sinks() { return ready(sinks); },
    get transports() { return ready(sinks).transports; },
  };
}

/** A new client address for each call, in a documentation range (RFC 5737), so no two tries share a counter. */
export function ipSequence(prefix: "192.0.2" | "198.51.100" | "203.0.113"): () => string {
  let counter = 0;
  return () => `${prefix}.${++counter}`;
}

export async function personneIdByName(db: Database, nom: string, prenom: string): Promise<string> {
  return (await db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } }, select: { id: true } })).id;
}

/** The 6-digit code of the newest message the sinks received for this recipient (the store lists newest first). */
export async function latestCodeFor(sinks: LocalSinks, recipient: string, about?: RegExp): Promise<string> {
  const messages = await sinks.received((m) => m.to.includes(recipient) && (!about || about.test(m.text)) && /\b\d{6}\b/.test(m.text));
  const code = messages[0]?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`aucun code reçu par ${recipient}`);
  return code;
}
