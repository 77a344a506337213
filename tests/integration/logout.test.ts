// "Se déconnecter" (lib/auth/logout.ts endSession): the account's session version moves on, so that the captured
// cookie of that session no longer opens the space (lib/auth/session-validity.ts, what currentSession() checks on
// each request); the journal records it once. One conditional update: two logouts of the same session at once move
// the version once and journal once. On PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endSession } from "../../lib/auth/logout";
import { sessionStillOpens } from "../../lib/auth/session-validity";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, { log: () => {} });
});
afterAll(async () => t?.dispose());

/** The claims a session cookie of this person would carry right now. */
async function capturedSession(prenom: string) {
  const personne = await t.db.personne.findFirstOrThrow({ where: { prenoms: { has: prenom } }, select: { id: true, compte: { select: { id: true, versionSession: true } } } });
  return { sub: personne.compte!.id, personneId: personne.id, versionSession: personne.compte!.versionSession };
}
const logouts = (personneId: string) => t.db.journalAudit.count({ where: { type: "DECONNEXION", acteur: personneId } });

describe(`déconnexion (${testDatabaseKind()})`, () => {
  it("après la déconnexion, la session capturée est refusée ; celle d'une autre personne reste ouverte ; le journal l'enregistre", async () => {
    const thomas = await capturedSession("Thomas");
    const marc = await capturedSession("Marc");
    expect(await sessionStillOpens(t.db, thomas)).toBe(true);

    expect(await endSession(t.db, thomas, { ip: "203.0.113.7" })).toBe(true);

    expect(await sessionStillOpens(t.db, thomas)).toBe(false);
    expect(await sessionStillOpens(t.db, marc)).toBe(true);
    const entry = await t.db.journalAudit.findFirstOrThrow({ where: { type: "DECONNEXION", acteur: thomas.personneId } });
    expect(entry).toMatchObject({ sujetId: thomas.personneId, ip: "203.0.113.7" });
    // A new login gets the new version: it opens.
    expect(await sessionStillOpens(t.db, await capturedSession("Thomas"))).toBe(true);
  });

  it("une session déjà terminée ne se termine pas deux fois : rien n'est écrit", async () => {
    const jeanne = await capturedSession("Jeanne");
    expect(await endSession(t.db, jeanne, { ip: null })).toBe(true);
    const version = (await capturedSession("Jeanne")).versionSession;
    expect(await endSession(t.db, jeanne, { ip: null })).toBe(false);
    expect((await capturedSession("Jeanne")).versionSession).toBe(version);
    expect(await logouts(jeanne.personneId)).toBe(1);
  });

  it("deux déconnexions simultanées de la même session : la version avance une fois, une seule entrée au journal", async () => {
    const ines = await capturedSession("Inès");
    const results = await Promise.all([endSession(t.db, ines, { ip: null }), endSession(t.db, ines, { ip: null })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await capturedSession("Inès")).versionSession).toBe(ines.versionSession + 1);
    expect(await logouts(ines.personneId)).toBe(1);
  });
});
