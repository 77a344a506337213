// FranceConnect login end to end below the browser: the real stand-in (oidc-provider on loopback) driven over HTTP,
// the portal's real verification code, a real database seeded with the personas. Every bad input of issue 6 is
// refused with a journal entry and without a session.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { decryptField } from "../../lib/crypto/field-encryption";
import { completeFranceConnectCallback, type CallbackResult } from "../../lib/franceconnect/franceconnect-callback";
import { randomNonce, randomState } from "../../lib/franceconnect/franceconnect-cookies";
import { franceConnectRelyingParty } from "../../lib/franceconnect/relying-party";
import type { FranceConnectStandin } from "../../lib/franceconnect/standin/standin-server";
import type { FranceConnectSettings } from "../../lib/franceconnect/franceconnect-config";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { StandinBrowser, startTestStandin } from "../support/franceconnect-user-agent";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
const ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
let t: TestDatabase;
let standin: FranceConnectStandin;
let settings: FranceConnectSettings;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys);
  ({ standin, settings } = await startTestStandin());
});
afterAll(async () => {
  await standin?.close();
  await t?.dispose();
});
afterEach(() => standin.setTampering(null));

/** "S'identifier avec FranceConnect": what the portal would put in its cookie, and where it sends the browser. */
async function startLogin(forSettings = settings) {
  const expected = { state: randomState(), nonce: randomNonce() };
  const relyingParty = await franceConnectRelyingParty(forSettings);
  return { expected, url: relyingParty.authorizationUrl(expected) };
}

const callback = (query: Record<string, string>, expected: { state: string; nonce: string } | null, forSettings = settings) =>
  completeFranceConnectCallback({ db: t.db, keys, settings: forSettings, query, expected, ip: "192.0.2.60", userAgent: ua });

/** The whole flow for one stand-in identity; returns the callback's result. */
async function franceConnectLogin(login: string): Promise<CallbackResult> {
  const { expected, url } = await startLogin();
  const query = await new StandinBrowser().signIn(url, login);
  expect(query).not.toBeNull();
  return callback(query!, expected);
}

async function personneOf(nom: string, prenom: string) {
  return t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } }, include: { compte: true } });
}

const successfulLogins = () => t.db.historiqueConnexion.count({ where: { reussie: true } });

async function refusalsJournaled(reason: string): Promise<number> {
  const rows = await t.db.journalAudit.findMany({ where: { type: "CONNEXION_FRANCECONNECT_REFUSEE" }, select: { details: true } });
  return rows.filter((row) => (row.details as { raison?: string } | null)?.raison === reason).length;
}

describe("connexion avec FranceConnect", () => {
  it("Sophie arrive dans son espace : sujet lié, connexion enregistrée et journalisée, courriel mis dans la boîte d'envoi", async () => {
    const result = await franceConnectLogin("sophie");
    const sophie = await personneOf("BERNARD", "Sophie");
    expect(result).toMatchObject({ kind: "connecte", claims: { personneId: sophie.id, sub: sophie.compte!.id, methode: "FRANCECONNECT", etape: "espace" } });
    if (result.kind !== "connecte") return;
    expect(sophie.franceConnectSub).toMatch(/^[0-9a-f]{64}v1$/);
    expect(result.idToken.split(".")).toHaveLength(3);

    const history = await t.db.historiqueConnexion.findMany({ where: { personneId: sophie.id, methode: "FRANCECONNECT", reussie: true } });
    expect(history).toHaveLength(1);
    expect(await t.db.journalAudit.count({ where: { type: "CONNEXION_FRANCECONNECT", sujetId: sophie.id } })).toBe(1);
    expect(await t.db.journalAudit.count({ where: { type: "FRANCECONNECT_LIE", sujetId: sophie.id } })).toBe(1);

    const message = await t.db.messageSortant.findUniqueOrThrow({ where: { id: result.messageId! } });
    expect(decryptField(message.destinataireChiffre, keys)).toBe("sophie.bernard@example.org");
    expect(message.sujet).toBe("Mon Compte — connexion avec FranceConnect");
    expect(decryptField(message.texteChiffre!, keys)).toMatch(/a eu lieu le \d{1,2} \S+ \d{4} à \d{2} h \d{2} avec FranceConnect/);
  });

  it("une deuxième connexion avec le même compte FranceConnect réussit, avec la précédente connexion", async () => {
    const result = await franceConnectLogin("sophie");
    expect(result).toMatchObject({ kind: "connecte", claims: { etape: "espace" } });
    if (result.kind === "connecte") expect(result.claims.connexionPrecedente).toEqual(expect.any(Number));
    const sophie = await personneOf("BERNARD", "Sophie");
    expect(await t.db.journalAudit.count({ where: { type: "FRANCECONNECT_LIE", sujetId: sophie.id } })).toBe(1);
  });

  it("Claire, dont le compte n'est pas activé, n'a accès qu'à la première connexion ; l'avis part à son adresse non confirmée", async () => {
    const result = await franceConnectLogin("claire");
    const claire = await personneOf("MARTIN", "Claire");
    expect(result).toMatchObject({ kind: "connecte", claims: { personneId: claire.id, etape: "premiere-connexion", methode: "FRANCECONNECT" } });
    if (result.kind === "connecte") {
      const message = await t.db.messageSortant.findUniqueOrThrow({ where: { id: result.messageId! } });
      expect(decryptField(message.destinataireChiffre, keys)).toBe("claire.martin@example.org");
    }
  });

  it("Amina et l'identité « inconnu » ne correspondent à personne : pas de session, l'identité revient pour préremplir", async () => {
    const before = await successfulLogins();
    const amina = await franceConnectLogin("amina");
    expect(amina).toEqual({
      kind: "aucune-correspondance",
      redirect: "/connexion/franceconnect/aucune-correspondance",
      identity: { given_name: "Amina", family_name: "DIALLO", birthdate: "2001-12-05", gender: "female", birthplace: "", birthcountry: "99341" },
    });
    expect(await franceConnectLogin("inconnu")).toMatchObject({ kind: "aucune-correspondance" });
    expect(await successfulLogins()).toBe(before);
    expect(await t.db.journalAudit.count({ where: { type: "FRANCECONNECT_AUCUNE_CORRESPONDANCE" } })).toBe(2);
  });

  it("un compte suspendu est refusé comme un échec de connexion", async () => {
    const karim = await personneOf("BERNARD", "Karim");
    await t.db.compte.update({ where: { personneId: karim.id }, data: { etat: "SUSPENDU" } });
    try {
      const result = await franceConnectLogin("karim");
      expect(result).toEqual({ kind: "refuse", reason: "COMPTE_SUSPENDU", redirect: "/connexion/franceconnect/erreur?raison=refusee" });
      expect(await t.db.historiqueConnexion.count({ where: { personneId: karim.id, methode: "FRANCECONNECT", reussie: false } })).toBe(1);
      expect(await t.db.journalAudit.count({ where: { type: "CONNEXION_REFUSEE_COMPTE_SUSPENDU", sujetId: karim.id } })).toBe(1);
    } finally {
      await t.db.compte.update({ where: { personneId: karim.id }, data: { etat: "ACTIF" } });
    }
  });

  it("un compte FranceConnect n'est jamais lié à une deuxième personne, ni une personne à un deuxième compte FranceConnect", async () => {
    const sophie = await personneOf("BERNARD", "Sophie");
    const marc = await personneOf("PETIT", "Marc");
    // Sophie's FranceConnect subject now belongs to Marc: Sophie's identity must not take it back.
    await t.db.personne.update({ where: { id: sophie.id }, data: { franceConnectSub: null } });
    await t.db.personne.update({ where: { id: marc.id }, data: { franceConnectSub: sophie.franceConnectSub } });
    expect(await franceConnectLogin("sophie")).toMatchObject({ kind: "refuse", reason: "SUB_DEJA_LIE" });
    // Sophie is linked to another subject: this one is refused too.
    await t.db.personne.update({ where: { id: marc.id }, data: { franceConnectSub: null } });
    await t.db.personne.update({ where: { id: sophie.id }, data: { franceConnectSub: "un-autre-sujet-franceconnect" } });
    expect(await franceConnectLogin("sophie")).toMatchObject({ kind: "refuse", reason: "SUB_DEJA_LIE" });
    expect(await t.db.journalAudit.count({ where: { type: "FRANCECONNECT_LIEN_REFUSE", sujetId: sophie.id } })).toBe(2);
    await t.db.personne.update({ where: { id: sophie.id }, data: { franceConnectSub: sophie.franceConnectSub } });
  });

  it("un adulte connu de la Caf mais sans compte reçoit un compte non activé et passe par la première connexion", async () => {
    const yves = await t.db.personne.create({
      data: { nomNaissance: "INCONNU", prenoms: ["Yves"], sexe: "M", dateNaissance: new Date("1970-01-01T00:00:00Z"), lieuNaissancePays: "FRANCE", lieuNaissanceCodeInsee: "75056", fictif: true },
    });
    const result = await franceConnectLogin("inconnu");
    expect(result).toMatchObject({ kind: "connecte", claims: { personneId: yves.id, etape: "premiere-connexion" } });
    expect(await t.db.compte.findUnique({ where: { personneId: yves.id } })).toMatchObject({ etat: "NON_ACTIVE" });
    expect(await t.db.journalAudit.count({ where: { type: "COMPTE_CREE_FRANCECONNECT", sujetId: yves.id } })).toBe(1);
  });

  it("deux personnes de même identité : aucune connexion, pas de lien, orientation vers la Caf", async () => {
    await t.db.personne.create({
      data: { nomNaissance: "Inconnu", prenoms: ["Yves"], sexe: "M", dateNaissance: new Date("1970-01-01T00:00:00Z"), lieuNaissancePays: "France", lieuNaissanceCodeInsee: "75056", fictif: true },
    });
    const before = await successfulLogins();
    expect(await franceConnectLogin("inconnu")).toEqual({ kind: "plusieurs-correspondances", redirect: "/connexion/franceconnect/plusieurs-dossiers" });
    expect(await successfulLogins()).toBe(before);
    expect(await t.db.journalAudit.count({ where: { type: "FRANCECONNECT_PLUSIEURS_CORRESPONDANCES" } })).toBe(1);
  });
});

describe("retours de FranceConnect refusés : message clair, journal, aucune session", () => {
  async function expectRefused(result: CallbackResult, reason: string, page: string, before: number) {
    expect(result).toMatchObject({ kind: "refuse", reason, redirect: `/connexion/franceconnect/erreur?raison=${page}` });
    expect(await successfulLogins()).toBe(before);
    expect(await refusalsJournaled(reason)).toBeGreaterThanOrEqual(1);
  }

  it("un state différent de celui envoyé est refusé (et le code n'est pas échangé)", async () => {
    const before = await successfulLogins();
    const { expected, url } = await startLogin();
    const query = await new StandinBrowser().signIn(url, "sophie");
    await expectRefused(await callback({ ...query!, state: randomState() }, expected), "ETAT_INVALIDE", "expiree", before);
    // The code was not spent: the real state still works once.
    expect(await callback(query!, expected)).toMatchObject({ kind: "connecte" });
  });

  it("un retour sans connexion en cours dans ce navigateur (pas de cookie) est refusé", async () => {
    const before = await successfulLogins();
    const { url } = await startLogin();
    const query = await new StandinBrowser().signIn(url, "sophie");
    await expectRefused(await callback(query!, null), "ETAT_INVALIDE", "expiree", before);
  });

  it("un code rejoué est refusé par FranceConnect", async () => {
    const { expected, url } = await startLogin();
    const query = await new StandinBrowser().signIn(url, "sophie");
    expect(await callback(query!, expected)).toMatchObject({ kind: "connecte" });
    const before = await successfulLogins();
    await expectRefused(await callback(query!, expected), "CODE_REFUSE", "verification", before);
  });

  it("un id_token dont le nonce n'est pas celui envoyé est refusé", async () => {
    standin.setTampering({ idToken: (payload, forge) => forge.signWithStandinKey({ ...payload, nonce: randomNonce() }) });
    await expectRefused(await franceConnectLogin("sophie"), "NONCE_INVALIDE", "verification", await successfulLogins());
  });

  it("un id_token expiré est refusé", async () => {
    const now = Math.floor(Date.now() / 1000);
    standin.setTampering({ idToken: (payload, forge) => forge.signWithStandinKey({ ...payload, iat: now - 7200, exp: now - 3600 }) });
    await expectRefused(await franceConnectLogin("sophie"), "JETON_EXPIRE", "verification", await successfulLogins());
  });

  it("un id_token non signé (alg none) est refusé", async () => {
    standin.setTampering({ idToken: (payload, forge) => forge.unsigned(payload) });
    await expectRefused(await franceConnectLogin("sophie"), "JETON_INVALIDE", "verification", await successfulLogins());
  });

  it("un id_token signé par une clé que FranceConnect ne publie pas est refusé, après un nouveau chargement des clés", async () => {
    const relyingParty = await franceConnectRelyingParty(settings);
    const fetches = relyingParty.keyFetches;
    standin.setTampering({ idToken: (payload, forge) => forge.signWithForeignKey(payload) });
    await expectRefused(await franceConnectLogin("sophie"), "JETON_INVALIDE", "verification", await successfulLogins());
    expect(relyingParty.keyFetches).toBe(fetches + 1);
  });

  it("un id_token destiné à un autre service (aud) est refusé", async () => {
    standin.setTampering({ idToken: (payload, forge) => forge.signWithStandinKey({ ...payload, aud: "un-autre-service" }) });
    await expectRefused(await franceConnectLogin("sophie"), "JETON_INVALIDE", "verification", await successfulLogins());
  });

  it.each([["eidas0"], [undefined]])("un niveau acr inférieur à eidas1 (%s) est refusé", async (acr) => {
    standin.setTampering({ idToken: (payload, forge) => forge.signWithStandinKey({ ...payload, acr }) });
    await expectRefused(await franceConnectLogin("sophie"), "NIVEAU_INSUFFISANT", "niveau", await successfulLogins());
  });

  it("un userinfo non signé (JSON au lieu d'un JWT) est refusé", async () => {
    standin.setTampering({ userinfo: "unsigned" });
    await expectRefused(await franceConnectLogin("sophie"), "USERINFO_NON_SIGNE", "verification", await successfulLogins());
  });

  it("des paramètres de retour malformés sont refusés sans appeler FranceConnect", async () => {
    const before = await successfulLogins();
    const { expected } = await startLogin();
    await expectRefused(await callback({ state: expected.state, code: "code avec des espaces <script>" }, expected), "REPONSE_INVALIDE", "verification", before);
    await expectRefused(await callback({ state: "x".repeat(600), code: "abc" }, expected), "REPONSE_INVALIDE", "verification", before);
    await expectRefused(await callback({ state: expected.state }, expected), "REPONSE_INVALIDE", "verification", before);
  });

  it("une connexion annulée chez FranceConnect est dite annulée", async () => {
    const { expected } = await startLogin();
    const result = await callback({ state: expected.state, error: "access_denied", error_description: "annulée" }, expected);
    expect(result).toMatchObject({ kind: "refuse", reason: "ANNULEE", redirect: "/connexion/franceconnect/erreur?raison=annulee" });
  });
});

describe("clés et disponibilité de FranceConnect", () => {
  it("après une rotation des clés de FranceConnect, les clés sont rechargées et la connexion réussit", async () => {
    const relyingParty = await franceConnectRelyingParty(settings);
    expect(await franceConnectLogin("sophie")).toMatchObject({ kind: "connecte" });
    const fetches = relyingParty.keyFetches;
    await standin.rotateKeys();
    expect(await franceConnectLogin("sophie")).toMatchObject({ kind: "connecte" });
    expect(relyingParty.keyFetches).toBe(fetches + 1);
  });

  it("FranceConnect injoignable dès le départ : « momentanément indisponible »", async () => {
    const nowhere = { ...settings, issuer: "http://127.0.0.1:9/api/v2" };
    await expect(franceConnectRelyingParty(nowhere)).rejects.toThrow(/Découverte de FranceConnect impossible/);
    const expected = { state: randomState(), nonce: randomNonce() };
    expect(await callback({ state: expected.state, code: "abc" }, expected, nowhere)).toEqual({ kind: "indisponible", redirect: "/connexion/franceconnect/indisponible" });
  });

  it("FranceConnect qui tombe entre l'authentification et le retour : « momentanément indisponible », aucune session", async () => {
    const other = await startTestStandin();
    try {
      const { expected, url } = await startLogin(other.settings);
      const query = await new StandinBrowser().signIn(url, "sophie");
      await other.standin.close();
      const before = await successfulLogins();
      expect(await callback(query!, expected, other.settings)).toMatchObject({ kind: "indisponible" });
      expect(await successfulLogins()).toBe(before);
    } finally {
      await other.standin.close();
    }
  });
});
