// "Se souvenir de ce navigateur" lets a browser skip the e-mail code for 30 days. A new password, from the space or
// through "Mot de passe oublié", forgets every browser the person had remembered: whoever took the old password
// (and a remembered browser) must face the code again. On PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "../../lib/auth/change-password";
import { isKnownBrowser, rememberBrowser } from "../../lib/auth/known-browser";
import { checkPasswordRecoveryCode, resetForgottenPassword, startPasswordRecovery } from "../../lib/auth/recovery/password-recovery";
import { deliverMessageNow } from "../../lib/messaging/deliver-outbox";
import type { Transports } from "../../lib/messaging/transports";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
let t: TestDatabase;
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;
/** Keeps the SMS it is asked to send, to read the recovery code. */
const smsSent: { to: string; texte: string }[] = [];
const keepingTransports: Transports = { email: async () => {}, sms: async (to, texte) => void smsSent.push({ to, texte }) };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, { log: () => {} });
});
afterAll(async () => t?.dispose());

async function personneIdOf(nom: string, prenom: string) {
  return (await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } }, select: { id: true } })).id;
}

/** Two remembered browsers for the person, one for a bystander; all recognised now. */
async function rememberBrowsers(personneId: string, bystanderId: string, now: Date) {
  const own = [await rememberBrowser(t.db, personneId, now), await rememberBrowser(t.db, personneId, now)];
  const bystander = await rememberBrowser(t.db, bystanderId, now);
  for (const { token } of own) expect(await isKnownBrowser(t.db, personneId, token, now)).toBe(true);
  expect(await isKnownBrowser(t.db, bystanderId, bystander.token, now)).toBe(true);
  return { own, bystander };
}

describe(`navigateurs reconnus et nouveau mot de passe (${testDatabaseKind()})`, () => {
  it("changer son mot de passe fait oublier tous les navigateurs reconnus de la personne, et seulement les siens", async () => {
    const helene = await personneIdOf("ROUX", "Hélène");
    const karim = await personneIdOf("BERNARD", "Karim");
    const now = new Date();
    const { own, bystander } = await rememberBrowsers(helene, karim, now);
    const compte = await t.db.compte.findUniqueOrThrow({ where: { personneId: helene }, select: { id: true } });

    const outcome = await changePassword(t.db, keys, {
      compteId: compte.id,
      personneId: helene,
      motDePasseActuel: "Beffroi2026Caf",
      nouveauMotDePasse: "Carillon8Escaut",
      confirmation: "Carillon8Escaut",
      ip: freshIp(),
      now,
    });
    expect(outcome).toMatchObject({ ok: true });

    for (const { token } of own) expect(await isKnownBrowser(t.db, helene, token, now)).toBe(false);
    expect(await t.db.navigateurConnu.count({ where: { personneId: helene } })).toBe(0);
    expect(await isKnownBrowser(t.db, karim, bystander.token, now)).toBe(true);
  });

  it("un changement refusé (mauvais mot de passe actuel) ne fait oublier aucun navigateur", async () => {
    const ines = await personneIdOf("ROCHE", "Inès");
    const karim = await personneIdOf("BERNARD", "Karim");
    const now = new Date();
    const { own } = await rememberBrowsers(ines, karim, now);
    const compte = await t.db.compte.findUniqueOrThrow({ where: { personneId: ines }, select: { id: true } });
    const outcome = await changePassword(t.db, keys, {
      compteId: compte.id,
      personneId: ines,
      motDePasseActuel: "PasLeBon2026Caf",
      nouveauMotDePasse: "Carillon8Escaut",
      confirmation: "Carillon8Escaut",
      ip: freshIp(),
      now,
    });
    expect(outcome).toMatchObject({ ok: false, reason: "SAISIE_INVALIDE" });
    for (const { token } of own) expect(await isKnownBrowser(t.db, ines, token, now)).toBe(true);
  });

  it("un nouveau mot de passe choisi par « Mot de passe oublié » fait oublier tous les navigateurs reconnus de la personne", async () => {
    const sophie = await personneIdOf("BERNARD", "Sophie");
    const karim = await personneIdOf("BERNARD", "Karim");
    const now = new Date();
    const { own, bystander } = await rememberBrowsers(sophie, karim, now);

    const started = await startPasswordRecovery(t.db, keys, keepingTransports, { identifiant: "290013306308710", contact: "06 39 98 10 03", ip: freshIp() });
    if (!started.ok || !started.messageId) throw new Error("étape 1 : code attendu");
    await deliverMessageNow(t.db, keepingTransports, keys, started.messageId, { log: () => {} });
    const code = smsSent.filter((m) => m.to === "+33639981003").at(-1)!.texte.match(/\b(\d{6})\b/)![1]!;
    const checked = await checkPasswordRecoveryCode(t.db, keys, { recovery: started.code, code });
    if (!checked.ok) throw new Error(`étape 2 : ${checked.message}`);
    // Remembered while the recovery was under way: forgotten too.
    const during = await rememberBrowser(t.db, sophie, now);

    const reset = await resetForgottenPassword(t.db, keys, { personneId: sophie, codeId: checked.codeId, nouveauMotDePasse: "Lavande4Ventoux", confirmation: "Lavande4Ventoux", ip: freshIp() });
    expect(reset).toMatchObject({ ok: true });

    for (const { token } of [...own, during]) expect(await isKnownBrowser(t.db, sophie, token, now)).toBe(false);
    expect(await t.db.navigateurConnu.count({ where: { personneId: sophie } })).toBe(0);
    expect(await isKnownBrowser(t.db, karim, bystander.token, now)).toBe(true);
  });
});
