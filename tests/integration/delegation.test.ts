// The délégation de gestion from the space (SPEC §1, QUALITY-BARS 6, 7): only the allocataire of a foyer in a couple
// grants or withdraws it; withdrawing ends the conjoint's sessions; one délégation at a time, even in a race.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { delegationContext, grantDelegation, withdrawDelegation } from "../../lib/delegation/delegation-service";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const ip = "192.0.2.10";

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, demoKeys(), { log: () => {} });
});
afterAll(async () => t?.dispose());

const idOf = async (nom: string, prenom: string) => (await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } } })).id;

describe(`délégation de gestion depuis l'espace (${testDatabaseKind()})`, () => {
  it("Sophie retire la délégation à Karim : elle est close, journalisée, et les sessions de Karim prennent fin", async () => {
    const sophie = await idOf("BERNARD", "Sophie");
    const karim = await idOf("BERNARD", "Karim");
    const before = await t.db.compte.findUniqueOrThrow({ where: { personneId: karim } });
    const outcome = await withdrawDelegation(t.db, { personneId: sophie, ip });
    expect(outcome).toMatchObject({ ok: true, context: { active: null, conjoint: { nomAffiche: "Karim BERNARD" } } });
    expect(await t.db.delegation.count({ where: { delegataireId: karim, retireeLe: null } })).toBe(0);
    expect((await t.db.compte.findUniqueOrThrow({ where: { personneId: karim } })).versionSession).toBe(before.versionSession + 1);
    expect(await t.db.journalAudit.count({ where: { type: "DELEGATION_RETIREE", acteur: sophie, sujetId: karim } })).toBe(1);
    expect(await withdrawDelegation(t.db, { personneId: sophie, ip })).toMatchObject({ ok: false, reason: "AUCUNE_DELEGATION" });
  });

  it("ni un conjoint ni un allocataire seul ne peuvent accorder ou retirer une délégation", async () => {
    for (const [nom, prenom] of [["BERNARD", "Karim"], ["LEFEBVRE", "Léa"], ["ROCHE", "Inès"]] as const) {
      const id = await idOf(nom, prenom);
      expect(await delegationContext(t.db, id)).toBeNull();
      expect(await grantDelegation(t.db, { personneId: id, ip })).toMatchObject({ ok: false, reason: "NON_AUTORISE" });
      expect(await withdrawDelegation(t.db, { personneId: id, ip })).toMatchObject({ ok: false, reason: "NON_AUTORISE" });
    }
    expect(await t.db.delegation.count({ where: { retireeLe: null } })).toBe(0);
  });

  it("deux demandes simultanées de Sophie n'accordent qu'une délégation", async () => {
    const sophie = await idOf("BERNARD", "Sophie");
    const results = await Promise.all([grantDelegation(t.db, { personneId: sophie, ip }), grantDelegation(t.db, { personneId: sophie, ip })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: "DEJA_ACCORDEE" });
    expect(await t.db.delegation.count({ where: { delegantId: sophie, retireeLe: null } })).toBe(1);
  });
});
