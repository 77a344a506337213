// The bulk generator of synthetic foyers — on PGlite and on PostgreSQL: valid and unique identifiers, plausible
// distributions, everything fictif, reproducible, and a second run adds foyers instead of colliding.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";
import { decryptField, type FieldKeys } from "../../lib/crypto/field-encryption";
import { verifyPassword } from "../../lib/auth/password-hash";
import { checkNirMatchesIdentity, parseNir } from "../../lib/identity/nir";
import type { Database } from "../../lib/db/open-prisma";
import {
  FIRST_GENERATED_NIR_ORDER,
  GENERATED_ACCOUNT_PASSWORDS,
  GENERATED_DOSSIER_PASSWORDS,
  generateFoyers,
  type GenerateFoyersSummary,
} from "../../prisma/seed/generate-foyers";
import { seedPersonas } from "../../prisma/seed/seed-personas";

const keys: FieldKeys = { encryptionKey: Buffer.alloc(32, 3), lookupKey: Buffer.alloc(32, 5) };
const now = new Date();
const FOYERS = 300;
const generated = { numeroAllocataire: { gte: "2000000" } };

let t: TestDatabase;
let summary: GenerateFoyersSummary;
const progress: [number, number][] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys);
  summary = await generateFoyers(t.db, keys, { foyers: FOYERS, batchSize: 120, seed: 7, now, onProgress: (done, total) => progress.push([done, total]) });
});
afterAll(async () => t?.dispose());

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Everything that the seed decides about the generated foyers, in a stable order (ids are random). */
async function snapshot(db: Database) {
  const foyers = await db.foyer.findMany({
    where: generated,
    orderBy: { numeroAllocataire: "asc" },
    include: { membres: { include: { personne: { include: { compte: true } } } }, prestations: { include: { paiements: true } } },
  });
  return foyers.map((f) => ({
    numero: f.numeroAllocataire,
    situation: f.situation,
    membres: f.membres
      .map((m) => ({
        role: m.role,
        nom: m.personne.nomNaissance,
        usage: m.personne.nomUsage,
        prenoms: m.personne.prenoms,
        sexe: m.personne.sexe,
        naissance: iso(m.personne.dateNaissance),
        lieu: m.personne.lieuNaissanceCodeInsee ?? m.personne.lieuNaissancePays,
        nir: decryptField(m.personne.nirChiffre!, keys),
        compte: m.personne.compte?.etat ?? null,
      }))
      .sort((a, b) => a.nir.localeCompare(b.nir)),
    prestations: f.prestations
      .map((p) => `${p.code}:${p.montantMensuelCentimes}:${iso(p.depuisLe)}:${p.paiements.length}`)
      .sort(),
  }));
}

describe(`générateur de foyers fictifs (${testDatabaseKind()})`, () => {
  it("le résumé compte ce qui a été écrit", async () => {
    expect(summary).toMatchObject({ foyers: FOYERS, premierNumero: "2000000", dernierNumero: "2000299" });
    expect(summary.couples + summary.seuls).toBe(FOYERS);
    expect(await t.db.foyer.count({ where: generated })).toBe(FOYERS);
    const personnes = await t.db.personne.count({ where: { appartenances: { some: { foyer: generated } } } });
    expect(personnes).toBe(summary.personnes);
    expect(await t.db.membre.count({ where: { foyer: generated } })).toBe(summary.membres);
    expect(await t.db.membre.count({ where: { foyer: generated, role: "ENFANT" } })).toBe(summary.enfants);
    expect(await t.db.compte.count({ where: { personne: { appartenances: { some: { foyer: generated } } } } })).toBe(summary.comptes);
    expect(await t.db.coordonnee.count({ where: { personne: { appartenances: { some: { foyer: generated } } } } })).toBe(summary.coordonnees);
    expect(await t.db.prestation.count({ where: { foyer: generated } })).toBe(summary.prestations);
    expect(await t.db.paiement.count({ where: { foyer: generated } })).toBe(summary.paiements);
    expect(progress[0]).toEqual([0, FOYERS]);
    expect(progress.at(-1)).toEqual([FOYERS, FOYERS]);
    expect(progress.map(([done]) => done)).toEqual([0, 120, 240, 300]);
  });

  it("chaque enregistrement généré est marqué fictif", async () => {
    expect(await t.db.foyer.count({ where: { fictif: false } })).toBe(0);
    expect(await t.db.personne.count({ where: { fictif: false } })).toBe(0);
  });

  it("chaque foyer a exactement un allocataire, et un conjoint s'il est en couple", async () => {
    const foyers = await t.db.foyer.findMany({ where: generated, include: { membres: true } });
    for (const foyer of foyers) {
      expect(foyer.membres.filter((m) => m.role === "ALLOCATAIRE")).toHaveLength(1);
      const conjoints = foyer.membres.filter((m) => m.role === "CONJOINT" || m.role === "CONJOINT_ALLOCATAIRE");
      expect(conjoints).toHaveLength(foyer.situation === "COUPLE" ? 1 : 0);
      expect(foyer.membres.filter((m) => m.role === "ENFANT").length).toBeLessThanOrEqual(4);
    }
  });

  it("chaque NIR généré est valide, unique et cohérent avec le sexe, la naissance et le lieu de naissance", async () => {
    const personnes = await t.db.personne.findMany({ where: { appartenances: { some: { foyer: generated } } } });
    expect(personnes.length).toBeGreaterThan(FOYERS);
    const nirs = new Set<string>();
    for (const p of personnes) {
      const parsed = parseNir(decryptField(p.nirChiffre!, keys));
      expect(parsed.ok, p.nirChiffre!).toBe(true);
      if (!parsed.ok) continue;
      expect(Number(parsed.value.ordre)).toBeGreaterThanOrEqual(FIRST_GENERATED_NIR_ORDER);
      const check = checkNirMatchesIdentity(parsed.value, {
        sexe: p.sexe,
        dateNaissance: iso(p.dateNaissance),
        lieuNaissance: { pays: p.lieuNaissancePays, codeInsee: p.lieuNaissanceCodeInsee ?? undefined },
      });
      expect(check, `${parsed.value.normalise} ${p.sexe} ${iso(p.dateNaissance)} ${p.lieuNaissanceCodeInsee ?? p.lieuNaissancePays}`).toEqual({ ok: true });
      nirs.add(parsed.value.normalise);
    }
    expect(nirs.size).toBe(personnes.length);
  });

  it("les répartitions restent plausibles", async () => {
    const foyers = await t.db.foyer.findMany({
      where: generated,
      include: { membres: { include: { personne: true } }, prestations: { include: { paiements: true } } },
    });
    const share = (n: number) => n / foyers.length;
    expect(share(summary.couples)).toBeGreaterThan(0.4);
    expect(share(summary.couples)).toBeLessThan(0.7);
    expect(summary.enfants / foyers.length).toBeGreaterThan(0.8);
    expect(summary.enfants / foyers.length).toBeLessThan(2);
    const codes = foyers.flatMap((f) => f.prestations.map((p) => p.code));
    expect(share(codes.filter((c) => c === "APL").length)).toBeGreaterThan(0.3);
    expect(share(codes.filter((c) => c === "APL").length)).toBeLessThan(0.7);
    expect(share(codes.filter((c) => c === "AAH").length)).toBeLessThan(0.2);
    expect(share(codes.filter((c) => c === "PA").length)).toBeGreaterThan(0.15);
    expect(share(codes.filter((c) => c === "PA").length)).toBeLessThan(0.45);
    for (const foyer of foyers) {
      const enfants = foyer.membres.filter((m) => m.role === "ENFANT");
      const adultes = foyer.membres.filter((m) => m.role !== "ENFANT");
      expect(foyer.prestations.length).toBeGreaterThan(0);
      for (const p of foyer.prestations) {
        expect(p.montantMensuelCentimes).toBeGreaterThan(0);
        expect(p.paiements).toHaveLength(3);
        for (const paiement of p.paiements) {
          expect(paiement.periode.getUTCDate()).toBe(1);
          expect(paiement.payeLe.getUTCDate()).toBe(5);
          expect(paiement.payeLe.getTime()).toBeLessThanOrEqual(now.getTime());
        }
        if (p.code === "AF") expect(enfants.length).toBeGreaterThanOrEqual(2);
        if (p.code === "ASF") expect(foyer.situation === "SEUL" && enfants.length > 0).toBe(true);
        if (p.code === "PAJE") {
          const youngest = Math.max(...enfants.map((e) => e.personne.dateNaissance.getTime()));
          expect(now.getTime() - youngest).toBeLessThan(3 * 365.25 * 86_400_000);
        }
        if (p.code === "AAH") expect(adultes.map((a) => a.personneId)).toContain(p.beneficiaireId);
        else expect(p.beneficiaireId).toBeNull();
      }
      for (const m of foyer.membres.filter((x) => x.role === "CONJOINT_ALLOCATAIRE")) {
        expect(m.prestationPropre).toBe("AAH");
        expect(foyer.prestations.find((p) => p.code === "AAH")?.beneficiaireId).toBe(m.personneId);
      }
      for (const adulte of adultes) {
        expect(now.getFullYear() - adulte.personne.dateNaissance.getUTCFullYear()).toBeGreaterThanOrEqual(18);
      }
      for (const enfant of enfants) {
        expect(now.getTime() - enfant.personne.dateNaissance.getTime()).toBeLessThan(20 * 365.25 * 86_400_000);
      }
    }
  });

  it("chaque adulte a un compte, actif avec un mot de passe de la réserve publiée, et aucun enfant n'en a", async () => {
    const comptes = await t.db.compte.findMany({
      where: { personne: { appartenances: { some: { foyer: generated } } } },
      include: { personne: { include: { appartenances: true } } },
    });
    expect(comptes.every((c) => c.personne.appartenances.every((m) => m.role !== "ENFANT"))).toBe(true);
    expect(comptes.length).toBe(summary.personnes - summary.enfants);
    const actifs = comptes.filter((c) => c.etat === "ACTIF");
    expect(actifs.length / comptes.length).toBeGreaterThan(0.55);
    expect(actifs.length / comptes.length).toBeLessThan(0.85);
    expect(comptes.filter((c) => c.etat === "NON_ACTIVE").every((c) => c.motDePasseHash === null)).toBe(true);
    const hashes = new Set(actifs.map((c) => c.motDePasseHash!));
    expect(hashes.size).toBeLessThanOrEqual(GENERATED_ACCOUNT_PASSWORDS.length);
    const sample = actifs[0]!.motDePasseHash!;
    const matches = await Promise.all(GENERATED_ACCOUNT_PASSWORDS.map((p) => verifyPassword(sample, p)));
    expect(matches.filter(Boolean)).toHaveLength(1);
    const foyer = await t.db.foyer.findFirstOrThrow({ where: generated });
    const dossier = await Promise.all(GENERATED_DOSSIER_PASSWORDS.map((p) => verifyPassword(foyer.motDePasseDossierHash, p)));
    expect(dossier.filter(Boolean)).toHaveLength(1);
  });

  it("les coordonnées générées sont fictives, chiffrées et propres à chaque personne", async () => {
    const coordonnees = await t.db.coordonnee.findMany({ where: { personne: { appartenances: { some: { foyer: generated } } } } });
    const values = coordonnees.map((c) => ({ type: c.type, value: decryptField(c.valeurChiffree, keys) }));
    const emails = values.filter((v) => v.type === "EMAIL").map((v) => v.value);
    const mobiles = values.filter((v) => v.type === "MOBILE").map((v) => v.value);
    expect(emails.length).toBeGreaterThan(0.6 * (summary.personnes - summary.enfants));
    expect(emails.every((e) => /^[a-z0-9.-]+\.\d{8}@example\.(org|net)$/.test(e))).toBe(true);
    expect(mobiles.length).toBeGreaterThan(0);
    expect(mobiles.every((m) => /^\+3363998\d{4}$/.test(m) && !/^\+33639981[0]\d{2}$/.test(m))).toBe(true);
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(mobiles).size).toBe(mobiles.length);
  });

  it("un deuxième passage ajoute des foyers à la suite, sans collision", async () => {
    const second = await generateFoyers(t.db, keys, { foyers: 150, batchSize: 100, seed: 7, now });
    expect(second).toMatchObject({ foyers: 150, premierNumero: "2000300", dernierNumero: "2000449" });
    expect(await t.db.foyer.count({ where: generated })).toBe(FOYERS + 150);
    expect(await t.db.foyer.count({ where: { numeroAllocataire: "0412345" } })).toBe(1);
    const empreintes = await t.db.personne.findMany({ select: { nirEmpreinte: true }, where: { nirEmpreinte: { not: null } } });
    expect(new Set(empreintes.map((e) => e.nirEmpreinte)).size).toBe(empreintes.length);
    // Same seed, but the run starts elsewhere: it does not replay the first one.
    const firstNames = (await snapshot(t.db)).slice(0, 150).map((f) => f.membres.map((m) => m.prenoms.join(" ")).join("|"));
    const secondNames = (await snapshot(t.db)).slice(FOYERS).map((f) => f.membres.map((m) => m.prenoms.join(" ")).join("|"));
    expect(secondNames).not.toEqual(firstNames);
  });

  it("la même graine donne les mêmes foyers, une autre graine d'autres foyers", async () => {
    const expected = (await snapshot(t.db)).slice(0, FOYERS);
    const again = await createTestDatabase();
    try {
      await generateFoyers(again.db, keys, { foyers: FOYERS, batchSize: 75, seed: 7, now });
      expect(await snapshot(again.db)).toEqual(expected);
    } finally {
      await again.dispose();
    }
    const other = await createTestDatabase();
    try {
      const otherSummary = await generateFoyers(other.db, keys, { foyers: FOYERS, seed: 8, now });
      expect(otherSummary.foyers).toBe(FOYERS);
      const different = await snapshot(other.db);
      expect(different.map((f) => f.membres.map((m) => m.nom))).not.toEqual(expected.map((f) => f.membres.map((m) => m.nom)));
    } finally {
      await other.dispose();
    }
  });
});
