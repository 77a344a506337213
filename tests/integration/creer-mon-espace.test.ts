// "Créer mon espace" (docs/regles/creer-mon-espace.md), on PGlite and PostgreSQL: the creation consumes its draft
// once and makes one person per identity; a consistent NIR makes the account on the NIR, an inconsistent one or none a
// provisional identifier P + 8 digits sent by e-mail and SMS without a link; a NIR that already belongs to someone
// creates nothing and gets the neutral answer; bad input is refused at its step; `immatriculer` attaches the NIR after
// the same check, tells the person, and the provisional identifier then opens nothing, with a message saying why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "../../lib/auth/authenticate-password";
import { hashPassword } from "../../lib/auth/password-hash";
import { createSpace, CREATION_MESSAGES } from "../../lib/creer-mon-espace/create-space";
import { EMPTY_DRAFT, type Brouillon } from "../../lib/creer-mon-espace/draft";
import { createDraft } from "../../lib/creer-mon-espace/draft-store";
import { immatriculer } from "../../lib/creer-mon-espace/immatriculation";
import { answerIdentite, answerNaissance, answerNumero } from "../../lib/creer-mon-espace/step-answers";
import { SAISIE_MESSAGES } from "../../lib/creer-mon-espace/inputs";
import { computeNirKey, NIR_IDENTITY_MESSAGES } from "../../lib/identity/nir";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { queuedNotices } from "../support/notices";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const keys = demoKeys();
const ip = "192.0.2.61";

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, { log: () => {} });
});
afterAll(async () => t?.dispose());

const nir13 = (thirteen: string) => thirteen + computeNirKey(thirteen);
/** Amina's NIR as INSEE would issue it: woman, born December 2001 abroad (99), in Senegal (341). */
const AMINA_NIR = nir13("2011299341123");
/** Another one, for the later immatriculation. */
const LATER_NIR = nir13("2011299341456");

let counter = 0;
/** A complete draft for a person born in Dakar, each with her own names and contacts unless given. */
function draftFor(overrides: Partial<Brouillon> = {}, nom = `DIALLO${String.fromCharCode(65 + (counter % 26))}${String.fromCharCode(65 + Math.floor(counter / 26) % 26)}`): Brouillon {
  counter++;
  return {
    version: 1,
    source: "formulaire",
    identite: { nomNaissance: nom, nomUsage: null, prenoms: ["Amina"], sexe: "F", dateNaissance: "2001-12-05" },
    naissance: {
      lieu: "etranger",
      paysCode: "99341",
      paysNom: "SENEGAL",
      ville: "Dakar",
      parents: [
        { nomNaissance: "DIALLO", prenoms: ["Moussa"] },
        { nomNaissance: "BA", prenoms: ["Aïssatou"] },
      ],
    },
    numero: { aUnNir: false },
    coordonnees: { email: { valeur: `amina${counter}@example.org`, confirmee: true }, mobile: { valeur: `+336399870${String(counter).padStart(2, "0")}`, confirmee: true } },
    ...overrides,
  };
}

async function create(brouillon: Brouillon, extra: { randomInt?: (min: number, max: number) => number } = {}) {
  const { id } = await createDraft(t.db, keys, brouillon);
  return { draftId: id, outcome: await createSpace(t.db, keys, null, { draftId: id, ip, ...extra }) };
}

describe(`créer mon espace (${testDatabaseKind()})`, () => {
  it("sans NIR : un identifiant provisoire P + 8 chiffres, envoyé par courriel et par SMS sans lien ; compte à activer, coordonnées confirmées, parents enregistrés", async () => {
    const since = new Date();
    const { outcome } = await create(draftFor());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.identifiantProvisoire).toMatch(/^P\d{8}$/);
    const personne = await t.db.personne.findUniqueOrThrow({
      where: { id: outcome.personneId },
      include: { compte: true, coordonnees: true, parentsDeclares: { orderBy: { rang: "asc" } } },
    });
    expect(personne.identifiantProvisoire).toBe(outcome.identifiantProvisoire);
    expect(personne.nirEmpreinte).toBeNull();
    expect(personne.lieuNaissancePays).toBe("SENEGAL");
    expect(personne.lieuNaissancePaysCode).toBe("99341");
    expect(personne.lieuNaissanceCommune).toBe("Dakar");
    expect(personne.compte).toMatchObject({ etat: "NON_ACTIVE", motDePasseHash: null });
    expect(personne.compte!.coordonneesSaisiesLe).not.toBeNull();
    expect(personne.coordonnees.map((c) => [c.type, c.verifiee]).sort()).toEqual([["EMAIL", true], ["MOBILE", true]]);
    expect(personne.parentsDeclares.map((p) => [p.rang, p.nomNaissance, p.prenoms])).toEqual([[1, "DIALLO", ["Moussa"]], [2, "BA", ["Aïssatou"]]]);
    const sent = (await queuedNotices(t.db, keys, since)).filter((m) => m.texte?.includes(outcome.identifiantProvisoire!));
    expect(sent.map((m) => m.canal).sort()).toEqual(["EMAIL", "SMS"]);
    for (const m of sent) expect(m.texte).not.toMatch(/https?:|www\./);
    expect(sent.find((m) => m.canal === "EMAIL")!.sujet).toContain("identifiant provisoire");
    expect(await t.db.journalAudit.count({ where: { type: "ESPACE_CREE", sujetId: outcome.personneId } })).toBe(1);
  });

  it("un NIR cohérent (clé, sexe, année, mois, 99 et le pays) : le compte est sur le NIR, sans identifiant provisoire", async () => {
    const { outcome } = await create(draftFor({ numero: { aUnNir: true, nir: AMINA_NIR } }));
    expect(outcome).toMatchObject({ ok: true, identifiantProvisoire: null, raisonsNirNonRetenu: [] });
    if (!outcome.ok) return;
    const personne = await t.db.personne.findUniqueOrThrow({ where: { id: outcome.personneId } });
    expect(personne.nirEmpreinte).not.toBeNull();
    expect(personne.identifiantProvisoire).toBeNull();
  });

  it("un NIR de département 96 (né à Tunis en 1955, avant l'indépendance) : le compte est sur ce NIR, et la personne se connecte avec", async () => {
    const tunis = nir13("1550696101123");
    const { outcome } = await create(
      draftFor({
        identite: { nomNaissance: "BEN SALAH", nomUsage: null, prenoms: ["Hédi"], sexe: "M", dateNaissance: "1955-06-10" },
        naissance: { lieu: "etranger", paysCode: "99351", paysNom: "TUNISIE", ville: "Tunis", parents: [{ nomNaissance: "BEN SALAH", prenoms: ["Ali"] }, { nomNaissance: "TRABELSI", prenoms: ["Aïcha"] }] },
        numero: { aUnNir: true, nir: tunis },
      }),
    );
    expect(outcome).toMatchObject({ ok: true, identifiantProvisoire: null, raisonsNirNonRetenu: [] });
    if (!outcome.ok) return;
    await t.db.compte.update({ where: { id: outcome.compteId }, data: { motDePasseHash: await hashPassword("Jasmin1955Tunis"), etat: "ACTIF" } });
    const signedIn = await authenticateWithPassword(t.db, keys, { identifiant: tunis.replace(/^(\d)(\d{2})(\d{2})(\d{2})/, "$1 $2 $3 $4 "), motDePasse: "Jasmin1955Tunis", ip: "192.0.2.65", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/120" });
    expect(signedIn).toMatchObject({ ok: true, personneId: outcome.personneId });
  });

  it("un NIR qui contredit le sexe déclaré : un identifiant provisoire, et la raison en clair", async () => {
    const homme = nir13("1011299341123");
    const { outcome } = await create(draftFor({ numero: { aUnNir: true, nir: homme } }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.identifiantProvisoire).toMatch(/^P\d{8}$/);
    expect(outcome.raisonsNirNonRetenu).toContain(NIR_IDENTITY_MESSAGES.sexe);
    expect((await t.db.personne.findUniqueOrThrow({ where: { id: outcome.personneId } })).nirEmpreinte).toBeNull();
  });

  it("un NIR qui appartient déjà à une personne ne crée rien : la même réponse neutre, sans détail", async () => {
    // Sophie BERNARD's NIR, with her identity (so that it is consistent).
    const before = await t.db.personne.count();
    const { outcome } = await create(
      draftFor({
        identite: { nomNaissance: "BERNARD", nomUsage: null, prenoms: ["Sophie"], sexe: "F", dateNaissance: "1990-01-25" },
        naissance: { lieu: "france", communeCode: "33063", communeNom: "Bordeaux" },
        numero: { aUnNir: true, nir: "290013306308710" },
      }),
    );
    expect(outcome).toEqual({ ok: false, reason: "DEJA_EXISTANT", message: CREATION_MESSAGES.dejaExistant });
    expect(CREATION_MESSAGES.dejaExistant).toContain("Identifiant oublié");
    expect(CREATION_MESSAGES.dejaExistant).toContain("FranceConnect");
    expect(await t.db.personne.count()).toBe(before);
  });

  it("20 envois simultanés de la même identité (20 brouillons) : un seul compte, les autres reçoivent la réponse neutre", async () => {
    const base = draftFor({}, "NDIAYE-CONCURRENTE");
    const drafts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createDraft(t.db, keys, { ...base, coordonnees: { email: { valeur: `concurrente${i}@example.org`, confirmee: true } } }),
      ),
    );
    const outcomes = await Promise.all(drafts.map(({ id }) => createSpace(t.db, keys, null, { draftId: id, ip })));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok && o.reason === "DEJA_EXISTANT")).toHaveLength(19);
    expect(await t.db.personne.count({ where: { nomNaissance: "NDIAYE-CONCURRENTE" } })).toBe(1);
  });

  it("le même brouillon envoyé 20 fois (double clic, deux onglets) : un seul compte, et chaque réponse désigne le même", async () => {
    const { id } = await createDraft(t.db, keys, draftFor({}, "DOUBLE-CLIC"));
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => createSpace(t.db, keys, null, { draftId: id, ip })));
    const ids = new Set(outcomes.map((o) => (o.ok ? o.personneId : o.reason)));
    expect(ids.size).toBe(1);
    expect(outcomes.filter((o) => o.ok && !o.deja)).toHaveLength(1);
    expect(await t.db.personne.count({ where: { nomNaissance: "DOUBLE-CLIC" } })).toBe(1);
  });

  it("un identifiant provisoire déjà attribué est tiré de nouveau", async () => {
    const first = await create(draftFor(), { randomInt: () => 4242 });
    expect(first.outcome).toMatchObject({ ok: true, identifiantProvisoire: "P00004242" });
    const draws = [4242, 4243];
    const second = await create(draftFor(), { randomInt: () => draws.shift() ?? 9999 });
    expect(second.outcome).toMatchObject({ ok: true, identifiantProvisoire: "P00004243" });
  });

  it("un brouillon incomplet ou des coordonnées non confirmées ne créent rien", async () => {
    const before = await t.db.personne.count();
    const { outcome } = await create({ ...draftFor(), coordonnees: { email: { valeur: "pas-confirmee@example.org", confirmee: false } } });
    expect(outcome).toMatchObject({ ok: false, reason: "INCOMPLET" });
    expect((await create({ ...EMPTY_DRAFT })).outcome).toMatchObject({ ok: false, reason: "INCOMPLET" });
    expect(await t.db.personne.count()).toBe(before);
  });
});

describe("saisies refusées, étape par étape (rien n'est retenu)", () => {
  const today = "2026-12-02";
  const identite = { nomNaissance: "DIALLO", nomUsage: "", prenoms: "Amina", sexe: "F", jour: "5", mois: "12", annee: "2001" };
  const abroad = { lieu: "etranger", pays: "Sénégal", ville: "Dakar", parent1Nom: "DIALLO", parent1Prenoms: "Moussa", parent2Nom: "BA", parent2Prenoms: "Aïssatou" };

  it("date de naissance dans le futur ou avant 1900, ou qui n'existe pas", () => {
    expect(answerIdentite(EMPTY_DRAFT, { ...identite, annee: "2027" }, today)).toMatchObject({ ok: false, fieldErrors: { dateNaissance: SAISIE_MESSAGES.dateFuture } });
    expect(answerIdentite(EMPTY_DRAFT, { ...identite, annee: "1899" }, today)).toMatchObject({ ok: false, fieldErrors: { dateNaissance: SAISIE_MESSAGES.dateAncienne } });
    expect(answerIdentite(EMPTY_DRAFT, { ...identite, jour: "31", mois: "2" }, today)).toMatchObject({ ok: false, fieldErrors: { dateNaissance: SAISIE_MESSAGES.date } });
  });

  it("noms avec chiffres ou caractères de contrôle refusés ; accents, traits d'union, apostrophes et noms composés acceptés", () => {
    for (const bad of ["DIALLO2", "DI\u0000ALLO", "DIALLO\u200b", "Jean\tPierre", "--", "D'"]) {
      expect(answerIdentite(EMPTY_DRAFT, { ...identite, nomNaissance: bad }, today), bad).toMatchObject({ ok: false, fieldErrors: { nomNaissance: SAISIE_MESSAGES.nomCaracteres } });
    }
    for (const good of ["Lefèvre", "N'Diaye", "N’DIAYE", "Saint-Exupéry", "DE LA FONTAINE", "Œuvray"]) {
      const answer = answerIdentite(EMPTY_DRAFT, { ...identite, nomNaissance: good, prenoms: "Marie-Ève Anne" }, today);
      expect(answer.ok, good).toBe(true);
      if (answer.ok) expect(answer.brouillon.identite).toMatchObject({ nomNaissance: good, prenoms: ["Marie-Ève", "Anne"], dateNaissance: "2001-12-05" });
    }
    expect(answerIdentite(EMPTY_DRAFT, { ...identite, prenoms: "4mina" }, today)).toMatchObject({ ok: false, fieldErrors: { prenoms: SAISIE_MESSAGES.nomCaracteres } });
  });

  it("une commune qui n'existe pas ; une commune existante est retenue par son code Insee, outre-mer compris", () => {
    expect(answerNaissance(EMPTY_DRAFT, { lieu: "france", commune: "Xyzzyville-sur-Rien" })).toMatchObject({ ok: false, fieldErrors: { commune: expect.any(String) } });
    const lyon = answerNaissance(EMPTY_DRAFT, { lieu: "france", commune: "69123" });
    expect(lyon.ok && lyon.brouillon.naissance).toMatchObject({ lieu: "france", communeCode: "69123" });
    const reunion = answerNaissance(EMPTY_DRAFT, { lieu: "france", commune: "97411" });
    expect(reunion.ok && reunion.brouillon.naissance).toMatchObject({ lieu: "france", communeCode: "97411" });
  });

  it("la France choisie comme pays d'une naissance à l'étranger", () => {
    expect(answerNaissance(EMPTY_DRAFT, { ...abroad, pays: "France" })).toMatchObject({ ok: false, fieldErrors: { pays: SAISIE_MESSAGES.paysFrance } });
    expect(answerNaissance(EMPTY_DRAFT, { ...abroad, pays: "99100" })).toMatchObject({ ok: false, fieldErrors: { pays: SAISIE_MESSAGES.paysFrance } });
  });

  it("une naissance à l'étranger sans les deux parents", () => {
    expect(answerNaissance(EMPTY_DRAFT, { ...abroad, parent2Nom: "", parent2Prenoms: "" })).toMatchObject({ ok: false, fieldErrors: { parent2Nom: SAISIE_MESSAGES.parentNom } });
    expect(answerNaissance(EMPTY_DRAFT, { ...abroad, parent1Prenoms: "" })).toMatchObject({ ok: false, fieldErrors: { parent1Prenoms: SAISIE_MESSAGES.parentPrenoms } });
    const ok = answerNaissance(EMPTY_DRAFT, abroad);
    expect(ok.ok && ok.brouillon.naissance).toMatchObject({ lieu: "etranger", paysCode: "99341", paysNom: "SENEGAL", ville: "Dakar" });
  });

  it("un NIR dont la clé est fausse est refusé à son étape", () => {
    expect(answerNumero(EMPTY_DRAFT, { aUnNir: "oui", nir: "201129934112300" })).toMatchObject({ ok: false, fieldErrors: { nir: expect.any(String) } });
    expect(answerNumero(EMPTY_DRAFT, {})).toMatchObject({ ok: false, fieldErrors: { aUnNir: SAISIE_MESSAGES.aUnNir } });
  });
});

describe(`immatriculation (${testDatabaseKind()})`, () => {
  it("rattache le NIR après la même vérification, prévient la personne ; l'identifiant provisoire est ensuite refusé avec une explication", async () => {
    const { outcome } = await create(draftFor({}, "IMMATRICULEE"));
    if (!outcome.ok) throw new Error("création impossible");
    const provisoire = outcome.identifiantProvisoire!;
    await t.db.compte.update({ where: { id: outcome.compteId }, data: { motDePasseHash: await hashPassword("Baobab2026Dakar"), etat: "ACTIF" } });

    // A NIR that contradicts her identity (a man's) is refused, nothing changes.
    const refused = await immatriculer(t.db, keys, null, { identifiantProvisoire: provisoire, nir: nir13("1011299341123"), operateur: "test" });
    expect(refused.ok).toBe(false);
    expect((await t.db.personne.findUniqueOrThrow({ where: { id: outcome.personneId } })).nirEmpreinte).toBeNull();

    // Another person already holds AMINA_NIR (the test above): refused without change.
    const taken = await immatriculer(t.db, keys, null, { identifiantProvisoire: provisoire, nir: AMINA_NIR, operateur: "test" });
    expect(taken).toMatchObject({ ok: false, message: expect.stringContaining("appartient déjà") });

    const since = new Date();
    const done = await immatriculer(t.db, keys, null, { identifiantProvisoire: provisoire.toLowerCase(), nir: LATER_NIR.replace(/(\d{3})/g, "$1 "), operateur: "test" });
    expect(done).toMatchObject({ ok: true });
    const personne = await t.db.personne.findUniqueOrThrow({ where: { id: outcome.personneId } });
    expect(personne.nirEmpreinte).not.toBeNull();
    expect(personne.identifiantProvisoireRetireLe).not.toBeNull();
    const told = await queuedNotices(t.db, keys, since);
    expect(told.map((m) => m.canal).sort()).toEqual(["EMAIL", "SMS"]);
    for (const m of told) expect(m.texte).not.toMatch(/https?:|www\./);
    expect(await t.db.journalAudit.count({ where: { type: "IMMATRICULATION", sujetId: outcome.personneId } })).toBe(1);

    // Twice: nothing more.
    expect((await immatriculer(t.db, keys, null, { identifiantProvisoire: provisoire, nir: LATER_NIR, operateur: "test" })).ok).toBe(false);

    const ua = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120";
    expect(await authenticateWithPassword(t.db, keys, { identifiant: provisoire, motDePasse: "Baobab2026Dakar", ip: "192.0.2.62", userAgent: ua })).toMatchObject({
      ok: false,
      reason: "IDENTIFIANT_PROVISOIRE_REMPLACE",
    });
    // Without the password, nothing is said.
    expect(await authenticateWithPassword(t.db, keys, { identifiant: provisoire, motDePasse: "Mauvais2026Mot", ip: "192.0.2.63", userAgent: ua })).toMatchObject({
      ok: false,
      reason: "IDENTIFIANTS_INCORRECTS",
    });
    expect(await authenticateWithPassword(t.db, keys, { identifiant: LATER_NIR, motDePasse: "Baobab2026Dakar", ip: "192.0.2.64", userAgent: ua })).toMatchObject({
      ok: true,
      personneId: outcome.personneId,
    });
  });
});
