// The demo seed loads exactly the fictitious personas of prisma/seed/personas.json — on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";
import { decryptField, lookupHash, type FieldKeys } from "../../lib/crypto/field-encryption";
import { verifyPassword } from "../../lib/auth/password-hash";
import { parseNir } from "../../lib/identity/nir";
import { DEMO_PAYMENT_MONTHS, PERSONAS, recentPaymentPeriods, seedPersonas } from "../../prisma/seed/seed-personas";

const keys: FieldKeys = { encryptionKey: Buffer.alloc(32, 7), lookupKey: Buffer.alloc(32, 9) };
const membres = PERSONAS.foyers.flatMap((f) => f.membres);
const persona = (key: string) => [...membres, ...PERSONAS.protecteurs].find((p) => p.key === key)!;

let t: TestDatabase;
let first: Awaited<ReturnType<typeof seedPersonas>>;
const logged: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  first = await seedPersonas(t.db, keys, { log: (line) => logged.push(line) });
});
afterAll(async () => t?.dispose());

/** The Personne row of a persona, found the way the portal finds people: by the lookup hash of their NIR. */
async function byNir(key: string) {
  const nir = parseNir(persona(key).nir!);
  if (!nir.ok) throw new Error(nir.error);
  return t.db.personne.findUniqueOrThrow({
    where: { nirEmpreinte: lookupHash(nir.value.normalise, keys) },
    include: { compte: true, coordonnees: true, appartenances: { include: { foyer: true } } },
  });
}

describe(`personas de démonstration (${testDatabaseKind()})`, () => {
  it("la démo contient exactement les personas du fichier", async () => {
    expect(first).toEqual({ created: true, foyers: 7, personnes: 16 });
    const foyers = await t.db.foyer.findMany({ include: { membres: { include: { personne: true } } }, orderBy: { numeroAllocataire: "asc" } });
    expect(foyers.map((f) => f.numeroAllocataire)).toEqual(PERSONAS.foyers.map((f) => f.numeroAllocataire).sort());
    for (const expected of PERSONAS.foyers) {
      const foyer = foyers.find((f) => f.numeroAllocataire === expected.numeroAllocataire)!;
      expect(foyer.situation).toBe(expected.situation === "couple" ? "COUPLE" : "SEUL");
      const actual = foyer.membres.map((m) => ({ role: m.role, nom: m.personne.nomNaissance, prenoms: m.personne.prenoms, sexe: m.personne.sexe }));
      expect(actual).toEqual(
        expect.arrayContaining(expected.membres.map((m) => ({ role: m.role, nom: m.nomNaissance, prenoms: m.prenoms, sexe: m.sexe }))),
      );
      expect(actual).toHaveLength(expected.membres.length);
    }
    const personnes = await t.db.personne.findMany();
    expect(personnes).toHaveLength(membres.length + PERSONAS.protecteurs.length);
    // The protecteurs are people of their own, members of no foyer.
    for (const key of ["helene", "bernard"]) expect((await byNir(key)).appartenances).toEqual([]);
  });

  it("l'état civil de chaque persona est celui du fichier", async () => {
    const nadia = await byNir("nadia");
    expect(nadia).toMatchObject({
      nomNaissance: "HADDAD",
      nomUsage: "PETIT",
      dateNaissance: new Date("1984-06-30T00:00:00Z"),
      lieuNaissancePays: "FRANCE",
      lieuNaissanceCodeInsee: "44109",
      lieuNaissanceCommune: "Nantes",
    });
    expect((await byNir("lea")).lieuNaissanceCodeInsee).toBe("2A004");
    const hugo = await t.db.personne.findFirstOrThrow({ where: { prenoms: { has: "Hugo" } } });
    expect(hugo).toMatchObject({ nomNaissance: "MOREAU", nirChiffre: null, nirEmpreinte: null });
  });

  it("chaque enregistrement de démonstration est marqué fictif", async () => {
    expect(await t.db.foyer.count({ where: { fictif: false } })).toBe(0);
    expect(await t.db.personne.count({ where: { fictif: false } })).toBe(0);
    expect(await t.db.foyer.count()).toBe(7);
  });

  it("le NIR est chiffré au repos et retrouvé par son empreinte", async () => {
    const claire = await byNir("claire");
    expect(claire.prenoms).toEqual(["Claire", "Anne"]);
    expect(claire.nirChiffre).not.toContain("288036912304529");
    expect(decryptField(claire.nirChiffre!, keys)).toBe("288036912304529");
    // No column holds a clear NIR or a clear contact detail.
    const dump = JSON.stringify(await t.db.personne.findMany({ include: { coordonnees: true } }));
    for (const p of [...membres, ...PERSONAS.protecteurs]) {
      if (p.nir) expect(dump).not.toContain(p.nir);
      if (p.email) expect(dump).not.toContain(p.email);
      if (p.mobile) expect(dump).not.toContain(p.mobile.slice(1));
    }
    expect(decryptField((await byNir("lea")).nirChiffre!, keys)).toBe("295072A00402138");
  });

  it("les coordonnées sont chiffrées, normalisées et vérifiées comme dans le fichier", async () => {
    const sophie = await byNir("sophie");
    const email = sophie.coordonnees.find((c) => c.type === "EMAIL")!;
    const mobile = sophie.coordonnees.find((c) => c.type === "MOBILE")!;
    expect(decryptField(email.valeurChiffree, keys)).toBe("sophie.bernard@example.org");
    expect(email.empreinte).toBe(lookupHash("sophie.bernard@example.org", keys));
    expect(decryptField(mobile.valeurChiffree, keys)).toBe("+33639981003");
    expect(mobile.empreinte).toBe(lookupHash("+33639981003", keys));
    expect(email.verifiee && mobile.verifiee).toBe(true);
    expect(email.verifieeLe).toBeInstanceOf(Date);
    const karim = await byNir("karim");
    expect(karim.coordonnees.find((c) => c.type === "EMAIL")).toMatchObject({ verifiee: false, verifieeLe: null });
    expect(karim.coordonnees.find((c) => c.type === "MOBILE")).toMatchObject({ verifiee: true });
    expect((await byNir("paul")).coordonnees).toEqual([]);
    const expected = [...membres, ...PERSONAS.protecteurs].reduce((n, p) => n + (p.email ? 1 : 0) + (p.mobile ? 1 : 0), 0);
    expect(await t.db.coordonnee.count()).toBe(expected);
  });

  it("Claire n'a pas de compte activé et son mot de passe dossier est celui du fichier", async () => {
    const claire = await byNir("claire");
    expect(claire.compte).toMatchObject({ etat: "NON_ACTIVE", motDePasseHash: null });
    const foyer = claire.appartenances[0]!.foyer;
    expect(foyer.numeroAllocataire).toBe("0412345");
    expect(await verifyPassword(foyer.motDePasseDossierHash, "48207315")).toBe(true);
    expect(await verifyPassword(foyer.motDePasseDossierHash, "48207316")).toBe(false);
  });

  it("chaque adulte a un compte, actif avec son mot de passe quand il l'a activé, et les enfants n'en ont pas", async () => {
    const sophie = await byNir("sophie");
    expect(sophie.compte?.etat).toBe("ACTIF");
    expect(await verifyPassword(sophie.compte!.motDePasseHash!, "Soleil2026Caf")).toBe(true);
    expect((await byNir("paul")).compte).toMatchObject({ etat: "NON_ACTIVE", motDePasseHash: null });
    expect((await byNir("emma")).compte).toBeNull();
    const withAccount = [...membres, ...PERSONAS.protecteurs].filter((p) => p.compteActive !== undefined);
    expect(await t.db.compte.count()).toBe(withAccount.length);
    expect(await t.db.compte.count({ where: { etat: "ACTIF" } })).toBe(withAccount.filter((p) => p.compteActive).length);
  });

  it("Sophie a délégué la gestion à Karim", async () => {
    const [sophie, karim] = [await byNir("sophie"), await byNir("karim")];
    const delegations = await t.db.delegation.findMany();
    expect(delegations).toHaveLength(1);
    expect(delegations[0]).toMatchObject({ delegantId: sophie.id, delegataireId: karim.id, retireeLe: null, foyerId: sophie.appartenances[0]!.foyerId });
  });

  it("Nadia est conjointe allocataire au titre de l'AAH", async () => {
    const nadia = await byNir("nadia");
    expect(nadia.appartenances).toHaveLength(1);
    expect(nadia.appartenances[0]).toMatchObject({ role: "CONJOINT_ALLOCATAIRE", prestationPropre: "AAH" });
    const aah = await t.db.prestation.findFirstOrThrow({ where: { foyerId: nadia.appartenances[0]!.foyerId, code: "AAH" } });
    expect(aah.beneficiaireId).toBe(nadia.id);
    const paulAah = await t.db.prestation.findFirstOrThrow({ where: { foyer: { numeroAllocataire: "0856789" }, code: "AAH" } });
    expect(paulAah.beneficiaireId).toBe((await byNir("paul")).id);
  });

  it("Hélène est tutrice de Paul par une mesure validée", async () => {
    const [helene, paul] = [await byNir("helene"), await byNir("paul")];
    expect(helene.compte?.etat).toBe("ACTIF");
    expect(helene.coordonnees.map((c) => c.type).sort()).toEqual(["EMAIL", "MOBILE"]);
    const mesures = await t.db.mesureProtection.findMany();
    expect(mesures).toHaveLength(1);
    expect(mesures[0]).toMatchObject({
      protecteurId: helene.id,
      protegeId: paul.id,
      type: "TUTELLE",
      statut: "VALIDEE",
      debutLe: new Date("2024-01-15T00:00:00Z"),
      finLe: null,
    });
    const bernard = await byNir("bernard");
    expect(bernard.compte).toMatchObject({ etat: "NON_ACTIVE", motDePasseHash: null });
  });

  it("chaque foyer reçoit ses prestations du fichier, payées chaque mois depuis six mois", async () => {
    const periods = recentPaymentPeriods(new Date(), DEMO_PAYMENT_MONTHS);
    for (const expected of PERSONAS.foyers) {
      const prestations = await t.db.prestation.findMany({
        where: { foyer: { numeroAllocataire: expected.numeroAllocataire } },
        include: { paiements: { orderBy: { periode: "asc" } } },
      });
      expect(prestations.map((p) => p.code).sort()).toEqual([...expected.prestations].sort());
      for (const p of prestations) {
        expect(p.montantMensuelCentimes).toBeGreaterThan(0);
        expect(p.paiements.map((x) => x.periode)).toEqual(periods.map((x) => x.periode));
        for (const paiement of p.paiements) {
          expect(paiement.periode.getUTCDate()).toBe(1);
          expect(paiement.payeLe.getUTCDate()).toBe(5);
          expect(paiement.payeLe.getTime()).toBeGreaterThan(paiement.periode.getTime());
          expect(paiement.payeLe.getTime()).toBeLessThanOrEqual(Date.now());
          expect(paiement.montantCentimes).toBe(p.montantMensuelCentimes);
        }
      }
    }
  });

  it("le chargement est idempotent", async () => {
    const before = await Promise.all([t.db.foyer.count(), t.db.personne.count(), t.db.paiement.count(), t.db.coordonnee.count()]);
    const lines: string[] = [];
    expect(await seedPersonas(t.db, keys, { log: (line) => lines.push(line) })).toEqual({ created: false, foyers: 0, personnes: 0 });
    expect(await Promise.all([t.db.foyer.count(), t.db.personne.count(), t.db.paiement.count(), t.db.coordonnee.count()])).toEqual(before);
    expect(lines.join("\n")).toMatch(/déjà/);
    expect(logged.join("\n")).toMatch(/7 foyers, 16 personnes/);
  });

  it("la version 1.0 des CGU est en vigueur et acceptée par les comptes activés, pas par les autres", async () => {
    const cgu = await t.db.versionCgu.findMany({ select: { version: true, acceptations: { select: { personneId: true } } } });
    expect(cgu.map((v) => v.version)).toEqual(["1.0"]);
    const activated = await t.db.compte.findMany({ where: { etat: "ACTIF" }, select: { personneId: true } });
    expect(cgu[0]!.acceptations.map((a) => a.personneId).sort()).toEqual(activated.map((c) => c.personneId).sort());
  });

  it("une base de démonstration antérieure aux versions des CGU reçoit la version 1.0 au démarrage suivant", async () => {
    const older = await createTestDatabase();
    try {
      await seedPersonas(older.db, keys);
      await older.db.acceptationCgu.deleteMany();
      await older.db.versionCgu.deleteMany();
      expect(await seedPersonas(older.db, keys)).toMatchObject({ created: false });
      expect((await older.db.versionCgu.findMany({ select: { version: true } })).map((v) => v.version)).toEqual(["1.0"]);
    } finally {
      await older.dispose();
    }
  });

  it("Amina n'est pas en base", async () => {
    const amina = PERSONAS.primoDemandeurs.find((p) => p.key === "amina")!;
    expect(amina.nomNaissance).toBe("DIALLO");
    expect(await t.db.personne.count({ where: { nomNaissance: "DIALLO" } })).toBe(0);
    expect(await t.db.coordonnee.count({ where: { empreinte: { in: [lookupHash(amina.email!, keys), lookupHash("+33639981010", keys)] } } })).toBe(0);
  });
});
