// "Mot de passe oublié" and "Identifiant oublié" (SPEC §2, QUALITY-BARS 2–4 and 9) on a real database seeded with
// the personas. Messages go through the real outbox: the tests read the MessageSortant rows, decrypt the recipient
// and take the code from the text, as the person would from their phone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "../../lib/auth/authenticate-password";
import { recoverIdentifier } from "../../lib/auth/recovery/identifier-recovery";
import { checkPasswordRecoveryCode, resendPasswordRecoveryCode, resetForgottenPassword, startPasswordRecovery } from "../../lib/auth/recovery/password-recovery";
import { RECOVERY_LIMITS } from "../../lib/auth/recovery/recovery-throttle";
import { decryptField } from "../../lib/crypto/field-encryption";
import { deliverMessageNow } from "../../lib/messaging/deliver-outbox";
import type { Transports } from "../../lib/messaging/transports";
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

/** The outbox messages to a recipient, newest first, with the recipient and the body decrypted. */
async function outboxTo(recipient: string) {
  const rows = await t.db.messageSortant.findMany({ orderBy: { creeLe: "desc" } });
  return rows
    .map((row) => ({
      ...row,
      destinataire: decryptField(row.destinataireChiffre, keys),
      texte: row.texteChiffre === null ? "" : decryptField(row.texteChiffre, keys),
      html: row.htmlChiffre === null ? null : decryptField(row.htmlChiffre, keys),
    }))
    .filter((row) => row.destinataire === recipient);
}

/** Transports shared by the password-recovery tests: every code the sinks would receive, read as the person would. */
const delivered = fakeTransports();

function latestCodeTo(recipient: string, transports = delivered): string {
  const code = transports.sent.filter((m) => m.to === recipient).at(-1)?.texte.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`Aucun code reçu par ce destinataire.`);
  return code;
}

const login = (identifiant: string, motDePasse: string) => authenticateWithPassword(t.db, keys, { identifiant, motDePasse, ip: freshIp(), userAgent: ua });

/** Step 1 as the action does it: the answer, then the message delivered after it. */
async function start(identifiant: string, contact: string, { ip = freshIp(), transports = delivered, now }: { ip?: string; transports?: Transports; now?: Date } = {}) {
  const started = await startPasswordRecovery(t.db, keys, transports, { identifiant, contact, ip, now });
  if (started.ok && started.messageId) await deliverMessageNow(t.db, transports, keys, started.messageId, quiet);
  return started;
}

/** Steps 1 and 2 for a known person: returns the person and the id of the code typed right. */
async function proveWithCode(identifiant: string, contact: string, recipient: string) {
  const started = await start(identifiant, contact);
  if (!started.ok) throw new Error("étape 1 refusée");
  const checked = await checkPasswordRecoveryCode(t.db, keys, { recovery: started.code, code: latestCodeTo(recipient) });
  if (!checked.ok) throw new Error(`étape 2 : ${checked.message}`);
  return { personneId: checked.personneId, codeId: checked.codeId };
}

/** What a step-1 answer looks like from outside: everything but the code's id, which is random either way. */
const visible = (outcome: Awaited<ReturnType<typeof start>>) =>
  outcome.ok ? { ...outcome, code: { ...outcome.code, codeId: "…", cible: "…", expireLe: "…" }, messageId: "…" } : outcome;

describe(`mot de passe oublié (${testDatabaseKind()})`, () => {
  it("Sophie choisit un nouveau mot de passe grâce à un code reçu par SMS ; ses sessions prennent fin et elle en est prévenue", async () => {
    const sophie = await personneIdOf("BERNARD", "Sophie");
    const before = await t.db.compte.findUniqueOrThrow({ where: { personneId: sophie } });

    const started = await start("2 90 01 33 063 087 10", "06 39 98 10 03");
    expect(started).toMatchObject({ ok: true, code: { canal: "SMS", cible: "+33639981003", nouveauxCodesRestants: 3 } });
    expect(started.ok && started.messageId).toBeTruthy();
    const sms = delivered.sent.filter((m) => m.to === "+33639981003").at(-1)!;
    expect(sms.texte).toContain("changer de mot de passe");
    if (!started.ok) return;

    const checked = await checkPasswordRecoveryCode(t.db, keys, { recovery: started.code, code: latestCodeTo("+33639981003") });
    expect(checked).toMatchObject({ ok: true, personneId: sophie });
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
    const notices = await t.db.messageSortant.findMany({ where: { id: { in: reset.notifications } } });
    expect(notices.map((n) => decryptField(n.destinataireChiffre, keys)).sort()).toEqual(["+33639981003", "sophie.bernard@example.org"]);
    expect(notices.find((n) => n.canal === "EMAIL")).toMatchObject({ sujet: "Mon Compte — votre mot de passe a été modifié", statut: "EN_ATTENTE" });
  });

  it("l'adresse électronique confirmée, saisie avec d'autres majuscules, reçoit aussi le code", async () => {
    const { personneId } = await proveWithCode("2 72 04 59 350 210 41", "Helene.Roux@EXAMPLE.org", "helene.roux@example.org");
    expect(personneId).toBe(await personneIdOf("ROUX", "Hélène"));
  });

  it("un code n'autorise qu'un seul changement de mot de passe", async () => {
    const { personneId, codeId } = await proveWithCode("179067505612310", "0639981011", "+33639981011");
    const input = { personneId, codeId, nouveauMotDePasse: "Passerelle7Azur", confirmation: "Passerelle7Azur", ip: freshIp() };
    expect(await resetForgottenPassword(t.db, keys, input)).toMatchObject({ ok: true });
    expect(await resetForgottenPassword(t.db, keys, { ...input, nouveauMotDePasse: "Autrechose9Azur", confirmation: "Autrechose9Azur" })).toEqual({
      ok: false,
      reason: "AUTORISATION_EXPIREE",
    });
    expect(await login("179067505612310", "Passerelle7Azur")).toMatchObject({ ok: true });
  });

  it("un identifiant inconnu et un identifiant connu avec une autre coordonnée reçoivent la même réponse, après le même travail, et rien n'est envoyé", async () => {
    const sent = delivered.sent.length;
    const messagesBefore = await t.db.messageSortant.count();
    const journalBefore = await t.db.journalAudit.count();
    const unknown = await start("269054958815780", "06 39 98 77 77");
    const codesAfterUnknown = await t.db.codeVerification.count();
    const knownWrongContact = await start("182023155507830", "06 39 98 77 78"); // Marc, with a number that is not his
    const codesAfterKnown = await t.db.codeVerification.count();
    const sophiesNumberForMarc = await start("182023155507830", "06 39 98 10 03");
    const notActivated = await start("288036912304529", "06 39 98 10 01"); // Claire: her number, account not activated
    const noContact = await start("175085935014474", "06 39 98 77 79"); // Paul: no confirmed contact
    expect(unknown).toMatchObject({ ok: true, messageId: null });
    for (const other of [knownWrongContact, sophiesNumberForMarc, notActivated, noContact]) {
      expect(other).toMatchObject({ ok: true, messageId: null });
    }
    expect(visible(knownWrongContact)).toEqual(visible(unknown));
    expect(knownWrongContact).toMatchObject({ code: { canal: "SMS", cible: "+33639987778", nouveauxCodesRestants: 3 } });
    expect(notActivated).toMatchObject({ ok: true, code: { canal: "SMS", cible: "+33639981001", nouveauxCodesRestants: 3 } });
    // One code issued either way (bound to no one), nothing queued, nothing sent, nothing journaled.
    expect(codesAfterKnown - codesAfterUnknown).toBe(1);
    expect(await t.db.codeVerification.count({ where: { personneId: null, objet: "MOT_DE_PASSE_OUBLIE" } })).toBe(5);
    expect(await t.db.messageSortant.count()).toBe(messagesBefore);
    expect(delivered.sent.length).toBe(sent);
    expect(await t.db.journalAudit.count()).toBe(journalBefore);
  });

  it("sans correspondance, l'écran du code se comporte comme avec : essais comptés, nouveau code possible, jamais d'autorisation", async () => {
    const unknown = await start("269054958815780", "inconnu@example.org");
    if (!unknown.ok) throw new Error("étape 1 refusée");
    expect(await checkPasswordRecoveryCode(t.db, keys, { recovery: unknown.code, code: "123456" })).toMatchObject({ ok: false, reason: "INCORRECT", essaisRestants: 4 });
    const again = await resendPasswordRecoveryCode(t.db, keys, delivered, { recovery: unknown.code, ip: freshIp() });
    expect(again).toMatchObject({ ok: true, messageId: null, code: { nouveauxCodesRestants: 2 } });
  });

  it("un mauvais code compte un essai et dit combien il en reste", async () => {
    const sophie = await personneIdOf("BERNARD", "Sophie");
    const started = await start("290013306308710", "sophie.bernard@example.org");
    if (!started.ok) throw new Error("étape 1 refusée");
    const right = latestCodeTo("sophie.bernard@example.org");
    const wrong = right === "000000" ? "111111" : "000000";
    const recovery = started.code;
    expect(await checkPasswordRecoveryCode(t.db, keys, { recovery, code: wrong })).toMatchObject({ ok: false, reason: "INCORRECT", essaisRestants: 4 });
    expect(await checkPasswordRecoveryCode(t.db, keys, { recovery, code: wrong })).toMatchObject({ ok: false, reason: "INCORRECT", essaisRestants: 3 });
    const row = await t.db.codeVerification.findFirstOrThrow({ where: { personneId: sophie, objet: "MOT_DE_PASSE_OUBLIE", canal: "EMAIL" }, orderBy: { emisLe: "desc" } });
    expect(row.essais).toBe(2);
    // A malformed code costs no try.
    expect(await checkPasswordRecoveryCode(t.db, keys, { recovery, code: "12a45" })).toMatchObject({ ok: false, reason: "MAL_FORME" });
    expect((await t.db.codeVerification.findUniqueOrThrow({ where: { id: row.id } })).essais).toBe(2);
  });

  it("un nouveau code remplace le précédent et part à la même coordonnée", async () => {
    const started = await start("182023155507830", "06 39 98 10 05");
    if (!started.ok) throw new Error("étape 1 refusée");
    const first = latestCodeTo("+33639981005");
    const again = await resendPasswordRecoveryCode(t.db, keys, delivered, { recovery: started.code, ip: freshIp() });
    if (!again.ok) throw new Error(again.message);
    await deliverMessageNow(t.db, delivered, keys, again.messageId!, quiet);
    expect(await checkPasswordRecoveryCode(t.db, keys, { recovery: again.code, code: first })).toMatchObject({ ok: false });
    expect(await checkPasswordRecoveryCode(t.db, keys, { recovery: again.code, code: latestCodeTo("+33639981005") })).toMatchObject({ ok: true });
  });

  it("un code reçu par SMS est accepté à 9 min 59 s et refusé à 10 min 01 s (horloge simulée)", async () => {
    const t0 = new Date(Date.now() - 2 * 60 * 60_000);
    const first = await start("284064410903322", "0639981006", { now: t0 });
    if (!first.ok) throw new Error("étape 1 refusée");
    const late = new Date(t0.getTime() + 10 * 60_000 + 1_000);
    expect(await checkPasswordRecoveryCode(t.db, keys, { recovery: first.code, code: latestCodeTo("+33639981006"), now: late })).toMatchObject({ ok: false, reason: "EXPIRE" });

    const t1 = new Date(t0.getTime() + 15 * 60_000);
    const second = await start("284064410903322", "0639981006", { now: t1 });
    if (!second.ok) throw new Error("étape 1 refusée");
    const inTime = new Date(t1.getTime() + 9 * 60_000 + 59_000);
    expect(await checkPasswordRecoveryCode(t.db, keys, { recovery: second.code, code: latestCodeTo("+33639981006"), now: inTime })).toMatchObject({ ok: true });
  });

  it("un identifiant ou une coordonnée mal formés reçoivent l'erreur précise, sans rien émettre", async () => {
    const codes = await t.db.codeVerification.count();
    expect(await start("288036912304528", "0639981001")).toEqual({
      ok: false,
      reason: "SAISIE_INVALIDE",
      fieldErrors: { identifiant: "La clé de contrôle ne correspond pas au numéro saisi." },
    });
    const noContact = await start("290013306308710", "  ");
    expect(noContact).toMatchObject({ ok: false, reason: "SAISIE_INVALIDE", fieldErrors: { contact: expect.stringContaining("Saisissez l'adresse électronique ou le numéro de mobile") } });
    expect(await start("290013306308710", "01 23 45 67 89")).toMatchObject({ ok: false, reason: "SAISIE_INVALIDE", fieldErrors: { contact: expect.any(String) } });
    expect(await startPasswordRecovery(t.db, keys, delivered, { identifiant: 42, contact: ["x"], ip: freshIp() })).toMatchObject({ ok: false, reason: "SAISIE_INVALIDE" });
    expect(await t.db.codeVerification.count()).toBe(codes);
  });

  it("un compte dont la Caf exige le changement de mot de passe redevient actif", async () => {
    const lea = await personneIdOf("LEFEBVRE", "Léa");
    await t.db.compte.update({ where: { personneId: lea }, data: { etat: "CHANGEMENT_MOT_DE_PASSE_REQUIS" } });
    const { codeId } = await proveWithCode("295072A00402138", "06 39 98 10 07", "+33639981007");
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
    const { codeId } = await proveWithCode("244081305511821", "06 39 98 10 08", "+33639981008");
    expect(await resetForgottenPassword(t.db, keys, { personneId: jeanne, codeId, nouveauMotDePasse: "Olivier3Garrigue", confirmation: "Olivier3Garrigue", ip: freshIp() })).toMatchObject({
      ok: true,
      suspendu: true,
    });
    expect((await t.db.compte.findUniqueOrThrow({ where: { personneId: jeanne } })).etat).toBe("SUSPENDU");
    expect(await login("244081305511821", "Olivier3Garrigue")).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
    await t.db.compte.update({ where: { personneId: jeanne }, data: { etat: "ACTIF" } });
  });

  it("un nouveau mot de passe hors des règles, ou une confirmation différente, est refusé sans rien changer", async () => {
    const { personneId, codeId } = await proveWithCode("281109205004516", "06 39 98 10 12", "+33639981012");
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

  it("quand le fournisseur de SMS est en panne, le code attend dans la boîte d'envoi, et l'écran est le même", async () => {
    const down = fakeTransports({ down: true });
    const started = await start("187051305520164", "06 39 98 10 04", { transports: down });
    expect(started).toMatchObject({ ok: true });
    const queued = await t.db.messageSortant.findUniqueOrThrow({ where: { id: (started.ok && started.messageId) || "" } });
    expect(queued).toMatchObject({ statut: "EN_ATTENTE", tentatives: 1 });
  });

  it(`l'étape de l'identifiant est limitée : ${RECOVERY_LIMITS.identifierAndIp.maxFailures} demandes pour un même identifiant depuis une même adresse, ${RECOVERY_LIMITS.ip.maxFailures} par adresse`, async () => {
    const ip = freshIp();
    for (let i = 0; i < RECOVERY_LIMITS.identifierAndIp.maxFailures; i++) {
      expect(await start("182023155507830", `06 39 98 21 ${String(i).padStart(2, "0")}`, { ip })).toMatchObject({ ok: true });
    }
    expect(await start("182023155507830", "06 39 98 21 99", { ip })).toMatchObject({ ok: false, reason: "LIMITE_ATTEINTE" });
    // Someone else's device is not affected.
    expect(await start("182023155507830", "06 39 98 21 98", { ip: freshIp() })).toMatchObject({ ok: true });

    const sprayer = freshIp();
    const unknownNirs = Array.from({ length: RECOVERY_LIMITS.ip.maxFailures }, (_, i) => provisional(10_000_000 + i));
    for (const [i, identifiant] of unknownNirs.entries()) {
      expect(await start(identifiant, `06 39 98 22 ${String(i).padStart(2, "0")}`, { ip: sprayer })).toMatchObject({ ok: true });
    }
    expect(await start("P99999999", "06 39 98 22 99", { ip: sprayer })).toMatchObject({ ok: false, reason: "LIMITE_ATTEINTE" });
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
    // Never the whole NIR: the carte Vitale and its last 4 characters.
    expect(sms!.texte).toContain("carte Vitale");
    expect(sms!.texte).toContain("7830");
    expect(sms!.texte.replace(/\s/g, "")).not.toContain("18202315550");
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
    expect(email!.texte).toContain("8710");
    expect(`${email!.texte}${email!.html}`.replace(/\s/g, "")).not.toContain("2900133063087");
    for (const body of [email!.texte, email!.html ?? ""]) {
      expect(body).not.toMatch(/https?:|www\.|<a\s|href=/i);
    }
  });

  it("les noms sont comparés sans tenir compte des majuscules, des accents ni des espaces", async () => {
    const outcome = await recoverIdentifier(t.db, keys, { nomNaissance: "  lefébvre ", prenom: "LEA", jour: "4", mois: "7", annee: "1995", contact: "0639981007", ip: freshIp() });
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.ok && outcome.messageId).toBeTruthy();
    const [sms] = await outboxTo("+33639981007");
    expect(sms!.texte).toContain("2138");
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
