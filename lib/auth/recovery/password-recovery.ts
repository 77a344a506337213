// Mot de passe oublié: identifier and a confirmed contact detail → 6-digit code → new password.
// Nothing here tells an outsider whether an account exists: the first step asks for the identifier AND the full
// e-mail address or mobile number the person confirmed, and answers the same way, after the same database work (one
// lookup by keyed hashes, one code issued), whether or not they match; the code is sent only when they do. Codes go
// through the portal's one code pipeline (bound to the person, this flow, the channel and the contact), messages
// through the durable outbox, and the password change is one transaction that also ends every open session.
import { forgetKnownBrowsers } from "../known-browser";
import { queuePasswordChangedNotices, replacedPasswordData } from "../password-replacement";
import "server-only";
import { z } from "zod";
import { journal } from "../../audit/journal";
import { decryptField, lookupHash, type FieldKeys } from "../../crypto/field-encryption";
import type { Database } from "../../db/open-prisma";
import type { Prisma } from "../../db/generated/client";
import type { EtatCompte } from "../../db/generated/enums";
import { fieldErrorsFrom } from "../../forms/action-result";
import { parseLoginIdentifier } from "../../identity/login-identifier";
import type { Transports } from "../../messaging/transports";
import { CODE_MESSAGES, type CanalCode } from "../../verification/code-messages";
import { CODE_PURPOSES, sendVerificationCode, type SendCodeResult } from "../../verification/send-verification-code";
import { verifyCode, type VerifyResult } from "../../verification/verification-engine";
import { hashPassword } from "../password-hash";
import { validateNewPassword, type NewPasswordField } from "../new-password";
import { contactFingerprints, contactTypeOf, recoveryContactField, type RecoveryContact } from "./recovery-contact";
import { takeRecoveryAttempt } from "./recovery-throttle";

export const PASSWORD_RECOVERY_OBJET = CODE_PURPOSES.MOT_DE_PASSE_OUBLIE.objet;
/** From the identifier to the new password: the whole recovery must fit in this time. */
export const PASSWORD_RECOVERY_MAX_AGE_MS = 20 * 60_000;

/** Accounts whose password may be recovered. A suspended account may change it, but stays suspended. */
const RECOVERABLE: ReadonlySet<EtatCompte> = new Set<EtatCompte>(["ACTIF", "CHANGEMENT_MOT_DE_PASSE_REQUIS", "SUSPENDU"]);

// ── Step 1: the identifier and a confirmed contact detail ──────────────────────────────────────────────────

export type IdentifierStepField = "identifiant" | "contact";

const NOBODY = "00000000-0000-0000-0000-000000000000";

const identifierStepSchema = z.object({
  identifiant: z.string({ error: "Saisissez votre identifiant." }).transform((input, ctx) => {
    const parsed = parseLoginIdentifier(input.slice(0, 64));
    if (parsed.ok) return parsed;
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }),
  contact: recoveryContactField,
});

/** Where a recovery stands once a code was issued: kept in the sealed recovery cookie, never shown. */
export type RecoveryCode = {
  /** The code issued at step 1 (or by "Recevoir un nouveau code"): it says whom the code is bound to, if anyone. */
  codeId: string;
  canal: CanalCode;
  /** The contact detail as typed (normalised): what the code is bound to. */
  cible: string;
  expireLe: number;
  nouveauxCodesRestants: number;
};

export type StartOutcome =
  | { ok: false; reason: "SAISIE_INVALIDE"; fieldErrors: Partial<Record<IdentifierStepField, string>> }
  | { ok: false; reason: "LIMITE_ATTEINTE"; until: Date }
  | { ok: false; reason: "ENVOI_REFUSE"; message: string }
  /** The same whether or not anything matched; messageId is for the caller to deliver after answering. */
  | { ok: true; code: RecoveryCode; messageId: string | null };

type Matched = { personneId: string; destinataire: string } | null;

/**
 * The confirmed contact detail of a recoverable account matching what was typed, in one query by keyed hashes.
 * Called with the person's id (a new code) or the identifier's keyed hash (step 1).
 */
async function matchingContact(db: Database, keys: FieldKeys, where: Prisma.PersonneWhereInput, contact: RecoveryContact): Promise<Matched> {
  const personne = await db.personne.findFirst({
    where,
    select: {
      id: true,
      compte: { select: { etat: true } },
      coordonnees: { where: { verifiee: true, type: contactTypeOf(contact.canal), empreinte: { in: contactFingerprints(contact, keys) } }, select: { valeurChiffree: true } },
    },
  });
  const confirmed = personne?.coordonnees[0];
  if (!personne?.compte || !RECOVERABLE.has(personne.compte.etat) || !confirmed) return null;
  // Sent to the contact detail as it was confirmed, not as it was typed today.
  return { personneId: personne.id, destinataire: decryptField(confirmed.valeurChiffree, keys) };
}

/**
 * Issues the recovery code. When the identifier and the contact detail belong to the same recoverable account, the
 * code goes to that contact; otherwise an identical code is issued, bound to no one, and sent nowhere. Either way the
 * answer, the database work and the next screen are the same: the form tells nobody whether an account exists.
 */
function issueRecoveryCode(
  db: Database,
  keys: FieldKeys,
  transports: Transports,
  { matched, contact, ip, now }: { matched: Matched; contact: RecoveryContact; ip: string; now?: Date },
): Promise<SendCodeResult> {
  return sendVerificationCode(db, keys, transports, {
    purpose: "MOT_DE_PASSE_OUBLIE",
    personneId: matched?.personneId ?? null,
    canal: contact.canal,
    cible: contact.value,
    envoyerA: matched?.destinataire ?? null,
    livraison: "apres-reponse",
    ip,
    now,
  });
}

function recoveryCodeOf(sent: Extract<SendCodeResult, { ok: true }>, contact: RecoveryContact): RecoveryCode {
  return { codeId: sent.codeId, canal: contact.canal, cible: contact.value, expireLe: sent.expireLe.getTime(), nouveauxCodesRestants: sent.nouveauxCodesRestants };
}

export async function startPasswordRecovery(
  db: Database,
  keys: FieldKeys,
  transports: Transports,
  { identifiant, contact, ip, now }: { identifiant: unknown; contact: unknown; ip: string; now?: Date },
): Promise<StartOutcome> {
  const parsed = identifierStepSchema.safeParse({ identifiant, contact });
  if (!parsed.success) return { ok: false, reason: "SAISIE_INVALIDE", fieldErrors: fieldErrorsFrom<IdentifierStepField>(parsed.error.issues) };
  const login = parsed.data.identifiant;

  const allowed = await takeRecoveryAttempt(db, keys, { flow: "mot-de-passe-oublie", identifier: login.value, ip, now: now ?? new Date() });
  if (!allowed.allowed) return { ok: false, reason: "LIMITE_ATTEINTE", until: allowed.until };

  const where = login.kind === "provisoire" ? { identifiantProvisoire: login.value } : { nirEmpreinte: lookupHash(login.value, keys) };
  const matched = await matchingContact(db, keys, where, parsed.data.contact);
  const sent = await issueRecoveryCode(db, keys, transports, { matched, contact: parsed.data.contact, ip, now });
  if (!sent.ok) return { ok: false, reason: "ENVOI_REFUSE", message: sent.message };
  if (matched) {
    await journal(db, { type: "MOT_DE_PASSE_OUBLIE_DEMANDE", acteur: "systeme", sujetId: matched.personneId, ip, details: { canal: parsed.data.contact.canal } });
  }
  return { ok: true, code: recoveryCodeOf(sent, parsed.data.contact), messageId: sent.messageId };
}

/** The person a recovery code is bound to (null for a code sent nowhere), or undefined when it is not a recovery code. */
async function holderOf(db: Database, codeId: string): Promise<string | null | undefined> {
  const row = await db.codeVerification.findUnique({ where: { id: codeId }, select: { personneId: true, objet: true } });
  return row && row.objet === PASSWORD_RECOVERY_OBJET ? row.personneId : undefined;
}

export type ResendOutcome = { ok: true; code: RecoveryCode; messageId: string | null } | { ok: false; message: string };

/** "Recevoir un nouveau code": the same matching, the same work, whether or not the first step matched. */
export async function resendPasswordRecoveryCode(
  db: Database,
  keys: FieldKeys,
  transports: Transports,
  { recovery: code, ip, now }: { recovery: RecoveryCode; ip: string; now?: Date },
): Promise<ResendOutcome> {
  const holder = await holderOf(db, code.codeId);
  if (holder === undefined) return { ok: false, message: CODE_MESSAGES.introuvable };
  const contact = { canal: code.canal, value: code.cible };
  const matched = await matchingContact(db, keys, { id: holder ?? NOBODY }, contact);
  const sent = await issueRecoveryCode(db, keys, transports, { matched, contact, ip, now });
  if (!sent.ok) return { ok: false, message: sent.message };
  return { ok: true, code: recoveryCodeOf(sent, contact), messageId: sent.messageId };
}

// ── Step 2: the code ──────────────────────────────────────────────────────────────────────────────────────────

export async function checkPasswordRecoveryCode(
  db: Database,
  keys: FieldKeys,
  { recovery, code, now }: { recovery: RecoveryCode; code: string; now?: Date },
): Promise<{ ok: true; codeId: string; personneId: string } | Extract<VerifyResult, { ok: false }>> {
  const holder = await holderOf(db, recovery.codeId);
  if (holder === undefined) return { ok: false, reason: "INTROUVABLE", message: CODE_MESSAGES.introuvable };
  const result = await verifyCode(db, { personneId: holder, objet: PASSWORD_RECOVERY_OBJET, canal: recovery.canal, cible: recovery.cible, code, now }, keys);
  if (!result.ok) return result;
  // A code bound to no one was never sent: it cannot have been typed right, but never let it through.
  if (holder === null) return { ok: false, reason: "INTROUVABLE", message: CODE_MESSAGES.introuvable };
  return { ok: true, codeId: result.codeId, personneId: holder };
}

// ── Step 4: the new password ──────────────────────────────────────────────────────────────────────────────────

export type { NewPasswordField } from "../new-password";

export type ResetOutcome =
  | { ok: false; reason: "SAISIE_INVALIDE"; fieldErrors: Partial<Record<NewPasswordField, string>>; reglesNonRespectees?: string[] }
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
  if (!checked.ok) return { reason: "SAISIE_INVALIDE", ...checked };

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

