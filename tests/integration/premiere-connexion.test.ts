// The first-connection wizard (SPEC §3, QUALITY-BARS 4, 5, 9) on a real database seeded with the personas, with
// codes delivered over real SMTP and real HTTP (the official Twilio client) to the local sinks on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD_MESSAGES, PASSWORD_RULES } from "../../lib/auth/password-policy";
import { authenticateWithPassword } from "../../lib/auth/authenticate-password";
import { acceptCgu, currentCgu, hasAcceptedCurrentCgu, publishCgu } from "../../lib/cgu/cgu-versions";
import { readCguDocument } from "../../lib/cgu/cgu-files";
import { CONTACT_MESSAGES, confirmContactCode, pendingContactCode, readContacts, saveContacts, sendContactCode } from "../../lib/contacts/contact-details";
import { deliverPendingMessages } from "../../lib/messaging/deliver-outbox";
import type { Transports } from "../../lib/messaging/transports";
import { activateIfComplete, answerDelegation, chooseFirstPassword, finishContactsStep } from "../../lib/premiere-connexion/wizard-service";
import { loadWizardState } from "../../lib/premiere-connexion/wizard-state";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { confirmedContactsOf, queuedNotices } from "../support/notices";
import { startLocalSinks, type LocalSinks } from "../support/local-sinks";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
const REFUSED_EMAIL = "boite.inexistante@example.org";
const ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

let t: TestDatabase;
let sinks: LocalSinks;
let transports: Transports;
const quiet = { log: () => {} };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, quiet);
  sinks = await startLocalSinks({ rejectRecipients: (address) => address === REFUSED_EMAIL });
  transports = sinks.transports;
});

afterAll(async () => {
  await sinks?.close();
  await t?.dispose();
});

async function personOf(nom: string, prenom: string) {
  const personne = await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } }, select: { id: true, compte: { select: { id: true } } } });
  return { personneId: personne.id, compteId: personne.compte!.id };
}

/** The code of the newest message the sinks received for this recipient, read as the person would. */
async function codeReceivedBy(recipient: string): Promise<string> {
  const messages = await sinks.received((m) => m.to.includes(recipient));
  const code = messages.at(-1)?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("aucun code reçu");
  return code;
}

const login = (identifiant: string, motDePasse: string) => authenticateWithPassword(t.db, keys, { identifiant, motDePasse, ip: freshIp(), userAgent: ua });

describe(`assistant de première connexion (${testDatabaseKind()})`, () => {
  it("Claire fait toute sa première connexion : CGU, mot de passe, coordonnées confirmées par SMS et courriel, délégation à Julien", async () => {
    const claire = await personOf("MARTIN", "Claire");
    const actor = { ...claire, ip: freshIp() };

    // La bascule: the dossier password opens the wizard.
    const bascule = await login("288036912304529", "48207315");
    expect(bascule).toMatchObject({ ok: true, kind: "bascule", activationPending: true });

    let state = await loadWizardState(t.db, claire.personneId);
    expect(state?.steps).toEqual(["conditions", "mot-de-passe", "coordonnees", "delegation"]);
    expect(state?.current).toBe("conditions");
    expect(state?.delegation?.conjoint.nomAffiche).toBe("Julien DURAND");

    // A later step cannot be done first, whatever is posted.
    expect(await chooseFirstPassword(t.db, keys, { ...actor, nouveauMotDePasse: "Tournesol2026Lyon", confirmation: "Tournesol2026Lyon" })).toEqual({
      ok: false,
      reason: "ETAPE_INDISPONIBLE",
    });

    const cgu = (await currentCgu(t.db))!;
    expect(await acceptCgu(t.db, { personneId: claire.personneId, versionId: cgu.id, ip: actor.ip })).toEqual({ ok: true });
    const acceptance = await t.db.acceptationCgu.findFirstOrThrow({ where: { personneId: claire.personneId } });
    expect(acceptance.versionCguId).toBe(cgu.id);

    // A password that breaks several rules, with a different confirmation: one answer gives every rule broken, each in
    // its own sentence, and the confirmation's error too; nothing is saved.
    const refused = await chooseFirstPassword(t.db, keys, { ...actor, nouveauMotDePasse: "azerty", confirmation: "azerty1" });
    expect(refused).toEqual({
      ok: false,
      reason: "SAISIE_INVALIDE",
      fieldErrors: { nouveauMotDePasse: "Ce mot de passe ne respecte pas 4 règles, détaillées sous le champ.", confirmation: expect.stringContaining("pas identiques") },
      reglesNonRespectees: [
        PASSWORD_RULES.find((r) => r.id === "longueur")!.message,
        PASSWORD_RULES.find((r) => r.id === "chiffre")!.message,
        PASSWORD_RULES.find((r) => r.id === "majuscule")!.message,
        PASSWORD_MESSAGES.courant,
      ],
    });
    expect((await loadWizardState(t.db, claire.personneId))?.current).toBe("mot-de-passe");

    const chosen = await chooseFirstPassword(t.db, keys, { ...actor, nouveauMotDePasse: "Tournesol2026Lyon", confirmation: "Tournesol2026Lyon" });
    expect(chosen).toMatchObject({ ok: true });
    // From now on the dossier password no longer opens her account, and her own password resumes the wizard.
    expect(await login("288036912304529", "48207315")).toMatchObject({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
    expect(await login("288036912304529", "Tournesol2026Lyon")).toMatchObject({ ok: true, kind: "mot-de-passe", activationPending: true });
    expect((await loadWizardState(t.db, claire.personneId))?.current).toBe("coordonnees");

    // Contact details prefilled from the dossier, kept as they are.
    expect(await saveContacts(t.db, keys, { personneId: claire.personneId, email: "claire.martin@example.org", mobile: "06 39 98 10 01", ip: actor.ip })).toMatchObject({ ok: true });

    const bySms = await sendContactCode(t.db, keys, transports, { personneId: claire.personneId, canal: "SMS", ip: freshIp() });
    expect(bySms).toMatchObject({ ok: true, statut: "ENVOYE", destination: "06 ** ** ** 01", nouveauxCodesRestants: 3 });
    expect(await confirmContactCode(t.db, keys, { personneId: claire.personneId, canal: "SMS", code: await codeReceivedBy("+33639981001"), ip: actor.ip })).toMatchObject({ ok: true });

    const byEmail = await sendContactCode(t.db, keys, transports, { personneId: claire.personneId, canal: "EMAIL", ip: freshIp() });
    expect(byEmail).toMatchObject({ ok: true, statut: "ENVOYE" });
    expect(await confirmContactCode(t.db, keys, { personneId: claire.personneId, canal: "EMAIL", code: await codeReceivedBy("claire.martin@example.org"), ip: actor.ip })).toMatchObject({ ok: true });

    const contacts = await readContacts(t.db, keys, claire.personneId);
    expect(contacts.EMAIL?.verifiee).toBe(true);
    expect(contacts.MOBILE?.verifiee).toBe(true);
    expect(await finishContactsStep(t.db, actor)).toEqual({ ok: true });

    state = await loadWizardState(t.db, claire.personneId);
    expect(state?.current).toBe("delegation");
    // Julien's mobile confirmed meanwhile: the grant made in the wizard tells him there, and only him.
    const julien = await personOf("DURAND", "Julien");
    await t.db.coordonnee.updateMany({ where: { personneId: julien.personneId, type: "MOBILE" }, data: { verifiee: true, verifieeLe: new Date() } });
    const beforeGrant = new Date();
    expect(await answerDelegation(t.db, keys, { ...actor, accorder: true })).toEqual({ ok: true, accordee: true });
    const toJulien = (await queuedNotices(t.db, keys, beforeGrant)).filter((n) => n.texte?.includes("vous a ete deleguee"));
    expect(toJulien.map((n) => n.destinataire)).toEqual(await confirmedContactsOf(t.db, keys, julien.personneId));
    await t.db.coordonnee.updateMany({ where: { personneId: julien.personneId, type: "MOBILE" }, data: { verifiee: false, verifieeLe: null } });
    const delegation = await t.db.delegation.findFirstOrThrow({ where: { delegantId: claire.personneId, retireeLe: null } });
    expect(delegation.delegataireId).toBe(julien.personneId);
    const journalEntry = await t.db.journalAudit.findFirst({ where: { type: "DELEGATION_ACCORDEE", acteur: claire.personneId } });
    expect(journalEntry?.sujetId).toBe(julien.personneId);

    expect(await activateIfComplete(t.db, keys, actor)).toBe(true);
    const compte = await t.db.compte.findUniqueOrThrow({ where: { id: claire.compteId } });
    expect(compte.etat).toBe("ACTIF");
    expect(compte.activeLe).not.toBeNull();
    expect(await login("288036912304529", "Tournesol2026Lyon")).toMatchObject({ ok: true, activationPending: false });
  });

  it("Julien (conjoint) n'a jamais l'étape de délégation et ne peut pas déléguer", async () => {
    const julien = await personOf("DURAND", "Julien");
    const state = await loadWizardState(t.db, julien.personneId);
    expect(state?.steps).toEqual(["conditions", "mot-de-passe", "coordonnees"]);
    expect(state?.delegation).toBeNull();
    expect(await answerDelegation(t.db, keys, { ...julien, ip: freshIp(), accorder: true })).toEqual({ ok: false, reason: "ETAPE_INDISPONIBLE" });
  });

  it("le mot de passe choisi suit la politique : trop courant, tiré du nom ou de la date de naissance, confirmation différente, sans rien écrire", async () => {
    const julien = await personOf("DURAND", "Julien");
    const actor = { ...julien, ip: freshIp() };
    await acceptCgu(t.db, { personneId: julien.personneId, versionId: (await currentCgu(t.db))!.id, ip: actor.ip });
    const cases: [string, string, "nouveauMotDePasse" | "confirmation"][] = [
      ["Azerty123", "Azerty123", "nouveauMotDePasse"],
      ["Julien2026!", "Julien2026!", "nouveauMotDePasse"],
      ["Durand1986Xy", "Durand1986Xy", "nouveauMotDePasse"],
      ["Mer02111986Q", "Mer02111986Q", "nouveauMotDePasse"],
      ["court1A", "court1A", "nouveauMotDePasse"],
      ["Tournesol2026Paris", "Tournesol2026Pari", "confirmation"],
    ];
    for (const [nouveauMotDePasse, confirmation, field] of cases) {
      const outcome = await chooseFirstPassword(t.db, keys, { ...actor, nouveauMotDePasse, confirmation });
      expect(outcome.ok, nouveauMotDePasse).toBe(false);
      expect(outcome.ok === false && outcome.reason === "SAISIE_INVALIDE" && outcome.fieldErrors[field]).toBeTruthy();
    }
    const compte = await t.db.compte.findUniqueOrThrow({ where: { id: julien.compteId } });
    expect(compte.motDePasseHash).toBeNull();
  });

  it("une coordonnée déjà utilisée par une autre personne est refusée sans dire par qui, et rien ne change", async () => {
    const julien = await personOf("DURAND", "Julien");
    const before = await readContacts(t.db, keys, julien.personneId);
    const taken = await saveContacts(t.db, keys, { personneId: julien.personneId, email: "sophie.bernard@example.org", mobile: "", ip: freshIp() });
    expect(taken).toEqual({ ok: false, fieldErrors: { email: CONTACT_MESSAGES.emailPris } });
    expect(JSON.stringify(taken)).not.toMatch(/sophie|bernard/i);
    const takenMobile = await saveContacts(t.db, keys, { personneId: julien.personneId, email: "", mobile: "06 39 98 10 03", ip: freshIp() });
    expect(takenMobile).toEqual({ ok: false, fieldErrors: { mobile: CONTACT_MESSAGES.mobilePris } });
    const none = await saveContacts(t.db, keys, { personneId: julien.personneId, email: "", mobile: "", ip: freshIp() });
    expect(none.ok).toBe(false);
    const landline = await saveContacts(t.db, keys, { personneId: julien.personneId, email: "", mobile: "01 23 45 67 89", ip: freshIp() });
    expect(landline).toMatchObject({ ok: false, fieldErrors: { mobile: expect.stringContaining("fixe") } });
    expect(await readContacts(t.db, keys, julien.personneId)).toEqual(before);
  });

  it("au-delà de 3 nouveaux codes pour une coordonnée, la demande est refusée avec la raison", async () => {
    const julien = await personOf("DURAND", "Julien");
    await saveContacts(t.db, keys, { personneId: julien.personneId, email: "", mobile: "06 39 98 10 02", ip: freshIp() });
    const remaining: number[] = [];
    for (let i = 0; i < 4; i++) {
      const sent = await sendContactCode(t.db, keys, transports, { personneId: julien.personneId, canal: "SMS", ip: freshIp() });
      if (!sent.ok) throw new Error(sent.message);
      remaining.push(sent.nouveauxCodesRestants);
    }
    expect(remaining).toEqual([3, 2, 1, 0]);
    const fifth = await sendContactCode(t.db, keys, transports, { personneId: julien.personneId, canal: "SMS", ip: freshIp() });
    expect(fifth).toMatchObject({ ok: false, reason: "TROP_DE_NOUVEAUX_CODES", message: expect.stringContaining("trop de nouveaux codes") });
    expect(await pendingContactCode(t.db, keys, { personneId: julien.personneId, canal: "SMS" })).toMatchObject({ nouveauxCodesRestants: 0 });
  });

  it("un courriel refusé par le serveur du destinataire est signalé : l'adresse ne peut pas recevoir de messages", async () => {
    const emma = await t.db.personne.findFirstOrThrow({ where: { prenoms: { has: "Emma" } }, select: { id: true } });
    await saveContacts(t.db, keys, { personneId: emma.id, email: REFUSED_EMAIL, mobile: "", ip: freshIp() });
    const sent = await sendContactCode(t.db, keys, transports, { personneId: emma.id, canal: "EMAIL", ip: freshIp() });
    expect(sent).toMatchObject({ ok: true, statut: "ECHEC_DEFINITIF", raison: expect.stringContaining("ne peut pas recevoir") });
  });

  it("serveur SMTP arrêté : le code n'est pas annoncé comme envoyé, reste dans la boîte d'envoi et part quand le serveur revient", async () => {
    const karim = await personOf("BERNARD", "Karim");
    await sinks.stopSmtp();
    const sent = await sendContactCode(t.db, keys, transports, { personneId: karim.personneId, canal: "EMAIL", ip: freshIp() });
    expect(sent).toMatchObject({ ok: true, statut: "EN_ATTENTE" });
    expect(await t.db.messageSortant.count({ where: { statut: "EN_ATTENTE" } })).toBeGreaterThan(0);

    await sinks.restartSmtp();
    await deliverPendingMessages(t.db, transports, keys, { now: new Date(Date.now() + 60_000), log: () => {} });
    const code = await codeReceivedBy("karim.bernard@example.net");
    expect(await confirmContactCode(t.db, keys, { personneId: karim.personneId, canal: "EMAIL", code, ip: freshIp() })).toMatchObject({ ok: true });
  });

  it("une nouvelle version des CGU publiée par un opérateur doit être acceptée de nouveau ; une version déjà publiée ou plus ancienne est refusée", async () => {
    const sophie = await personOf("BERNARD", "Sophie");
    expect(await hasAcceptedCurrentCgu(t.db, sophie.personneId)).toBe(true);
    const previous = (await currentCgu(t.db))!;
    const read = readCguDocument("1.1");
    if (!read.ok) throw new Error(read.error);
    expect(await publishCgu(t.db, read.document, "test")).toEqual({ ok: true, version: "1.1" });
    expect(await hasAcceptedCurrentCgu(t.db, sophie.personneId)).toBe(false);

    // The page she was shown was the old version: accepting it records nothing.
    expect(await acceptCgu(t.db, { personneId: sophie.personneId, versionId: previous.id, ip: freshIp() })).toEqual({ ok: false, reason: "VERSION_DEPASSEE" });
    expect(await hasAcceptedCurrentCgu(t.db, sophie.personneId)).toBe(false);
    expect(await acceptCgu(t.db, { personneId: sophie.personneId, versionId: (await currentCgu(t.db))!.id, ip: freshIp() })).toEqual({ ok: true });
    expect(await hasAcceptedCurrentCgu(t.db, sophie.personneId)).toBe(true);

    expect(await publishCgu(t.db, read.document, "test")).toMatchObject({ ok: false, message: expect.stringContaining("déjà publiée") });
    const older = readCguDocument("1.0");
    if (!older.ok) throw new Error(older.error);
    expect(await publishCgu(t.db, { ...older.document, version: "0.9" }, "test")).toMatchObject({ ok: false, message: expect.stringContaining("numéro plus grand") });
    expect(await t.db.journalAudit.count({ where: { type: "CGU_PUBLIEES" } })).toBe(2);
  });
});
