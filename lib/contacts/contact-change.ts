// "Mes coordonnées": a person changes or removes their own e-mail address or mobile number (docs/regles/coordonnees.md).
//
// A new value is kept aside (CoordonneeEnAttente, encrypted) and counts for nothing until the 6-digit code sent to it
// through the portal's one code pipeline is typed: until then the confirmed value stays in force for everything
// (login double authentification, recovery, notices — they only read Coordonnee). On confirmation, in one
// transaction: the pending row is consumed (one conditional DELETE: it still holds the value the code went to), the
// new value replaces the old one as confirmed (a confirmed value belongs to one person only: advisory lock + partial
// unique index, as in contact-details.ts), the former confirmed value is told of the change through the outbox, and
// the change is journaled (the kind of contact detail, never its value).
import "server-only";
import { z } from "zod";
import { assertCanOnSelf, type SelfGrant } from "../access/self-grant";
import { journalOwnDataAction } from "../access/journal-demarche";
import { journal } from "../audit/journal";
import { clockNow } from "../clock";
import { decryptField, encryptField, lookupHash, type FieldKeys } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { isUniqueViolation } from "../db/errors";
import { parseEmail } from "../identity/email";
import { parseMobile } from "../identity/mobile";
import { deliverNotices, queueNoticeTo } from "../messaging/notify-confirmed-contacts";
import { contactChanged, contactRemoved } from "../messaging/templates-coordonnees";
import type { Transports } from "../messaging/transports";
import { sendVerificationCode, type SendCodeResult } from "../verification/send-verification-code";
import { latestCodeStatus, verifyCode, type VerifyResult } from "../verification/verification-engine";
import { CONTACT_CONFIRMATION_OBJET, CONTACT_MESSAGES, canalOf, displayContact, withdrawFromUnconfirmedHolders, type ContactField, type ContactType } from "./contact-details";

export const CONTACT_CHANGE_MESSAGES = {
  typeInconnu: "La coordonnée à modifier n'a pas été reconnue.",
  emailObligatoire: "Indiquez la nouvelle adresse électronique.",
  mobileObligatoire: "Indiquez le nouveau numéro de mobile.",
  emailTropLong: "L'adresse électronique est trop longue (254 caractères au maximum).",
  mobileTropLong: "Le numéro de mobile est trop long.",
  emailDejaLaVotre: "C'est déjà votre adresse électronique confirmée : pour la changer, indiquez une autre adresse.",
  mobileDejaLeVotre: "C'est déjà votre numéro de mobile confirmé : pour le changer, indiquez un autre numéro.",
  aucunChangement: "Aucun changement n'est en attente pour cette coordonnée : indiquez d'abord la nouvelle valeur.",
  changementRemplace:
    "Ce code ne correspond plus à la coordonnée en attente (elle a été modifiée ou annulée entre-temps). Demandez un nouveau code.",
  derniereConfirmee:
    "Vous ne pouvez pas retirer cette coordonnée : c'est la seule coordonnée confirmée de votre espace, celle qui reçoit vos codes de connexion et nos messages. Confirmez d'abord une autre adresse électronique ou un autre numéro de mobile, ou remplacez-la.",
  rienARetirer: "Cette coordonnée ne figure pas dans votre espace.",
} as const;

const FIELD: Record<ContactType, ContactField> = { EMAIL: "email", MOBILE: "mobile" };

export type ContactLine = {
  type: ContactType;
  /** The value in force (confirmed or not), shown in full to its owner. */
  actuelle: { affichee: string; verifiee: boolean } | null;
  /** A new value waiting for its code. */
  enAttente: { affichee: string; demandeeLe: Date } | null;
};

/** The person's own contact details and pending changes, for "Mes coordonnées". */
export async function readOwnContacts(db: Pick<Database, "coordonnee" | "coordonneeEnAttente">, keys: FieldKeys, grant: SelfGrant): Promise<Record<ContactType, ContactLine>> {
  assertCanOnSelf(grant, "VOIR_SES_DONNEES");
  const [current, pending] = await Promise.all([
    db.coordonnee.findMany({ where: { personneId: grant.sujetId }, select: { type: true, valeurChiffree: true, verifiee: true } }),
    db.coordonneeEnAttente.findMany({ where: { personneId: grant.sujetId }, select: { type: true, valeurChiffree: true, demandeeLe: true } }),
  ]);
  const lines: Record<ContactType, ContactLine> = { EMAIL: { type: "EMAIL", actuelle: null, enAttente: null }, MOBILE: { type: "MOBILE", actuelle: null, enAttente: null } };
  for (const row of current) lines[row.type].actuelle = { affichee: displayContact(row.type, decryptField(row.valeurChiffree, keys)), verifiee: row.verifiee };
  for (const row of pending) lines[row.type].enAttente = { affichee: displayContact(row.type, decryptField(row.valeurChiffree, keys)), demandeeLe: row.demandeeLe };
  return lines;
}

const typeSchema = z.enum(["EMAIL", "MOBILE"], { error: CONTACT_CHANGE_MESSAGES.typeInconnu });

const valueSchemas: Record<ContactType, z.ZodType<string>> = {
  EMAIL: z
    .string({ error: CONTACT_CHANGE_MESSAGES.emailObligatoire })
    .max(254, CONTACT_CHANGE_MESSAGES.emailTropLong)
    .transform((v) => v.trim())
    .pipe(z.string().min(1, CONTACT_CHANGE_MESSAGES.emailObligatoire)),
  MOBILE: z
    .string({ error: CONTACT_CHANGE_MESSAGES.mobileObligatoire })
    .max(40, CONTACT_CHANGE_MESSAGES.mobileTropLong)
    .transform((v) => v.trim())
    .pipe(z.string().min(1, CONTACT_CHANGE_MESSAGES.mobileObligatoire)),
};

/** Which contact detail a form is about ("EMAIL" / "MOBILE"), or the message when it is not one of them. */
export function parseContactType(input: unknown): { ok: true; type: ContactType } | { ok: false; message: string } {
  const parsed = typeSchema.safeParse(input);
  return parsed.success ? { ok: true, type: parsed.data } : { ok: false, message: CONTACT_CHANGE_MESSAGES.typeInconnu };
}

export type ChangeValidation = { ok: true; type: ContactType; value: string } | { ok: false; field?: ContactField; message: string };

/** The form of a change: which contact detail, and the new value, valid and normalised (precise French messages). */
export function validateContactChange(input: { type: unknown; value: unknown }): ChangeValidation {
  const type = parseContactType(input.type);
  if (!type.ok) return type;
  const field = FIELD[type.type];
  const raw = valueSchemas[type.type].safeParse(input.value ?? "");
  if (!raw.success) return { ok: false, field, message: raw.error.issues[0]!.message };
  const parsed = type.type === "EMAIL" ? parseEmail(raw.data) : parseMobile(raw.data);
  return parsed.ok ? { ok: true, type: type.type, value: parsed.value } : { ok: false, field, message: parsed.error };
}

export type ChangeRequestOutcome =
  | { ok: true; type: ContactType; envoi: Extract<SendCodeResult, { ok: true }> | Extract<SendCodeResult, { ok: false }> }
  | { ok: false; field?: ContactField; message: string };

/**
 * Records the new value as pending (replacing an earlier pending one) and sends it a confirmation code. Nothing in
 * force changes. Refused, with nothing written, when the value is invalid, is already the person's confirmed value, or
 * is confirmed in someone else's space.
 */
export async function requestContactChange(
  db: Database,
  keys: FieldKeys,
  transports: Transports | null,
  grant: SelfGrant,
  input: { type: unknown; value: unknown; ip: string; now?: Date },
): Promise<ChangeRequestOutcome> {
  assertCanOnSelf(grant, "MODIFIER_SES_COORDONNEES");
  const now = input.now ?? clockNow();
  const valid = validateContactChange(input);
  if (!valid.ok) return valid;
  const { type, value } = valid;
  const field = FIELD[type];
  const empreinte = lookupHash(value, keys);
  const personneId = grant.sujetId;

  const mine = await db.coordonnee.findFirst({ where: { personneId, type, empreinte, verifiee: true }, select: { id: true } });
  if (mine) return { ok: false, field, message: type === "EMAIL" ? CONTACT_CHANGE_MESSAGES.emailDejaLaVotre : CONTACT_CHANGE_MESSAGES.mobileDejaLeVotre };
  const takenBy = await db.coordonnee.findFirst({ where: { type, empreinte, verifiee: true, personneId: { not: personneId } }, select: { id: true } });
  if (takenBy) return { ok: false, field, message: type === "EMAIL" ? CONTACT_MESSAGES.emailPris : CONTACT_MESSAGES.mobilePris };

  await db.$transaction(async (tx) => {
    const data = { valeurChiffree: encryptField(value, keys), empreinte, demandeeLe: now };
    // The same value asked for again keeps its row (and its codes); another value replaces the pending one.
    await tx.coordonneeEnAttente.deleteMany({ where: { personneId, type, NOT: { empreinte } } });
    await tx.coordonneeEnAttente.upsert({ where: { personneId_type: { personneId, type } }, create: { personneId, type, ...data }, update: {} });
    await journalOwnDataAction(tx, grant, { type: "COORDONNEE_CHANGEMENT_DEMANDE", ip: input.ip, survenuLe: now, details: { coordonnee: type } });
  });
  const envoi = await sendVerificationCode(db, keys, transports, { purpose: "CONFIRMATION_CONTACT", personneId, canal: canalOf(type), cible: value, ip: input.ip, now });
  return { ok: true, type, envoi };
}

async function pendingValue(db: Pick<Database, "coordonneeEnAttente">, keys: FieldKeys, personneId: string, type: ContactType): Promise<string | null> {
  const row = await db.coordonneeEnAttente.findUnique({ where: { personneId_type: { personneId, type } }, select: { valeurChiffree: true } });
  return row ? decryptField(row.valeurChiffree, keys) : null;
}

/** "Recevoir un nouveau code": another code to the pending value (the pipeline's limits apply). */
export async function resendContactChangeCode(
  db: Database,
  keys: FieldKeys,
  transports: Transports | null,
  grant: SelfGrant,
  { type, ip, now = clockNow() }: { type: ContactType; ip: string; now?: Date },
): Promise<SendCodeResult | { ok: false; reason: "AUCUN_CHANGEMENT"; message: string }> {
  assertCanOnSelf(grant, "MODIFIER_SES_COORDONNEES");
  const value = await pendingValue(db, keys, grant.sujetId, type);
  if (!value) return { ok: false, reason: "AUCUN_CHANGEMENT", message: CONTACT_CHANGE_MESSAGES.aucunChangement };
  return sendVerificationCode(db, keys, transports, { purpose: "CONFIRMATION_CONTACT", personneId: grant.sujetId, canal: canalOf(type), cible: value, ip, now });
}

export type PendingChangeCode = { type: ContactType; cibleAffichee: string; expireLe: Date; nouveauxCodesRestants: number };

/** The code waiting for a pending change, for the code screen (null: no change pending, or no code sent yet). */
export async function pendingChangeCode(db: Database, keys: FieldKeys, grant: SelfGrant, { type, now = clockNow() }: { type: ContactType; now?: Date }): Promise<PendingChangeCode | null> {
  assertCanOnSelf(grant, "MODIFIER_SES_COORDONNEES");
  const value = await pendingValue(db, keys, grant.sujetId, type);
  if (!value) return null;
  const status = await latestCodeStatus(db, { personneId: grant.sujetId, objet: CONTACT_CONFIRMATION_OBJET, canal: canalOf(type), cible: value, now }, keys);
  if (!status) return null;
  // In full: the person has just typed this new value (a typing mistake must show); it is their own, in their session.
  return { type, cibleAffichee: displayContact(type, value), ...status };
}

export type ConfirmChangeOutcome =
  | { ok: true; type: ContactType; ancienneAvertie: boolean }
  | Extract<VerifyResult, { ok: false }>
  | { ok: false; reason: "AUCUN_CHANGEMENT" | "DEJA_CONFIRMEE_AILLEURS" | "COORDONNEE_MODIFIEE"; message: string };

class Refused extends Error {
  constructor(readonly outcome: Extract<ConfirmChangeOutcome, { ok: false }>) {
    super(outcome.reason);
  }
}

/** Checks the typed code; when right, the pending value becomes the person's confirmed one (see the file comment). */
export async function confirmContactChange(
  db: Database,
  keys: FieldKeys,
  transports: Transports | null,
  grant: SelfGrant,
  { type, code, ip, now = clockNow() }: { type: ContactType; code: string; ip: string; now?: Date },
): Promise<ConfirmChangeOutcome> {
  assertCanOnSelf(grant, "MODIFIER_SES_COORDONNEES");
  const personneId = grant.sujetId;
  const value = await pendingValue(db, keys, personneId, type);
  if (!value) return { ok: false, reason: "AUCUN_CHANGEMENT", message: CONTACT_CHANGE_MESSAGES.aucunChangement };
  const canal = canalOf(type);
  const verified = await verifyCode(db, { personneId, objet: CONTACT_CONFIRMATION_OBJET, canal, cible: value, code, now }, keys);
  if (!verified.ok) return verified;
  const empreinte = lookupHash(value, keys);

  let notices: string[] = [];
  try {
    notices = await db.$transaction(async (tx) => {
      // Same lock as the first-connection confirmation: two people confirming one value are taken one after the other.
      const lockKey = `coordonnee:${type}:${empreinte}`;
      await tx.$queryRaw`SELECT 1 AS verrou FROM pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
      // Use once: the pending row still holds the value the code was sent to, and only one confirmation consumes it.
      const { count } = await tx.coordonneeEnAttente.deleteMany({ where: { personneId, type, empreinte } });
      if (count === 0) throw new Refused({ ok: false, reason: "COORDONNEE_MODIFIEE", message: CONTACT_CHANGE_MESSAGES.changementRemplace });
      const elsewhere = await tx.coordonnee.count({ where: { type, empreinte, verifiee: true, personneId: { not: personneId } } });
      if (elsewhere > 0) throw new Refused({ ok: false, reason: "DEJA_CONFIRMEE_AILLEURS", message: CONTACT_MESSAGES.dejaConfirmeeAilleurs });

      const old = await tx.coordonnee.findUnique({ where: { personneId_type: { personneId, type } }, select: { valeurChiffree: true, verifiee: true, empreinte: true } });
      const data = { valeurChiffree: encryptField(value, keys), empreinte, verifiee: true, verifieeLe: now };
      await tx.coordonnee.upsert({ where: { personneId_type: { personneId, type } }, create: { personneId, type, ...data }, update: data });
      // Whoever else typed this value without confirming it loses it, and is told at their next visit (as in the wizard).
      const losers = await withdrawFromUnconfirmedHolders(tx, personneId, type, empreinte);
      for (const loser of losers) {
        await journal(tx, { type: "COORDONNEE_RETIREE_CONFIRMEE_AILLEURS", acteur: personneId, sujetId: loser.id, ip, survenuLe: now, details: { canal } });
      }
      await journalOwnDataAction(tx, grant, { type: "COORDONNEE_MODIFIEE", ip, survenuLe: now, details: { coordonnee: type } });
      // The former confirmed value is told, where the person (or whoever holds it) can still read it.
      if (old?.verifiee && old.empreinte !== empreinte) {
        return [await queueNoticeTo(tx, keys, canal, decryptField(old.valeurChiffree, keys), contactChanged({ type, date: now }), now)];
      }
      return [];
    });
  } catch (error) {
    if (error instanceof Refused) {
      // A value confirmed by someone else can never be this person's: the pending change is over.
      if (error.outcome.reason === "DEJA_CONFIRMEE_AILLEURS") await db.coordonneeEnAttente.deleteMany({ where: { personneId, type, empreinte } });
      return error.outcome;
    }
    if (isUniqueViolation(error)) {
      await db.coordonneeEnAttente.deleteMany({ where: { personneId, type, empreinte } });
      return { ok: false, reason: "DEJA_CONFIRMEE_AILLEURS", message: CONTACT_MESSAGES.dejaConfirmeeAilleurs };
    }
    throw error;
  }
  await deliverNotices(db, keys, transports, notices);
  return { ok: true, type, ancienneAvertie: notices.length > 0 };
}

/** "Annuler ce changement": the pending value is dropped (its codes can no longer confirm anything). */
export async function cancelContactChange(db: Pick<Database, "coordonneeEnAttente">, grant: SelfGrant, { type }: { type: ContactType }): Promise<boolean> {
  assertCanOnSelf(grant, "MODIFIER_SES_COORDONNEES");
  const { count } = await db.coordonneeEnAttente.deleteMany({ where: { personneId: grant.sujetId, type } });
  return count > 0;
}

export type RemoveOutcome = { ok: true; ancienneAvertie: boolean } | { ok: false; reason: "DERNIERE_CONFIRMEE" | "RIEN_A_RETIRER"; message: string };

/**
 * Removes one of the person's contact details (and any pending change of it). A confirmed one may go only while the
 * other one is confirmed too: the person always keeps a confirmed way to receive codes and notices. An unconfirmed
 * one may always go. The person's row is locked first, so that two removals at once cannot leave none.
 */
export async function removeContact(
  db: Database,
  keys: FieldKeys,
  transports: Transports | null,
  grant: SelfGrant,
  { type, ip, now = clockNow() }: { type: ContactType; ip: string; now?: Date },
): Promise<RemoveOutcome> {
  assertCanOnSelf(grant, "MODIFIER_SES_COORDONNEES");
  const personneId = grant.sujetId;
  const outcome = await db.$transaction(async (tx): Promise<RemoveOutcome & { notices?: string[] }> => {
    await tx.$queryRaw`SELECT 1 AS verrou FROM "Personne" WHERE "id" = ${personneId}::uuid FOR UPDATE`;
    const removed = await tx.$queryRaw<{ valeurChiffree: string; verifiee: boolean }[]>`
      DELETE FROM "Coordonnee" c
      WHERE c."personneId" = ${personneId}::uuid AND c."type" = ${type}::"TypeCoordonnee"
        AND (NOT c."verifiee" OR EXISTS (
          SELECT 1 FROM "Coordonnee" autre
          WHERE autre."personneId" = ${personneId}::uuid AND autre."type" <> ${type}::"TypeCoordonnee" AND autre."verifiee"))
      RETURNING c."valeurChiffree", c."verifiee"`;
    const row = removed[0];
    if (!row) {
      const exists = await tx.coordonnee.count({ where: { personneId, type } });
      return exists > 0
        ? { ok: false, reason: "DERNIERE_CONFIRMEE", message: CONTACT_CHANGE_MESSAGES.derniereConfirmee }
        : { ok: false, reason: "RIEN_A_RETIRER", message: CONTACT_CHANGE_MESSAGES.rienARetirer };
    }
    await tx.coordonneeEnAttente.deleteMany({ where: { personneId, type } });
    await journalOwnDataAction(tx, grant, { type: "COORDONNEE_SUPPRIMEE", ip, survenuLe: now, details: { coordonnee: type } });
    const notices = row.verifiee ? [await queueNoticeTo(tx, keys, canalOf(type), decryptField(row.valeurChiffree, keys), contactRemoved({ type, date: now }), now)] : [];
    return { ok: true, ancienneAvertie: notices.length > 0, notices };
  });
  if (!outcome.ok) return outcome;
  await deliverNotices(db, keys, transports, outcome.notices ?? []);
  return { ok: true, ancienneAvertie: outcome.ancienneAvertie };
}
