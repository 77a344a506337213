// The access table (docs/regles/acces.md), cell by cell, on the demo foyers: every capability for every kind of
// person the table names. The expected table below is written from the rules, not read from lib/access, so that a
// change to the module that breaks a rule fails here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibleDossiers, decideAccess } from "../../lib/access/decide-access";
import { allowsAnything, can, assertCan, AccessDeniedError, type AccessGrant } from "../../lib/access/access-grant";
import { CAPABILITIES, type Capability } from "../../lib/access/capabilities";
import { lookupHash } from "../../lib/crypto/field-encryption";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { ADULT_CHILD, seedTestFixtures } from "../../prisma/seed/test-fixtures";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const ids = new Map<string, string>();
const NIRS: Record<string, string> = {
  sophie: "290013306308710",
  karim: "187051305520164",
  ines: "",
  nadia: "",
  lea: "",
  marc: "",
  helene: "272045935021041",
  lucas: ADULT_CHILD.nir,
};

async function personneIdByNir(nir: string): Promise<string> {
  const p = await t.db.personne.findUniqueOrThrow({ where: { nirEmpreinte: lookupHash(nir, demoKeys()) }, select: { id: true } });
  return p.id;
}

async function personneIdByName(prenom: string, numero: string): Promise<string> {
  const m = await t.db.membre.findFirstOrThrow({ where: { foyer: { numeroAllocataire: numero }, personne: { prenoms: { has: prenom } } }, select: { personneId: true } });
  return m.personneId;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, demoKeys(), { log: () => {} });
  await seedTestFixtures(t.db, demoKeys());
  ids.set("sophie", await personneIdByNir(NIRS.sophie!));
  ids.set("karim", await personneIdByNir(NIRS.karim!));
  ids.set("lucas", await personneIdByNir(NIRS.lucas!));
  ids.set("helene", await personneIdByNir(NIRS.helene!));
  ids.set("ines", await personneIdByName("Inès", "0698765"));
  ids.set("thomas", await personneIdByName("Thomas", "0698765"));
  ids.set("hugo", await personneIdByName("Hugo", "0698765"));
  ids.set("nadia", await personneIdByName("Nadia", "0634567"));
  ids.set("marc", await personneIdByName("Marc", "0634567"));
  ids.set("lea", await personneIdByName("Léa", "0745678"));
  ids.set("paul", await personneIdByName("Paul", "0856789"));
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

const Y = true;
const N = false;
// capability:                         own data, own contacts, separation, dossier, démarches, journal, délégation
const EXPECTED: { who: string; person: string; numero: string; row: boolean[] }[] = [
  { who: "allocataire en couple (Sophie)", person: "sophie", numero: "0523456", row: [Y, Y, Y, Y, Y, Y, Y] },
  { who: "conjoint sans délégation (Inès)", person: "ines", numero: "0698765", row: [Y, Y, Y, N, N, N, N] },
  { who: "conjoint avec délégation (Karim)", person: "karim", numero: "0523456", row: [Y, Y, Y, Y, Y, Y, N] },
  { who: "conjoint allocataire (Nadia, AAH)", person: "nadia", numero: "0634567", row: [Y, Y, Y, Y, Y, Y, N] },
  { who: "allocataire seule (Léa)", person: "lea", numero: "0745678", row: [Y, Y, N, Y, Y, Y, N] },
  { who: "enfant majeur avec un compte (Lucas)", person: "lucas", numero: "0698765", row: [Y, Y, N, N, N, N, N] },
  { who: "personne d'un autre foyer (Marc sur le dossier de Sophie)", person: "marc", numero: "0523456", row: [N, N, N, N, N, N, N] },
  { who: "tuteur, tant que les mesures n'ouvrent rien (Hélène sur le dossier de Paul)", person: "helene", numero: "0856789", row: [N, N, N, N, N, N, N] },
];

describe(`table des accès, case par case (${testDatabaseKind()})`, () => {
  for (const { who, person, numero, row } of EXPECTED) {
    for (const [index, capability] of CAPABILITIES.entries()) {
      const expected = row[index]!;
      it(`${who} : ${expected ? "peut" : "ne peut pas"} ${capability}`, async () => {
        const grant = await decideAccess(t.db, ids.get(person)!, { numeroAllocataire: numero });
        expect(grant).not.toBeNull();
        expect(can(grant, capability)).toBe(expected);
      });
    }
  }

  it("un dossier qui n'existe pas n'a pas de décision, et celui d'un autre foyer n'ouvre rien : les deux aboutissent à « page introuvable »", async () => {
    expect(await decideAccess(t.db, ids.get("sophie")!, { numeroAllocataire: "0000000" })).toBeNull();
    const other = await decideAccess(t.db, ids.get("sophie")!, { numeroAllocataire: "0698765" });
    expect(other?.role).toBe("TIERS");
    expect(allowsAnything(other)).toBe(false);
  });

  it("un enfant mineur du foyer n'a aucun droit sur le dossier", async () => {
    const grant = await decideAccess(t.db, ids.get("hugo")!, { numeroAllocataire: "0698765" });
    expect(allowsAnything(grant)).toBe(false);
  });

  it("la délégation retirée, le conjoint redevient un conjoint sans délégation à la décision suivante", async () => {
    const foyer = await t.db.foyer.findUniqueOrThrow({ where: { numeroAllocataire: "0523456" }, select: { id: true } });
    await t.db.delegation.updateMany({ where: { foyerId: foyer.id, retireeLe: null }, data: { retireeLe: new Date() } });
    try {
      const grant = await decideAccess(t.db, ids.get("karim")!, { numeroAllocataire: "0523456" });
      expect(grant?.role).toBe("CONJOINT");
      expect(can(grant, "VOIR_DOSSIER")).toBe(false);
    } finally {
      await t.db.delegation.create({ data: { foyerId: foyer.id, delegantId: ids.get("sophie")!, delegataireId: ids.get("karim")! } });
    }
  });

  it("une délégation au nom d'un autre que le conjoint n'ouvre rien (seul le conjoint du dossier la reçoit)", async () => {
    const foyer = await t.db.foyer.findUniqueOrThrow({ where: { numeroAllocataire: "0698765" }, select: { id: true } });
    const d = await t.db.delegation.create({ data: { foyerId: foyer.id, delegantId: ids.get("thomas")!, delegataireId: ids.get("lucas")! } });
    try {
      const grant = await decideAccess(t.db, ids.get("lucas")!, { numeroAllocataire: "0698765" });
      expect(grant?.role).toBe("AUTRE_MEMBRE");
      expect(can(grant, "VOIR_DOSSIER")).toBe(false);
    } finally {
      await t.db.delegation.updateMany({ where: { id: d.id }, data: { retireeLe: new Date() } });
    }
  });

  it("un membre sorti du foyer n'a plus accès au dossier ; un dossier radié reste celui de son allocataire", async () => {
    const foyer = await t.db.foyer.findUniqueOrThrow({ where: { numeroAllocataire: "0745678" }, select: { id: true } });
    await t.db.foyer.update({ where: { id: foyer.id }, data: { statut: "RADIE" } });
    expect(can(await decideAccess(t.db, ids.get("lea")!, { numeroAllocataire: "0745678" }), "VOIR_DOSSIER")).toBe(true);
    await t.db.membre.updateMany({ where: { foyerId: foyer.id, personneId: ids.get("lea")! }, data: { jusquAuLe: new Date(Date.now() - 86_400_000) } });
    try {
      expect(allowsAnything(await decideAccess(t.db, ids.get("lea")!, { numeroAllocataire: "0745678" }))).toBe(false);
      expect(await accessibleDossiers(t.db, ids.get("lea")!)).toEqual([]);
    } finally {
      await t.db.membre.updateMany({ where: { foyerId: foyer.id, personneId: ids.get("lea")! }, data: { jusquAuLe: null } });
      await t.db.foyer.update({ where: { id: foyer.id }, data: { statut: "ACTIF" } });
    }
  });

  it("une décision fabriquée hors du module, ou élargie après coup, n'ouvre rien", async () => {
    const real = (await decideAccess(t.db, ids.get("ines")!, { numeroAllocataire: "0698765" }))!;
    const forged = { ...real, role: "ALLOCATAIRE", capabilities: [...CAPABILITIES] } as AccessGrant;
    expect(can(forged, "VOIR_DOSSIER")).toBe(false);
    expect(() => assertCan(forged, "VOIR_DOSSIER")).toThrow(AccessDeniedError);
    // The visible list is frozen, and even a copy pushed into it would not count: can() reads the module's own copy.
    expect(() => (real.capabilities as Capability[]).push("VOIR_DOSSIER")).toThrow(TypeError);
    expect(can(real, "VOIR_DOSSIER")).toBe(false);
  });

  it("le tableau de bord liste les dossiers où la personne a un rôle, et aucun autre", async () => {
    const sophie = await accessibleDossiers(t.db, ids.get("sophie")!);
    expect(sophie.map((g) => g.dossier.numeroAllocataire)).toEqual(["0523456"]);
    expect(await accessibleDossiers(t.db, ids.get("helene")!)).toEqual([]);
  });
});
