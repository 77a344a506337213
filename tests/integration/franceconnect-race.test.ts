// Parallel FranceConnect logins on a real database: the link between a FranceConnect subject and a personne is
// decided by the database (a conditional update and a unique index), and whichever way a race ends, the person gets
// an answer — never an exception (which would be a 500 page).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginWithFranceConnect, type FranceConnectLoginOutcome } from "../../lib/franceconnect/franceconnect-login";
import { STANDIN_IDENTITIES } from "../../lib/franceconnect/standin/identities";
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

const identity = (login: string) => {
  const found = STANDIN_IDENTITIES.find((i) => i.login === login);
  if (!found) throw new Error(`identité ${login} absente du simulateur`);
  return found;
};

const login = (login: string, sub: string) =>
  loginWithFranceConnect(t.db, keys, { sub, identity: identity(login), ip: "192.0.2.61", userAgent: null });

/** Each outcome, or the exception's name and message when one escaped. */
async function settle(attempts: Promise<FranceConnectLoginOutcome>[]) {
  const results = await Promise.allSettled(attempts);
  return results.map((r) => (r.status === "fulfilled" ? r.value.kind + ("reason" in r.value ? `:${r.value.reason}` : "") : `exception:${(r.reason as Error)?.name}:${(r.reason as Error)?.message}`));
}

describe(`connexions FranceConnect simultanées (${testDatabaseKind()})`, () => {
  it("deux personnes liées en même temps au même sujet FranceConnect : l'une est connectée, l'autre refusée, aucune exception", async () => {
    const sub = `${"a".repeat(64)}v1`;
    const outcomes = await settle([login("sophie", sub), login("karim", sub)]);
    expect(outcomes.filter((o) => o.startsWith("exception"))).toEqual([]);
    expect(outcomes.sort()).toEqual(["connecte", "refuse:SUB_DEJA_LIE"]);
    expect(await t.db.personne.count({ where: { franceConnectSub: sub } })).toBe(1);
  });

  it("cinq premières connexions simultanées de la même identité ouvrent toutes une session, avec un seul lien, sans interblocage (20 essais)", async () => {
    // A login that waited on the linking one keeps the personne's row locked (PostgreSQL locks a row it re-checks), while
    // a later login already holds the account's row: before the personne's row was locked first, PostgreSQL reported
    // "deadlock detected" in the first round or so. Twenty rounds, so that a lucky ordering cannot hide it.
    const claire = await t.db.personne.findFirstOrThrow({ where: { nomNaissance: "MARTIN", prenoms: { has: "Claire" } }, select: { id: true } });
    const linksBefore = await t.db.journalAudit.count({ where: { type: "FRANCECONNECT_LIE" } });
    for (let round = 0; round < 20; round++) {
      await t.db.personne.update({ where: { id: claire.id }, data: { franceConnectSub: null } });
      const sub = `${String(round).padStart(2, "0")}${"b".repeat(62)}v1`;
      const outcomes = await settle(Array.from({ length: 5 }, () => login("claire", sub)));
      expect({ round, outcomes }).toEqual({ round, outcomes: Array(5).fill("connecte") });
      expect(await t.db.personne.count({ where: { franceConnectSub: sub } })).toBe(1);
    }
    expect(await t.db.journalAudit.count({ where: { type: "FRANCECONNECT_LIE" } })).toBe(linksBefore + 20);
  });
});
