// The délégation de gestion, on the access module (docs/regles/delegation-et-separation.md): only the allocataire of
// a foyer in a couple may grant or withdraw it (GERER_DELEGATION); each change tells the conjoint on their confirmed
// contact details; withdrawing ends the conjoint's sessions and the dossier leaves their access at once; one
// délégation at a time, even in a race.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError, can, decideAccess } from "../../lib/access";
import { delegationContext, grantDelegation, withdrawDelegation } from "../../lib/delegation/delegation-service";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { seedTestFixtures } from "../../prisma/seed/test-fixtures";
import { demoKeys } from "../support/demo-keys";
import { confirmedContactsOf, queuedNotices } from "../support/notices";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const ip = "192.0.2.10";
const keys = demoKeys();

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, { log: () => {} });
  await seedTestFixtures(t.db, keys);
});
afterAll(async () => t?.dispose());

const idOf = async (nom: string, prenom: string) => (await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } } })).id;
const grantOf = async (personneId: string, numeroAllocataire: string) => (await decideAccess(t.db, personneId, { numeroAllocataire }, new Date()))!;

describe(`délégation de gestion depuis l'espace (${testDatabaseKind()})`, () => {
  it("Sophie retire la délégation à Karim : close, journalisée, Karim prévenu sur ses seules coordonnées confirmées, ses sessions closes et le dossier hors de son accès", async () => {
    const sophie = await idOf("BERNARD", "Sophie");
    const karim = await idOf("BERNARD", "Karim");
    expect(can(await grantOf(karim, "0523456"), "VOIR_DOSSIER")).toBe(true);
    const before = await t.db.compte.findUniqueOrThrow({ where: { personneId: karim } });
    const since = new Date();
    const outcome = await withdrawDelegation(t.db, keys, await grantOf(sophie, "0523456"), { ip });
    expect(outcome).toMatchObject({ ok: true, context: { active: null, conjoint: { nomAffiche: "Karim BERNARD" } } });
    expect(await t.db.delegation.count({ where: { delegataireId: karim, retireeLe: null } })).toBe(0);
    expect((await t.db.compte.findUniqueOrThrow({ where: { personneId: karim } })).versionSession).toBe(before.versionSession + 1);
    const entry = await t.db.journalAudit.findFirstOrThrow({ where: { type: "DELEGATION_RETIREE", acteur: sophie, sujetId: karim } });
    expect(entry.details).toMatchObject({ titre: "titulaire", numeroAllocataire: "0523456" });

    const notices = await queuedNotices(t.db, keys, since);
    expect(notices.map((n) => n.destinataire).sort()).toEqual(await confirmedContactsOf(t.db, keys, karim));
    expect(notices.map((n) => n.id).sort()).toEqual([...(outcome.ok ? outcome.avis : [])].sort());
    expect(notices.every((n) => !(n.texte ?? "").includes("http"))).toBe(true);

    // Karim's next request: the access module no longer opens the dossier to him.
    const karimNow = await grantOf(karim, "0523456");
    expect(karimNow.role).toBe("CONJOINT");
    expect(can(karimNow, "VOIR_DOSSIER")).toBe(false);

    expect(await withdrawDelegation(t.db, keys, await grantOf(sophie, "0523456"), { ip })).toMatchObject({ ok: false, reason: "AUCUNE_DELEGATION" });
  });

  it("accorder la délégation prévient le conjoint, et lui seul, sur ses coordonnées confirmées", async () => {
    const marc = await idOf("PETIT", "Marc");
    const nadia = await idOf("HADDAD", "Nadia");
    const since = new Date();
    const outcome = await grantDelegation(t.db, keys, await grantOf(marc, "0634567"), { ip });
    expect(outcome).toMatchObject({ ok: true, context: { conjoint: { personneId: nadia } } });
    const notices = await queuedNotices(t.db, keys, since);
    expect(notices.map((n) => n.destinataire).sort()).toEqual(await confirmedContactsOf(t.db, keys, nadia));
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.find((n) => n.canal === "SMS")?.texte).toContain("deleguee");
    await withdrawDelegation(t.db, keys, await grantOf(marc, "0634567"), { ip });
  });

  it("ni un conjoint (avec ou sans délégation, allocataire), ni un allocataire seul, ni un enfant majeur ne peuvent accorder ou retirer une délégation", async () => {
    const sophie = await idOf("BERNARD", "Sophie");
    const cases = [
      ["BERNARD", "Karim", "0523456"],
      ["LEFEBVRE", "Léa", "0745678"],
      ["ROCHE", "Inès", "0698765"],
      ["HADDAD", "Nadia", "0634567"],
      ["MOREAU", "Lucas", "0698765"],
    ] as const;
    for (const [nom, prenom, numero] of cases) {
      const id = await idOf(nom, prenom);
      const grant = await grantOf(id, numero);
      expect(can(grant, "GERER_DELEGATION"), `${prenom}`).toBe(false);
      expect(await delegationContext(t.db, id)).toBeNull();
      await expect(grantDelegation(t.db, keys, grant, { ip })).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(withdrawDelegation(t.db, keys, grant, { ip })).rejects.toBeInstanceOf(AccessDeniedError);
    }
    // Sophie, allocataire of another foyer, is a stranger to Thomas's dossier.
    await expect(grantDelegation(t.db, keys, await grantOf(sophie, "0698765"), { ip })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await t.db.delegation.count({ where: { retireeLe: null } })).toBe(0);
    for (const [nom, prenom, numero] of [["BERNARD", "Sophie", "0523456"], ["MOREAU", "Thomas", "0698765"], ["PETIT", "Marc", "0634567"]] as const) {
      expect(can(await grantOf(await idOf(nom, prenom), numero), "GERER_DELEGATION"), prenom).toBe(true);
    }
  });

  it("deux demandes simultanées de Sophie n'accordent qu'une délégation", async () => {
    const sophie = await idOf("BERNARD", "Sophie");
    const grant = await grantOf(sophie, "0523456");
    const results = await Promise.all([grantDelegation(t.db, keys, grant, { ip }), grantDelegation(t.db, keys, grant, { ip })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: "DEJA_ACCORDEE" });
    expect(await t.db.delegation.count({ where: { delegantId: sophie, retireeLe: null } })).toBe(1);
  });
});
