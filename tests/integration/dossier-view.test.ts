// What "Mon dossier" and the tableau de bord read: only under a grant that allows it, and only what the pages show.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideAccess } from "../../lib/access/decide-access";
import { AccessDeniedError } from "../../lib/access/access-grant";
import { delegationState, dossierOverview, dossierPrestations } from "../../lib/dossier/dossier-view";
import { DEMO_PAYMENT_MONTHS, seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const person = async (prenom: string, numero: string) =>
  (await t.db.membre.findFirstOrThrow({ where: { foyer: { numeroAllocataire: numero }, personne: { prenoms: { has: prenom } } }, select: { personneId: true } })).personneId;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, demoKeys(), { log: () => {} });
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

describe(`lecture du dossier selon la décision d'accès (${testDatabaseKind()})`, () => {
  it("l'allocataire voit la composition du foyer, les prestations en cours et douze mois de paiements", async () => {
    const now = new Date();
    const grant = (await decideAccess(t.db, await person("Sophie", "0523456"), { numeroAllocataire: "0523456" }, now))!;
    const dossier = await dossierOverview(t.db, grant, now);
    expect(dossier.membres.map((m) => [m.nom, m.estVous])).toEqual([
      ["Sophie BERNARD", true],
      ["Karim BERNARD", false],
    ]);
    expect(dossier.prestations.map((p) => p.code).sort()).toEqual(["AF", "PA"]);
    expect(dossier.paiements).toHaveLength(DEMO_PAYMENT_MONTHS * 2);
    expect(dossier.prochainPaiement?.montantCentimes).toBe(15_105 + 16_482);
    // Nothing that identifies or reaches anyone: no NIR, no contact detail, no internal id.
    expect(JSON.stringify(dossier)).not.toMatch(/@|\+33|290013306308710|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it("le conjoint sans délégation ne lit rien du dossier, pas même les noms des membres", async () => {
    const now = new Date();
    const grant = (await decideAccess(t.db, await person("Inès", "0698765"), { numeroAllocataire: "0698765" }, now))!;
    await expect(dossierOverview(t.db, grant, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(dossierPrestations(t.db, grant, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await delegationState(t.db, grant)).toEqual({ kind: "aucune" });
  });

  it("le conjoint allocataire voit l'AAH versée à son nom parmi les prestations du dossier", async () => {
    const now = new Date();
    const grant = (await decideAccess(t.db, await person("Nadia", "0634567"), { numeroAllocataire: "0634567" }, now))!;
    const { prestations } = await dossierPrestations(t.db, grant, now);
    expect(prestations.find((p) => p.code === "AAH")?.beneficiaire).toMatch(/^Nadia /);
  });

  it("l'état de la délégation : accordée pour l'allocataire, reçue pour le conjoint, à accorder pour l'allocataire d'un couple qui ne l'a pas fait", async () => {
    expect(await delegationState(t.db, (await decideAccess(t.db, await person("Sophie", "0523456"), { numeroAllocataire: "0523456" }))!)).toMatchObject({ kind: "accordee", a: "Karim BERNARD" });
    expect(await delegationState(t.db, (await decideAccess(t.db, await person("Karim", "0523456"), { numeroAllocataire: "0523456" }))!)).toMatchObject({ kind: "recue", de: "Sophie BERNARD" });
    expect(await delegationState(t.db, (await decideAccess(t.db, await person("Thomas", "0698765"), { numeroAllocataire: "0698765" }))!)).toEqual({ kind: "aucune-accordee", peutAccorder: true });
    expect(await delegationState(t.db, (await decideAccess(t.db, await person("Léa", "0745678"), { numeroAllocataire: "0745678" }))!)).toEqual({ kind: "aucune" });
  });

  it("un étranger au dossier est arrêté avant toute lecture", async () => {
    const grant = (await decideAccess(t.db, await person("Léa", "0745678"), { numeroAllocataire: "0523456" }))!;
    await expect(delegationState(t.db, grant)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
