// "Mes informations personnelles": each person sees their own identity only, the NIR masked (never whole), their
// place in their foyer in plain words; a grant not issued by lib/access is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideSelfAccess, type SelfGrant } from "../../lib/access/self-grant";
import { readPersonalInformation } from "../../lib/personne/personal-information";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { seedTestFixtures } from "../../prisma/seed/test-fixtures";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, { log: () => {} });
  await seedTestFixtures(t.db, keys);
});
afterAll(async () => t?.dispose());

async function grantOf(nom: string, prenom: string): Promise<SelfGrant> {
  const { id } = await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } }, select: { id: true } });
  return decideSelfAccess(id);
}

describe(`mes informations personnelles (${testDatabaseKind()})`, () => {
  it("Inès, conjointe sans délégation, voit sa propre identité avec le NIR masqué, jamais en entier", async () => {
    const info = await readPersonalInformation(t.db, keys, await grantOf("ROCHE", "Inès"));
    expect(info).toEqual({
      nomNaissance: "ROCHE",
      nomUsage: "MOREAU",
      prenoms: ["Inès"],
      sexe: "Féminin",
      dateNaissance: expect.stringMatching(/^\d{1,2} \S+ 1981$/),
      lieuNaissance: expect.stringContaining("(92)"),
      nirMasque: { visuel: "2 81 10 •• ••• ••• 16", lu: "2 81 10, dix chiffres masqués, clé 16" },
      identifiantProvisoire: null,
      roles: [{ numeroAllocataire: "0698765", libelle: "Conjointe de l'allocataire" }],
    });
    expect(JSON.stringify(info)).not.toContain("92050045");
  });

  it("Lucas, enfant majeur du foyer, voit la sienne ; Léa, née en Corse-du-Sud, et Nadia, conjointe allocataire, leurs rôles en mots simples", async () => {
    expect(await readPersonalInformation(t.db, keys, await grantOf("MOREAU", "Lucas"))).toMatchObject({
      prenoms: ["Lucas"],
      nirMasque: { visuel: "1 05 06 •• ••• ••• 59" },
      roles: [{ numeroAllocataire: "0698765", libelle: "Enfant du foyer" }],
    });
    expect(await readPersonalInformation(t.db, keys, await grantOf("LEFEBVRE", "Léa"))).toMatchObject({
      lieuNaissance: expect.stringContaining("(2A)"),
      roles: [{ numeroAllocataire: "0745678", libelle: "Allocataire : le dossier est à votre nom" }],
    });
    expect(await readPersonalInformation(t.db, keys, await grantOf("HADDAD", "Nadia"))).toMatchObject({
      roles: [{ numeroAllocataire: "0634567", libelle: "Conjointe de l'allocataire, et allocataire de votre propre prestation (AAH)" }],
    });
  });

  it("un droit sur soi fabriqué hors du module d'accès est refusé", async () => {
    const forged = { ...(await grantOf("ROCHE", "Inès")) } as SelfGrant;
    await expect(readPersonalInformation(t.db, keys, forged)).rejects.toThrow(/Accès refusé/);
  });
});
