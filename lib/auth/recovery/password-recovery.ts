// Mot de passe oublié: identifier → choice of a verified contact → 6-digit code → new password.
// Nothing here tells an outsider whether an identifier exists: an unknown identifier, an account not activated and
// an account without any verified contact all lead to the same screen, with nothing to choose. Codes go through the
// one verification engine (bound to the person, this flow, the channel and the contact), messages through the
// durable outbox, and the password change is one transaction that also ends every open session.
import { forgetKnownBrowsers } from "../known-browser";
import { queuePasswordChangedNotices, replacedPasswordData } from "../password-replacement";
import "server-only";
import { journal } from "../../audit/journal";
import { decryptField, lookupHash, type FieldKeys } from "../../crypto/field-encryption";
import type { Database } from "../../db/open-prisma";
import type { EtatCompte } from "../../db/generated/enums";
import { parseLoginIdentifier } from "../../identity/login-identifier";
import { maskEmail } from "../../identity/email";
import { maskMobile } from "../../identity/mobile";
import { deliverMessageNow, type DeliveryOutcome } from "../../messaging/deliver-outbox";
import { enqueueMessage, outboxMessage } from "../../messaging/enqueue-message";
import { verificationCode } from "../../messaging/templates";
import { RAISON_CODE_DIFFERE, type Transports } from "../../messaging/transports";
import { codeValidityMinutes, type CanalCode } from "../../verification/code-messages";
import { issueVerificationCode, verifyCode, type VerifyResult } from "../../verification/verification-engine";
import { hashPassword } from "../password-hash";
import { validateNewPassword, type NewPasswordField } from "../new-password";
import { takeRecoveryAttempt } from "./recovery-throttle";

export const PASSWORD_RECOVERY_OBJET = "MOT_DE_PASSE_OUBLIE";
/** From the identifier to the new password: the whole recovery must fit in this time. */
export const PASSWORD_RECOVERY_MAX_AGE_MS = 20 * 60_000;

/** Accounts whose password may be recovered. A suspended account may change it, but stays suspended. */
const RECOVERABLE: ReadonlySet<EtatCompte> = new Set<EtatCompte>(["ACTIF", "CHANGEMENT_MOT_DE_PASSE_REQUIS", "SUSPENDU"]);

// ── Step 1: the identifier ────────────────────────────────────────────────────────────────────────────────────

export type IdentifierStepField = "identifiant";

export type StartOutcome =
  | { ok: false; reason: "SAISIE_INVALIDE"; fieldErrors: Partial<Record<IdentifierStepField, string>> }
  | { ok: false; reason: "LIMITE_ATTEINTE"; until: Date }
  /** personneId is null when there is nothing to offer: unknown identifier, account not activated, no verified contact. */
  | { ok: true; personneId: string | null };

export async function startPasswordRecovery(
  db: Database,
  keys: FieldKeys,
  { identifiant, ip, now = new Date() }: { identifiant: unknown; ip: string; now?: Date },
): Promise<StartOutcome> {
  const parsed = typeof identifiant === "string" ? parseLoginIdentifier(identifiant) : parseLoginIdentifier("");
  if (!parsed.ok) return { ok: false, reason: "SAISIE_INVALIDE", fieldErrors: { identifiant: parsed.error } };

  const allowed = await takeRecoveryAttempt(db, keys, { flow: "mot-de-passe-oublie", identifier: parsed.value, ip, now });
  if (!allowed.allowed) return { ok: false, reason: "LIMITE_ATTEINTE", until: allowed.until };

  const personne = await db.personne.findFirst({
    where: parsed.kind === "provisoire" ? { identifiantProvisoire: parsed.value } : { nirEmpreinte: lookupHash(parsed.value, keys) },
    select: { id: true, compte: { select: { etat: true } }, coordonnees: { where: { verifiee: true }, select: { id: true } } },
  });
  if (!personne) return { ok: true, personneId: null };
  await journal(db, { type: "MOT_DE_PASSE_OUBLIE_DEMANDE", acteur: "systeme", sujetId: personne.id, ip, survenuLe: now });
  const recoverable = personne.compte !== null && RECOVERABLE.has(personne.compte.etat) && personne.coordonnees.length > 0;
  return { ok: true, personneId: recoverable ? personne.id : null };
}

// ── Step 2: where to send the code ────────────────────────────────────────────────────────────────────────────

export type RecoveryChannel = { canal: CanalCode; /** Masked: "06 ** ** ** 03", "s***d@example.org". */ destination: string };

type Contact = { canal: CanalCode; value: string };

/** The verified contacts of a person whose password may be recovered, decrypted (never shown as such). */
async function recoveryContacts(db: Pick<Database, "personne">, keys: FieldKeys, personneId: string | null): Promise<Contact[]> {
  if (!personneId) return [];
  const personne = await db.personne.findUnique({
    where: { id: personneId },
    select: { compte: { select: { etat: true } }, coordonnees: { where: { verifiee: true }, select: { type: true, valeurChiffree: true } } },
  });
  if (!personne?.compte || !RECOVERABLE.has(personne.compte.etat)) return [];
  const contacts = personne.coordonnees.map((c) => ({ canal: c.type === "MOBILE" ? ("SMS" as const) : ("EMAIL" as const), value: decryptField(c.valeurChiffree, keys) }));
  // SMS first: it is the channel people read soonest.
  return contacts.sort((a, b) => (a.canal === b.canal ? 0 : a.canal === "SMS" ? -1 : 1));
}

function masked(contact: Contact): string {
  return contact.canal === "SMS" ? maskMobile(contact.value) : maskEmail(contact.value);
}

export async function recoveryChannels(db: Pick<Database, "personne">, keys: FieldKeys, personneId: string | null): Promise<RecoveryChannel[]> {
  return (await recoveryContacts(db, keys, personneId)).map((contact) => ({ canal: contact.canal, destination: masked(contact) }));
}

async function contactFor(db: Pick<Database, "personne">, keys: FieldKeys, personneId: string | null, canal: CanalCode): Promise<Contact | null> {
  return (await recoveryContacts(db, keys, personneId)).find((c) => c.canal === canal) ?? null;
}

export type SendCodeOutcome =
  | {
      ok: true;
      destination: string;
      expireLe: Date;
      nouveauxCodesRestants: number;
      /** False when the message waits in the outbox: `raison` then says so, in words for the person. */
      envoye: boolean;
      raison?: string;
    }
  | { ok: false; reason: "CANAL_INDISPONIBLE" | "TROP_DE_NOUVEAUX_CODES"; message: string };

export const CANAL_INDISPONIBLE = "Ce moyen de recevoir un code n'est pas disponible : choisissez-en un autre ou contactez votre Caf.";

function deliveryWarning(delivery: DeliveryOutcome): string | undefined {
  if (delivery.statut === "ENVOYE") return undefined;
  return delivery.statut === "EN_ATTENTE" ? RAISON_CODE_DIFFERE : `${delivery.raison} Choisissez un autre moyen de recevoir un code, ou contactez votre Caf.`;
}

/** Issues a code and queues its message in one transaction, then tries to deliver it at once. */
export async function sendPasswordRecoveryCode(
  db: Database,
  keys: FieldKeys,
  transports: Transports,
  { personneId, canal, now = new Date() }: { personneId: string | null; canal: CanalCode; now?: Date },
): Promise<SendCodeOutcome> {
  const contact = await contactFor(db, keys, personneId, canal);
  if (!personneId || !contact) return { ok: false, reason: "CANAL_INDISPONIBLE", message: CANAL_INDISPONIBLE };
  const issued = await db.$transaction(async (tx) => {
    const code = await issueVerificationCode(tx, { personneId, objet: PASSWORD_RECOVERY_OBJET, canal, cible: contact.value, now }, keys);
    if (!code.ok) return code;
    const content = verificationCode({ code: code.code, validiteMinutes: codeValidityMinutes(canal), usage: "mot de passe oublié" });
    const message = await enqueueMessage(tx, outboxMessage(canal, contact.value, content), keys, { now });
    return { ...code, messageId: message.id };
  });
  if (!issued.ok) return { ok: false, reason: issued.reason, message: issued.message };
  const delivery = await deliverMessageNow(db, transports, keys, issued.messageId);
  const raison = deliveryWarning(delivery);
  return {
    ok: true,
    destination: masked(contact),
    expireLe: issued.expireLe,
    nouveauxCodesRestants: issued.nouveauxCodesRestants,
    envoye: raison === undefined,
    ...(raison ? { raison } : {}),
  };
}

// ── Step 3: the code ──────────────────────────────────────────────────────────────────────────────────────────

export async function checkPasswordRecoveryCode(
  db: Database,
  keys: FieldKeys,
  { personneId, canal, code, now = new Date() }: { personneId: string | null; canal: CanalCode; code: string; now?: Date },
): Promise<VerifyResult> {
  const contact = await contactFor(db, keys, personneId, canal);
  if (!personneId || !contact) return { ok: false, reason: "INTROUVABLE", message: CANAL_INDISPONIBLE };
  return verifyCode(db, { personneId, objet: PASSWORD_RECOVERY_OBJET, canal, cible: contact.value, code, now }, keys);
}

// ── Step 4: the new password ──────────────────────────────────────────────────────────────────────────────────

export type { NewPasswordField } from "../new-password";

export type ResetOutcome =
  | { ok: false; reason: "SAISIE_INVALIDE"; fieldErrors: Partial<Record<NewPasswordField, string>> }
  /** The code was not used in this flow, or too long ago, or the password has already been changed since. */
  | { ok: false; reason: "AUTORISATION_EXPIREE" }
  | { ok: true; suspendu: boolean; /** Outbox ids of the "mot de passe modifié" notices, to deliver once answered. */ notifications: string[] };

/**
 * Sets the new password of the person who has just typed a right code (`codeId`, from step 3). One transaction:
 * the hash, the account back to ACTIF if the Caf had required a change, every session ended, the journal, and a
 * notice to each verified contact. A code authorises one change only.
 */
export async function resetForgottenPassword(
  db: Database,
  keys: FieldKeys,
  input: { personneId: string; codeId: string; nouveauMotDePasse: unknown; confirmation: unknown; ip: string; now?: Date },
): Promise<ResetOutcome> {
  const now = input.now ?? new Date();
  const authorisation = await db.codeVerification.findFirst({
    where: {
      id: input.codeId,
      personneId: input.personneId,
      objet: PASSWORD_RECOVERY_OBJET,
      utiliseLe: { not: null, gt: new Date(now.getTime() - PASSWORD_RECOVERY_MAX_AGE_MS) },
    },
    select: { utiliseLe: true, canal: true },
  });
  const personne = await db.personne.findUnique({
    where: { id: input.personneId },
    select: {
      nomNaissance: true,
      nomUsage: true,
      prenoms: true,
      dateNaissance: true,
      nirChiffre: true,
      compte: { select: { id: true, etat: true, motDePasseModifieLe: true } },
      coordonnees: { where: { verifiee: true }, select: { type: true, valeurChiffree: true } },
    },
  });
  const compte = personne?.compte;
  const usedAt = authorisation?.utiliseLe;
  if (!personne || !compte || !usedAt || !RECOVERABLE.has(compte.etat) || (compte.motDePasseModifieLe && compte.motDePasseModifieLe >= usedAt)) {
    return { ok: false, reason: "AUTORISATION_EXPIREE" };
  }

  const checked = validateNewPassword(input, personne, keys);
  if (!checked.ok) return { ok: false, reason: "SAISIE_INVALIDE", fieldErrors: checked.fieldErrors };

  const hash = await hashPassword(checked.motDePasse);
  const result = await db.$transaction(async (tx) => {
    // Conditional on the password not having changed since the code was typed: two submissions, one change.
    const { count } = await tx.compte.updateMany({
      where: { id: compte.id, etat: compte.etat, OR: [{ motDePasseModifieLe: null }, { motDePasseModifieLe: { lt: usedAt } }] },
      data: replacedPasswordData(hash, compte.etat, now),
    });
    if (count !== 1) return null;
    await forgetKnownBrowsers(tx, input.personneId);
    await journal(tx, {
      type: "MOT_DE_PASSE_REINITIALISE",
      acteur: input.personneId,
      sujetId: input.personneId,
      ip: input.ip,
      survenuLe: now,
      details: { canal: authorisation.canal, compteSuspendu: compte.etat === "SUSPENDU" },
    });
    return queuePasswordChangedNotices(tx, personne.coordonnees, keys, now);
  });
  if (!result) return { ok: false, reason: "AUTORISATION_EXPIREE" };
  return { ok: true, suspendu: compte.etat === "SUSPENDU", notifications: result };
}

