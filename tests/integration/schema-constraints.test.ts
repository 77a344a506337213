// The same migration history builds the same schema, with the same constraints, on PGlite and PostgreSQL:
// this file runs once per database (vitest projects integration-pglite and integration-postgres).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../lib/db/generated/client";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.dispose());

async function newFoyer(numero: string) {
  return t.db.foyer.create({ data: { numeroAllocataire: numero, situation: "COUPLE", motDePasseDossierHash: "h", fictif: true } });
}
async function newPersonne(nom: string) {
  return t.db.personne.create({
    data: { nomNaissance: nom, prenoms: ["Test"], sexe: "F", dateNaissance: new Date("1990-01-01"), lieuNaissancePays: "FRANCE", fictif: true },
  });
}

describe(`schéma et contraintes (${testDatabaseKind()})`, () => {
  it("les migrations du dépôt ont toutes été appliquées", async () => {
    const applied = await t.db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations`;
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((m) => m.finished_at !== null)).toBe(true);
  });

  it("chaque modèle du schéma Prisma a sa table, et il n'y a aucune autre table", async () => {
    // The list comes from the generated client (one entry per model of prisma/schema.prisma), not from a copy.
    const models = Object.values(Prisma.ModelName).sort();
    const rows = await t.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text AS table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
    expect(models.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.table_name).sort()).toEqual(models);
  });

  it("un numéro allocataire est unique", async () => {
    await newFoyer("1000001");
    await expect(newFoyer("1000001")).rejects.toThrow();
  });

  it("un numéro allocataire a exactement 7 chiffres", async () => {
    await expect(newFoyer("12345")).rejects.toThrow();
  });

  it("un foyer n'a qu'un seul allocataire", async () => {
    const foyer = await newFoyer("1000002");
    const a = await newPersonne("UN");
    const b = await newPersonne("DEUX");
    await t.db.membre.create({ data: { foyerId: foyer.id, personneId: a.id, role: "ALLOCATAIRE" } });
    await expect(t.db.membre.create({ data: { foyerId: foyer.id, personneId: b.id, role: "ALLOCATAIRE" } })).rejects.toThrow();
    await t.db.membre.create({ data: { foyerId: foyer.id, personneId: b.id, role: "CONJOINT" } });
    expect(await t.db.membre.count({ where: { foyerId: foyer.id } })).toBe(2);
  });

  it("un conjoint allocataire nomme la prestation qui le rend allocataire", async () => {
    const foyer = await newFoyer("1000003");
    const p = await newPersonne("TROIS");
    await expect(t.db.membre.create({ data: { foyerId: foyer.id, personneId: p.id, role: "CONJOINT_ALLOCATAIRE" } })).rejects.toThrow();
    await t.db.membre.create({ data: { foyerId: foyer.id, personneId: p.id, role: "CONJOINT_ALLOCATAIRE", prestationPropre: "AAH" } });
  });

  it("le même NIR (par son empreinte) ne peut appartenir qu'à une personne", async () => {
    await t.db.personne.create({ data: { ...(await personneData("QUATRE")), nirEmpreinte: "a".repeat(64) } });
    await expect(t.db.personne.create({ data: { ...(await personneData("CINQ")), nirEmpreinte: "a".repeat(64) } })).rejects.toThrow();
  });

  it("un identifiant provisoire est unique et de la forme P + 8 chiffres", async () => {
    await t.db.personne.create({ data: { ...(await personneData("SIX")), identifiantProvisoire: "P12345678" } });
    await expect(t.db.personne.create({ data: { ...(await personneData("SEPT")), identifiantProvisoire: "P12345678" } })).rejects.toThrow();
    await expect(t.db.personne.create({ data: { ...(await personneData("HUIT")), identifiantProvisoire: "X1234" } })).rejects.toThrow();
  });

  it("une adresse vérifiée n'appartient qu'à une personne, une adresse non vérifiée peut être partagée", async () => {
    const [a, b, c] = [await newPersonne("A"), await newPersonne("B"), await newPersonne("C")];
    const same = { type: "EMAIL" as const, valeurChiffree: "x", empreinte: "e".repeat(64) };
    await t.db.coordonnee.create({ data: { ...same, personneId: a.id, verifiee: true } });
    await t.db.coordonnee.create({ data: { ...same, personneId: b.id, verifiee: false } });
    await expect(t.db.coordonnee.create({ data: { ...same, personneId: c.id, verifiee: true } })).rejects.toThrow();
  });

  it("un foyer n'a qu'une délégation active à la fois", async () => {
    const foyer = await newFoyer("1000004");
    const [a, b] = [await newPersonne("D"), await newPersonne("E")];
    await t.db.delegation.create({ data: { foyerId: foyer.id, delegantId: a.id, delegataireId: b.id } });
    await expect(t.db.delegation.create({ data: { foyerId: foyer.id, delegantId: a.id, delegataireId: b.id } })).rejects.toThrow();
  });

  it("le journal d'audit accepte les ajouts mais refuse modification et suppression", async () => {
    const entry = await t.db.journalAudit.create({ data: { type: "TEST", acteur: "systeme" } });
    await expect(t.db.journalAudit.update({ where: { id: entry.id }, data: { type: "AUTRE" } })).rejects.toThrow(/ajout seul/);
    await expect(t.db.journalAudit.delete({ where: { id: entry.id } })).rejects.toThrow(/ajout seul/);
    expect((await t.db.journalAudit.findUniqueOrThrow({ where: { id: entry.id } })).type).toBe("TEST");
  });
});

async function personneData(nom: string) {
  return { nomNaissance: nom, prenoms: ["Test"], sexe: "M" as const, dateNaissance: new Date("1980-05-05"), lieuNaissancePays: "FRANCE", fictif: true };
}
