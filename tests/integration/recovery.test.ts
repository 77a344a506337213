// "Mot de passe oublié" and "Identifiant oublié" (SPEC §2, QUALITY-BARS 2–4 and 9) on a real database seeded with
// the personas. Messages go through the real outbox: the tests read the MessageSortant rows, decrypt the recipient
// and take the code from the text, as the person would from their phone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "../../lib/auth/authenticate-password";
import { recoverIdentifier } from "../../lib/auth/recovery/identifier-recovery";
import {
  checkPasswordRecoveryCode,
  recoveryChannels,
  resetForgottenPassword,
  sendPasswordRecoveryCode,
  startPasswordRecovery,
} from "../../lib/auth/recovery/password-recovery";
import { RECOVERY_LIMITS } from "../../lib/auth/recovery/recovery-throttle";
import { decryptField } from "../../lib/crypto/field-encryption";
import { RAISON_CODE_DIFFERE, type Transports } from "../../lib/messaging/transports";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
let t: TestDatabase;
let ipCounter = 0;
/** A fresh IP per test, so that the counters of one test do not leak into another. */
const freshIp = () => `198.51.100.${++ipCounter}`;
const ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
const quiet = { log: () => {} };

/** Transports that keep what they are asked to send (or fail, like a provider that is down). */
function fakeTransports({ down = false } = {}): Transports & { sent: { to: string; texte: string }[] } {
  const sent: { to: string; texte: string }[] = [];
  const send = async (to: string, texte: string) => {
    if (down) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    sent.push({ to, texte });
  };
  return { sent, email: (to, message) => send(to, message.texte), sms: send };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, quiet);
});
afterAll(async () => t?.dispose());

async function personneIdOf(nom: string, prenom: string) {
  return (await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } } })).id;
}

/** The outbox messages to a recipient, newest first, with the recipient decrypted. */
async function outboxTo(recipient: string) {
  const rows = await t.db.messageSortant.findMany({ orderBy: { creeLe: "desc" } });
  return rows.map((row) => ({ ...row, destinataire: decryptField(row.destinataireChiffre, keys) })).filter((row) => row.destinataire === recipient);
}

async function latestCodeTo(recipient: string): Promise<string> {
  const [message] = await outboxTo(recipient);
  const code = message?.texte.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`Aucun code dans la boîte d'envoi pour ce destinataire.`);
  return code;
}

const login = (identifiant: string, motDePasse: string) => authenticateWithPassword(t.db, keys, { identifiant, motDePasse, ip: freshIp(), userAgent: ua });

/** Steps 1 to 3 for a known person: returns the id of the code typed right. */
async function proveWithCode(identifiant: string, canal: "SMS" | "EMAIL", recipient: string, transports = fakeTransports()) {
  const started = await startPasswordRecovery(t.db, keys, { identifiant, ip: freshIp() });
  if (!started.ok || !started.personneId) throw new Error("étape 1 : personne attendue");
  const sent = await sendPasswordRecoveryCode(t.db, keys, transports, { personneId: started.personneId, canal });
  expect(sent).toMatchObject({ ok: true, envoye: true });
  const checked = await checkPasswordRecoveryCode(t.db, keys, { personneId: started.personneId, canal, code: await latestCodeTo(recipient) });
  if (!checked.ok) throw new Error(`étape 3 : ${checked.message}`);
  return { personneId: started.personneId, codeId: checked.codeId };
}

describe(`mot de passe oublié (${testDatabaseKind()})`, () => {
  it("Sophie choisit un nouveau mot de passe grâce à un code reçu par SMS ; ses sessions prennent fin et elle en est prévenue", async () => {
    const sophie = await personneIdOf("BERNARD", "Sophie");
    const before = await t.db.compte.findUniqueOrThrow({ where: { personneId: sophie } });

    const started = await startPasswordRecovery(t.db, keys, { identifiant: "2 90 01 33 063 087 10", ip: freshIp() });
    expect(started).toEqual({ ok: true, personneId: sophie });
    expect(await recoveryChannels(t.db, keys, sophie)).toEqual([
      { canal: "SMS", destination: "06 ** ** ** 03" },
      { canal: "EMAIL", destination: "s***d@example.org" },
    ]);

    const transports = fakeTransports();
    const sent = await sendPasswordRecoveryCode(t.db, keys, transports, { personneId: sophie, canal: "SMS" });
    expect(sent).toMatchObject({ ok: true, envoye: true, destination: "06 ** ** ** 03", nouveauxCodesRestants: 3 });
    const [sms] = await outboxTo("+33639981003");
    expect(sms).toMatchObject({ canal: "SMS", statut: "ENVOYE" });
    expect(sms!.texte).toContain("changer de mot de passe");
    expect(transports.sent).toEqual([{ to: "+33639981003", texte: sms!.texte }]);

    const checked = await checkPasswordRecoveryCode(t.db, keys, { personneId: sophie, canal: "SMS", code: await latestCodeTo("+33639981003") });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;

    const reset = await resetForgottenPassword(t.db, keys, {
      personneId: sophie,
      codeId: checked.codeId,
      nouveauMotDePasse: "Tournesol8Lavande",
      confirmation: "Tournesol8Lavande",
      ip: freshIp(),
    });
    expect(reset).toMatchObject({ ok: true, suspendu: false });
    if (!reset.ok) return;

    expect(await login("290013306308710", "Soleil2026Caf")).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
    expect(await login("290013306308710", "Tournesol8Lavande")).toMatchObject({ ok: true, kind: "mot-de-passe" });

    const after = await t.db.compte.findUniqueOrThrow({ where: { personneId: sophie } });
    expect(after.versionSession).toBe(before.versionSession + 1);
    expect(after.etat).toBe("ACTIF");
    expect(after.motDePasseModifieLe).not.toBeNull();
    expect(await t.db.journalAudit.count({ where: { sujetId: sophie, type: "MOT_DE_PASSE_REINITIALISE" } })).toBe(1);

    // "Votre mot de passe a été modifié", to each verified contact, through the outbox.
    expect(reset.notifications).toHaveLength(2);
    const [emailNotice] = await outboxTo("sophie.bernard@example.org");
    expect(emailNotice).toMatchObject({ canal: "EMAIL", sujet: "Mon Compte — votre mot de passe a été modifié", statut: "EN_ATTENTE" });
    const [smsNotice] = await outboxTo("+33639981003");
    expect(smsNotice!.texte).toContain("mot de passe modifié");
  });

  it("un code n'autorise qu'un seul changement de mot de passe", async () => {
    const { personneId, codeId } = await proveWithCode("179067505612310", "SMS", "+33639981011");
    const input = { personneId, codeId, nouveauMotDePasse: "Passerelle7Azur", confirmation: "Passerelle7Azur", ip: freshIp() };
    expect(await resetForgottenPassword(t.db, keys, input)).toMatchObject({ ok: true });
    expect(await resetForgottenPassword(t.db, keys, { ...input, nouveauMotDePasse: "Autrechose9Azur", confirmation: "Autrechose9Azur" })).toEqual({
      ok: false,
      reason: "AUTORISATION_EXPIREE",
    });
    expect(await login("179067505612310", "Passerelle7Azur")).toMatchObject({ ok: true });
  });

  it("un mauvais code compte un essai et dit combien il en reste", async () => {
    const sophie = await personneIdOf("BERNARD", "Sophie");
    await sendPasswordRecoveryCode(t.db, keys, fakeTransports(), { personneId: sophie, canal: "EMAIL" });
    const right = await latestCodeTo("sophie.bernard@example.org");
    const wrong = right === "000000" ? "111111" : "000000";
    expect(await checkPasswordRecoveryCode(t.db, keys, { personneId: sophie, canal: "EMAIL", code: wrong })).toMatchObject({ ok: false, reason: "INCORRECT", essaisRestants: 4 });
    expect(await checkPasswordRecoveryCode(t.db, keys, { personneId: sophie, canal: "EMAIL", code: wrong })).toMatchObject({ ok: false, reason: "INCORRECT", essaisRestants: 3 });
    const row = await t.db.codeVerification.findFirstOrThrow({ where: { personneId: sophie, objet: "MOT_DE_PASSE_OUBLIE", canal: "EMAIL" }, orderBy: { emisLe: "desc" } });
    expect(row.essais).toBe(2);
    // A malformed code costs no try.
    expect(await checkPasswordRecoveryCode(t.db, keys, { personneId: sophie, canal: "EMAIL", code: "12a45" })).toMatchObject({ ok: false, reason: "MAL_FORME" });
    expect((await t.db.codeVerification.findUniqueOrThrow({ where: { id: row.id } })).essais).toBe(2);
  });

  it("un code reçu par SMS est accepté à 9 min 59 s et refusé à 10 min 01 s (horloge simulée)", async () => {
    const marc = await personneIdOf("PETIT", "Marc");
    const t0 = new Date(Date.now() - 2 * 60 * 60_000);
    await sendPasswordRecoveryCode(t.db, keys, fakeTransports(), { personneId: marc, canal: "SMS", now: t0 });
    const late = new Date(t0.getTime() + 10 * 60_000 + 1_000);
    expect(await checkPasswordRecoveryCode(t.db, keys, { personneId: marc, canal: "SMS", code: await latestCodeTo("+33639981005"), now: late })).toMatchObject({
      ok: false,
      reason: "EXPIRE",
    });

    const t1 = new Date(t0.getTime() + 15 * 60_000);
    await sendPasswordRecoveryCode(t.db, keys, fakeTransports(), { personneId: marc, canal: "SMS", now: t1 });
    const inTime = new Date(t1.getTime() + 9 * 60_000 + 59_000);
    expect(await checkPasswordRecoveryCode(t.db, keys, { personneId: marc, canal: "SMS", code: await latestCodeTo("+33639981005"), now: inTime })).toMatchObject({ ok: true });
  });

  it("un identifiant inconnu mène au même écran, sans rien proposer ni envoyer", async () => {
    const messagesBefore = await t.db.messageSortant.count();
    const unknown = await startPasswordRecovery(t.db, keys, { identifiant: "269054958815780", ip: freshIp() });
    expect(unknown).toEqual({ ok: true, personneId: null });
    expect(await recoveryChannels(t.db, keys, null)).toEqual([]);
    expect(await sendPasswordRecoveryCode(t.db, keys, fakeTransports(), { personneId: null, canal: "SMS" })).toMatchObject({ ok: false, reason: "CANAL_INDISPONIBLE" });
    expect(await t.db.messageSortant.count()).toBe(messagesBefore);
    expect(await t.db.codeVerification.count({ where: { personneId: null } })).toBe(0);
  });

  it("un compte non activé, ou sans coordonnée confirmée, reçoit exactement la même réponse qu'un identifiant inconnu", async () => {
    const unknown = await startPasswordRecovery(t.db, keys, { identifiant: "P12345678", ip: freshIp() });
    const claire = await startPasswordRecovery(t.db, keys, { identifiant: "288036912304529", ip: freshIp() }); // account not activated
    const paul = await startPasswordRecovery(t.db, keys, { identifiant: "175085935014474", ip: freshIp() }); // no contact at all
    expect(unknown).toEqual({ ok: true, personneId: null });
    expect(claire).toEqual(unknown);
    expect(paul).toEqual(unknown);
  });

  it("un identifiant mal formé reçoit l'erreur précise", async () => {
    expect(await startPasswordRecovery(t.db, keys, { identifiant: "288036912304528", ip: freshIp() })).toEqual({
      ok: false,
      reason: "SAISIE_INVALIDE",
      fieldErrors: { identifiant: "La clé de contrôle ne correspond pas au numéro saisi." },
    });
  });

  it("un compte dont la Caf exige le changement de mot de passe redevient actif", async () => {
    const lea = await personneIdOf("LEFEBVRE", "Léa");
    await t.db.compte.update({ where: { personneId: lea }, data: { etat: "CHANGEMENT_MOT_DE_PASSE_REQUIS" } });
    const { codeId } = await proveWithCode("295072A00402138", "SMS", "+33639981007");
    expect(await resetForgottenPassword(t.db, keys, { personneId: lea, codeId, nouveauMotDePasse: "Bruyere5Granit", confirmation: "Bruyere5Granit", ip: freshIp() })).toMatchObject({
      ok: true,
      suspendu: false,
    });
    expect((await t.db.compte.findUniqueOrThrow({ where: { personneId: lea } })).etat).toBe("ACTIF");
    expect(await login("295072A00402138", "Bruyere5Granit")).toMatchObject({ ok: true, mustChangePassword: false });
  });

  it("un compte suspendu peut changer de mot de passe mais reste suspendu", async () => {
    const jeanne = await personneIdOf("GIRARD", "Jeanne");
    await t.db.compte.update({ where: { personneId: jeanne }, data: { etat: "SUSPENDU" } });
    const { codeId } = await proveWithCode("244081305511821", "SMS", "+33639981008");
    expect(await resetForgottenPassword(t.db, keys, { personneId: jeanne, codeId, nouveauMotDePasse: "Olivier3Garrigue", confirmation: "Olivier3Garrigue", ip: freshIp() })).toMatchObject({
      ok: true,
      suspendu: true,
    });
    expect((await t.db.compte.findUniqueOrThrow({ where: { personneId: jeanne } })).etat).toBe("SUSPENDU");
    expect(await login("244081305511821", "Olivier3Garrigue")).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
    await t.db.compte.update({ where: { personneId: jeanne }, data: { etat: "ACTIF" } });
  });

  it("un nouveau mot de passe hors des règles, ou une confirmation différente, est refusé sans rien changer", async () => {
    const { personneId, codeId } = await proveWithCode("281109205004516", "SMS", "+33639981012");
    const before = await t.db.compte.findUniqueOrThrow({ where: { personneId } });
    const tooSimple = await resetForgottenPassword(t.db, keys, { personneId, codeId, nouveauMotDePasse: "abc", confirmation: "abc", ip: freshIp() });
    expect(tooSimple).toMatchObject({ ok: false, reason: "SAISIE_INVALIDE" });
    if (!tooSimple.ok && tooSimple.reason === "SAISIE_INVALIDE") expect(tooSimple.fieldErrors.nouveauMotDePasse).toBeTruthy();
    const fromName = await resetForgottenPassword(t.db, keys, { personneId, codeId, nouveauMotDePasse: "Moreau2027Vent", confirmation: "Moreau2027Vent", ip: freshIp() });
    expect(fromName).toMatchObject({ ok: false, reason: "SAISIE_INVALIDE", fieldErrors: { nouveauMotDePasse: expect.stringContaining("votre nom") } });
    const mismatch = await resetForgottenPassword(t.db, keys, { personneId, codeId, nouveauMotDePasse: "Passerelle7Azur", confirmation: "Passerelle7Azul", ip: freshIp() });
    expect(mismatch).toMatchObject({ ok: false, reason: "SAISIE_INVALIDE", fieldErrors: { confirmation: expect.stringContaining("pas identiques") } });
    const after = await t.db.compte.findUniqueOrThrow({ where: { personneId } });
    expect(after.motDePasseHash).toBe(before.motDePasseHash);
    expect(after.versionSession).toBe(before.versionSession);
  });

  it("quand le fournisseur de SMS est en panne, la personne en est prévenue et le code attend dans la boîte d'envoi", async () => {
    const karim = await personneIdOf("BERNARD", "Karim");
    const sent = await sendPasswordRecoveryCode(t.db, keys, fakeTransports({ down: true }), { personneId: karim, canal: "SMS" });
    expect(sent).toMatchObject({ ok: true, envoye: false, raison: RAISON_CODE_DIFFERE });
    const [queued] = await outboxTo("+33639981004");
    expect(queued).toMatchObject({ statut: "EN_ATTENTE", tentatives: 1 });
  });

  it(`l'étape de l'identifiant est limitée : ${RECOVERY_LIMITS.identifierAndIp.maxFailures} demandes pour un même identifiant depuis une même adresse, ${RECOVERY_LIMITS.ip.maxFailures} par adresse`, async () => {
    const ip = freshIp();
    for (let i = 0; i < RECOVERY_LIMITS.identifierAndIp.maxFailures; i++) {
      expect(await startPasswordRecovery(t.db, keys, { identifiant: "182023155507830", ip })).toMatchObject({ ok: true });
    }
    expect(await startPasswordRecovery(t.db, keys, { identifiant: "182023155507830", ip })).toMatchObject({ ok: false, reason: "LIMITE_ATTEINTE" });
    // Someone else's device is not affected.
    expect(await startPasswordRecovery(t.db, keys, { identifiant: "182023155507830", ip: freshIp() })).toMatchObject({ ok: true });

    const sprayer = freshIp();
    const unknownNirs = Array.from({ length: RECOVERY_LIMITS.ip.maxFailures }, (_, i) => provisional(10_000_000 + i));
    for (const identifiant of unknownNirs) expect(await startPasswordRecovery(t.db, keys, { identifiant, ip: sprayer })).toMatchObject({ ok: true });
    expect(await startPasswordRecovery(t.db, keys, { identifiant: "P99999999", ip: sprayer })).toMatchObject({ ok: false, reason: "LIMITE_ATTEINTE" });
  });
});

const provisional = (n: number) => `P${String(n).padStart(8, "0")}`;

describe(`identifiant oublié (${testDatabaseKind()})`, () => {
  const marc = { nomNaissance: "Petit", prenom: "Marc", jour: "17", mois: "2", annee: "1982" };

  it("Marc, sans adresse électronique, reçoit son identifiant par SMS sur son mobile confirmé", async () => {
    const outcome = await recoverIdentifier(t.db, keys, { ...marc, contact: "06 39 98 10 05", ip: freshIp() });
    expect(outcome).toMatchObject({ ok: true, canal: "SMS", destination: "06 ** ** ** 05" });
    if (!outcome.ok) return;
    expect(outcome.messageId).not.toBeNull();
    const [sms] = await outboxTo("+33639981005");
    expect(sms!.id).toBe(outcome.messageId);
    expect(sms!.texte).toContain("1 82 02 31 555 078 30");
    expect(await t.db.journalAudit.count({ where: { sujetId: await personneIdOf("PETIT", "Marc"), type: "IDENTIFIANT_RAPPELE" } })).toBe(1);
  });

  it("le message de l'identifiant ne contient aucun lien", async () => {
    const outcome = await recoverIdentifier(t.db, keys, {
      nomNaissance: "BERNARD",
      prenom: "Sophie",
      jour: "25",
      mois: "01",
      annee: "1990",
      contact: "Sophie.Bernard@example.org",
      ip: freshIp(),
    });
    expect(outcome).toMatchObject({ ok: true, canal: "EMAIL", destination: "S***d@example.org" });
    const [email] = await outboxTo("sophie.bernard@example.org");
    expect(email!.id).toBe(outcome.ok ? outcome.messageId : undefined);
    expect(email!.texte).toContain("2 90 01 33 063 087 10");
    for (const body of [email!.texte, email!.html ?? ""]) {
      expect(body).not.toMatch(/https?:|www\.|<a\s|href=/i);
    }
  });

  it("les noms sont comparés sans tenir compte des majuscules, des accents ni des espaces", async () => {
    const outcome = await recoverIdentifier(t.db, keys, { nomNaissance: "  lefébvre ", prenom: "LEA", jour: "4", mois: "7", annee: "1995", contact: "0639981007", ip: freshIp() });
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.ok && outcome.messageId).toBeTruthy();
    const [sms] = await outboxTo("+33639981007");
    expect(sms!.texte).toContain("2 95 07 2A 004 021 38");
  });

  it("c'est le nom de naissance qui est demandé, pas le nom d'usage", async () => {
    const nadia = { prenom: "Nadia", jour: "30", mois: "6", annee: "1984", contact: "06 39 98 10 06" };
    const byUsage = await recoverIdentifier(t.db, keys, { ...nadia, nomNaissance: "PETIT", ip: freshIp() });
    expect(byUsage).toMatchObject({ ok: true, messageId: null });
    const byBirth = await recoverIdentifier(t.db, keys, { ...nadia, nomNaissance: "Haddad", ip: freshIp() });
    expect(byBirth.ok && byBirth.messageId).toBeTruthy();
  });

  it("une identité qui ne correspond pas : rien n'est envoyé, et la réponse est la même", async () => {
    const count = await t.db.messageSortant.count();
    const sent = await recoverIdentifier(t.db, keys, { ...marc, contact: "0639981005", ip: freshIp() });
    const wrongDate = await recoverIdentifier(t.db, keys, { ...marc, jour: "18", contact: "0639981005", ip: freshIp() });
    const wrongFirstName = await recoverIdentifier(t.db, keys, { ...marc, prenom: "Marcel", contact: "0639981005", ip: freshIp() });
    const nobody = await recoverIdentifier(t.db, keys, { nomNaissance: "Diallo", prenom: "Amina", jour: "5", mois: "12", annee: "2001", contact: "0639981005", ip: freshIp() });
    expect(await t.db.messageSortant.count()).toBe(count + 1);
    const { messageId: _, ...answer } = sent as Extract<typeof sent, { ok: true }>;
    for (const other of [wrongDate, wrongFirstName, nobody]) expect(other).toEqual({ ...answer, messageId: null });
  });

  it("une coordonnée non confirmée, ou celle d'une autre personne, ne reçoit rien", async () => {
    const count = await t.db.messageSortant.count();
    const karimUnverifiedEmail = await recoverIdentifier(t.db, keys, {
      nomNaissance: "Bernard",
      prenom: "Karim",
      jour: "9",
      mois: "5",
      annee: "1987",
      contact: "karim.bernard@example.net",
      ip: freshIp(),
    });
    expect(karimUnverifiedEmail).toEqual({ ok: true, canal: "EMAIL", destination: "k***d@example.net", messageId: null });
    const sophiesMobileForMarc = await recoverIdentifier(t.db, keys, { ...marc, contact: "0639981003", ip: freshIp() });
    expect(sophiesMobileForMarc).toEqual({ ok: true, canal: "SMS", destination: "06 ** ** ** 03", messageId: null });
    expect(await t.db.messageSortant.count()).toBe(count);
  });

  it("un formulaire incomplet ou une date impossible reçoit des erreurs précises, champ par champ", async () => {
    const outcome = await recoverIdentifier(t.db, keys, { nomNaissance: "", prenom: "Marc", jour: "31", mois: "2", annee: "1982", contact: "01 23 45 67 89", ip: freshIp() });
    expect(outcome).toMatchObject({
      ok: false,
      reason: "SAISIE_INVALIDE",
      fieldErrors: { nomNaissance: "Saisissez votre nom de naissance.", contact: expect.stringContaining("fixe") },
    });
    const impossible = await recoverIdentifier(t.db, keys, { ...marc, jour: "31", mois: "2", contact: "0639981005", ip: freshIp() });
    expect(impossible).toMatchObject({ ok: false, reason: "SAISIE_INVALIDE", fieldErrors: { jour: expect.stringContaining("n'existe pas") } });
  });

  it(`les demandes sont limitées à ${RECOVERY_LIMITS.ip.maxFailures} par adresse IP`, async () => {
    const ip = freshIp();
    for (let i = 0; i < RECOVERY_LIMITS.ip.maxFailures; i++) {
      expect(await recoverIdentifier(t.db, keys, { ...marc, contact: `06 39 98 20 ${String(i).padStart(2, "0")}`, ip })).toMatchObject({ ok: true });
    }
    expect(await recoverIdentifier(t.db, keys, { ...marc, contact: "0639981005", ip })).toMatchObject({ ok: false, reason: "LIMITE_ATTEINTE" });
  });
});
