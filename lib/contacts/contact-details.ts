// A person's contact details (SPEC §3): an e-mail address and/or a mobile number, encrypted at rest and looked up
// through a keyed hash. A confirmed value belongs to one person only (partial unique index); an unconfirmed one
// blocks nobody, and confirming it takes it from whoever else held it unconfirmed (they are told at their next
// visit). Confirming one goes through the verification engine (a 6-digit code by e-mail, valid 15 minutes, or by
// SMS, valid 10 minutes) and the durable outbox.
// Used by the first-connection wizard; the contact change of the space will use the same functions.
import { z } from "zod";
import { journal } from "../audit/journal";
import { clockNow } from "../clock";
import { decryptField, encryptField, lookupHash, type FieldKeys } from "../crypto/field-encryption";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/open-prisma";
import { isUniqueViolation } from "../db/errors";
import { parseEmail } from "../identity/email";
import { formatMobileForDisplay, parseMobile } from "../identity/mobile";
import { sealDossierContacts } from "../premiere-connexion/bascule-notices";
import type { Transports } from "../messaging/transports";
import type { CanalCode } from "../verification/code-messages";
import { CODE_PURPOSES, sendVerificationCode, type SendCodeResult } from "../verification/send-verification-code";
import { latestCodeStatus, verifyCode, type VerifyResult } from "../verification/verification-engine";

export const CONTACT_CONFIRMATION_OBJET = CODE_PURPOSES.CONFIRMATION_CONTACT.objet;

export type ContactField = "email" | "mobile";
export type ContactType = "EMAIL" | "MOBILE";

export const CONTACT_MESSAGES = {
  auMoinsUn: "Indiquez au moins une adresse électronique ou un numéro de mobile : c'est ainsi que nous pourrons vous joindre.",
  emailPris:
    "Cette adresse électronique est déjà utilisée dans l'espace d'une autre personne. Chaque personne a sa propre adresse : indiquez la vôtre.",
  mobilePris:
    "Ce numéro de mobile est déjà utilisé dans l'espace d'une autre personne. Chaque personne a son propre numéro : indiquez le vôtre.",
  dejaConfirmeeAilleurs:
    "Cette coordonnée vient d'être confirmée dans l'espace d'une autre personne : elle ne peut plus être la vôtre. Modifiez vos coordonnées.",
  coordonneeModifiee:
    "Vos coordonnées ont changé depuis l'envoi de ce code : il ne confirme que la coordonnée à laquelle il a été envoyé. Demandez un nouveau code.",
} as const;

const optionalText = (max: number, tooLong: string) =>
  z
    .string({ error: "Ce champ doit être un texte." })
    .max(max, tooLong)
    .transform((value) => value.trim());

const contactFormSchema = z.object({
  email: optionalText(254, "L'adresse électronique est trop longue (254 caractères au maximum).").optional().default(""),
  mobile: optionalText(32, "Le numéro de mobile est trop long.").optional().default(""),
});

export type ContactValues = { email: string | null; mobile: string | null };
export type ContactValidation = { ok: true; values: ContactValues } | { ok: false; fieldErrors: Partial<Record<ContactField, string>>; message?: string };

/** Checks the form: each field empty or valid (precise message otherwise), and at least one given. */
export function validateContactForm(input: { email: unknown; mobile: unknown }): ContactValidation {
  const parsed = contactFormSchema.safeParse({ email: input.email ?? "", mobile: input.mobile ?? "" });
  if (!parsed.success) {
    const fieldErrors: Partial<Record<ContactField, string>> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as ContactField] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  const { email, mobile } = parsed.data;
  if (!email && !mobile) return { ok: false, message: CONTACT_MESSAGES.auMoinsUn, fieldErrors: { email: CONTACT_MESSAGES.auMoinsUn } };
  const fieldErrors: Partial<Record<ContactField, string>> = {};
  const values: ContactValues = { email: null, mobile: null };
  if (email) {
    const result = parseEmail(email);
    if (result.ok) values.email = result.value;
    else fieldErrors.email = result.error;
  }
  if (mobile) {
    const result = parseMobile(mobile);
    if (result.ok) values.mobile = result.value;
    else fieldErrors.mobile = result.error;
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, values };
}

export type StoredContact = { type: ContactType; value: string; verifiee: boolean };

/** The person's contact details, decrypted. */
export async function readContacts(db: Pick<Database, "coordonnee">, keys: FieldKeys, personneId: string): Promise<Partial<Record<ContactType, StoredContact>>> {
  const rows = await db.coordonnee.findMany({ where: { personneId }, select: { type: true, valeurChiffree: true, verifiee: true } });
  const contacts: Partial<Record<ContactType, StoredContact>> = {};
  for (const row of rows) contacts[row.type] = { type: row.type, value: decryptField(row.valeurChiffree, keys), verifiee: row.verifiee };
  return contacts;
}

/** How a contact detail is shown to its owner: the full mobile number in pairs, or the full address. */
export function displayContact(type: ContactType, value: string): string {
  return type === "MOBILE" ? formatMobileForDisplay(value) : value;
}

export type SaveOutcome = { ok: true; changed: ContactType[] } | { ok: false; fieldErrors: Partial<Record<ContactField, string>>; message?: string };

/**
 * Saves the contact details typed by the person. A value unchanged keeps its confirmation; a new value starts
 * unconfirmed; an emptied field removes that contact detail. Refused, with nothing written, when a value is held
 * by another person (without saying who).
 */
export async function saveContacts(
  db: Database,
  keys: FieldKeys,
  input: { personneId: string; email: unknown; mobile: unknown; ip: string; now?: Date },
): Promise<SaveOutcome> {
  const now = input.now ?? new Date();
  const validation = validateContactForm(input);
  if (!validation.ok) return validation;
  const wanted: [ContactType, ContactField, string | null][] = [
    ["EMAIL", "email", validation.values.email],
    ["MOBILE", "mobile", validation.values.mobile],
  ];

  const fieldErrors: Partial<Record<ContactField, string>> = {};
  for (const [type, field, value] of wanted) {
    if (!value) continue;
    // Only a confirmed value is someone's: a value merely typed by someone else blocks nobody.
    const takenBy = await db.coordonnee.findFirst({
      where: { type, empreinte: lookupHash(value, keys), verifiee: true, personneId: { not: input.personneId } },
      select: { id: true },
    });
    if (takenBy) fieldErrors[field] = type === "EMAIL" ? CONTACT_MESSAGES.emailPris : CONTACT_MESSAGES.mobilePris;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  try {
    const changed = await db.$transaction(async (tx) => {
      const current = await readContacts(tx, keys, input.personneId);
      // Before the first change by an account not yet activated, what the dossier held is kept aside (encrypted):
      // those are the contact details told of the activation, and restored if the Caf resets the account.
      await tx.compte.updateMany({
        where: { personneId: input.personneId, etat: "NON_ACTIVE", coordonneesDossierChiffrees: null },
        data: { coordonneesDossierChiffrees: sealDossierContacts({ EMAIL: current.EMAIL?.value, MOBILE: current.MOBILE?.value }, keys) },
      });
      const changedTypes: ContactType[] = [];
      for (const [type, , value] of wanted) {
        const existing = current[type];
        if (!value) {
          if (existing) {
            await tx.coordonnee.delete({ where: { personneId_type: { personneId: input.personneId, type } } });
            changedTypes.push(type);
          }
          continue;
        }
        if (existing?.value === value) continue;
        const data = { valeurChiffree: encryptField(value, keys), empreinte: lookupHash(value, keys), verifiee: false, verifieeLe: null };
        await tx.coordonnee.upsert({
          where: { personneId_type: { personneId: input.personneId, type } },
          create: { personneId: input.personneId, type, ...data },
          update: data,
        });
        changedTypes.push(type);
      }
      // The person has chosen new contact details: a notice about ones they lost is over.
      await tx.personne.updateMany({ where: { id: input.personneId, NOT: { coordonneesRetirees: { isEmpty: true } } }, data: { coordonneesRetirees: [] } });
      await journal(tx, {
        type: "COORDONNEES_ENREGISTREES",
        acteur: input.personneId,
        sujetId: input.personneId,
        ip: input.ip,
        survenuLe: now,
        details: { email: validation.values.email !== null, mobile: validation.values.mobile !== null, modifiees: changedTypes.join(",") },
      });
      return changedTypes;
    });
    return { ok: true, changed };
  } catch (error) {
    // Confirmed meanwhile by someone else: the partial unique index on confirmed contact details refused it.
    if (isUniqueViolation(error)) {
      return { ok: false, fieldErrors: {}, message: CONTACT_MESSAGES.dejaConfirmeeAilleurs };
    }
    throw error;
  }
}

export const canalOf = (type: ContactType): CanalCode => (type === "MOBILE" ? "SMS" : "EMAIL");
export const typeOf = (canal: CanalCode): ContactType => (canal === "SMS" ? "MOBILE" : "EMAIL");

export type SendCodeOutcome = SendCodeResult | { ok: false; reason: "AUCUNE_COORDONNEE" | "DEJA_CONFIRMEE"; message: string };

/**
 * Sends a confirmation code to one of the person's unconfirmed contact details, through the portal's one code
 * pipeline (caps, engine, outbox, immediate delivery).
 */
export async function sendContactCode(
  db: Database,
  keys: FieldKeys,
  transports: Transports,
  { personneId, canal, ip, now }: { personneId: string; canal: CanalCode; ip: string; now?: Date },
): Promise<SendCodeOutcome> {
  const contact = (await readContacts(db, keys, personneId))[typeOf(canal)];
  if (!contact) return { ok: false, reason: "AUCUNE_COORDONNEE", message: "Aucune coordonnée de ce type n'est enregistrée : indiquez-la d'abord." };
  if (contact.verifiee) return { ok: false, reason: "DEJA_CONFIRMEE", message: "Cette coordonnée est déjà confirmée." };
  return sendVerificationCode(db, keys, transports, { purpose: "CONFIRMATION_CONTACT", personneId, canal, cible: contact.value, ip, now });
}

export type PendingCode = { canal: CanalCode; cibleAffichee: string; expireLe: Date; nouveauxCodesRestants: number };

/** The code waiting for one of the person's contact details, for the code screen (null: none was sent). */
export async function pendingContactCode(db: Database, keys: FieldKeys, { personneId, canal, now }: { personneId: string; canal: CanalCode; now?: Date }): Promise<PendingCode | null> {
  const contact = (await readContacts(db, keys, personneId))[typeOf(canal)];
  if (!contact || contact.verifiee) return null;
  const status = await latestCodeStatus(db, { personneId, objet: CONTACT_CONFIRMATION_OBJET, canal, cible: contact.value, now }, keys);
  if (!status) return null;
  // In full: the person typed it on the step before (a typing mistake must show); it is their own, in their session.
  return { canal, cibleAffichee: displayContact(canal === "SMS" ? "MOBILE" : "EMAIL", contact.value), ...status };
}

export type ConfirmOutcome = VerifyResult | { ok: false; reason: "AUCUNE_COORDONNEE" | "DEJA_CONFIRMEE_AILLEURS" | "COORDONNEE_MODIFIEE"; message: string };

class ConfirmationRefused extends Error {
  constructor(readonly outcome: Extract<ConfirmOutcome, { ok: false }>) {
    super(outcome.reason);
  }
}

/**
 * Checks the typed code; when right, the contact detail is confirmed — only if it still holds the value the code
 * was sent to (one conditional UPDATE) — and taken from anyone else who held it unconfirmed, in one transaction.
 */
export async function confirmContactCode(
  db: Database,
  keys: FieldKeys,
  { personneId, canal, code, ip, now = clockNow() }: { personneId: string; canal: CanalCode; code: string; ip: string; now?: Date },
): Promise<ConfirmOutcome> {
  const type = typeOf(canal);
  const contact = (await readContacts(db, keys, personneId))[type];
  if (!contact) return { ok: false, reason: "AUCUNE_COORDONNEE", message: "Aucune coordonnée de ce type n'est enregistrée : indiquez-la d'abord." };
  const result = await verifyCode(db, { personneId, objet: CONTACT_CONFIRMATION_OBJET, canal, cible: contact.value, code, now }, keys);
  if (!result.ok) return result;
  // The code was bound to this value: the keyed hash of the value it was sent to.
  const empreinte = lookupHash(contact.value, keys);
  try {
    await db.$transaction(async (tx) => {
      // Two people confirming the same value at once are taken one after the other (no deadlock between them).
      const lockKey = `coordonnee:${type}:${empreinte}`;
      await tx.$queryRaw`SELECT 1 AS verrou FROM pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
      const { count } = await tx.coordonnee.updateMany({
        where: { personneId, type, empreinte, verifiee: false },
        data: { verifiee: true, verifieeLe: now },
      });
      if (count === 0) {
        const confirmedElsewhere = await tx.coordonnee.count({ where: { type, empreinte, verifiee: true, personneId: { not: personneId } } });
        throw new ConfirmationRefused(
          confirmedElsewhere > 0
            ? { ok: false, reason: "DEJA_CONFIRMEE_AILLEURS", message: CONTACT_MESSAGES.dejaConfirmeeAilleurs }
            : { ok: false, reason: "COORDONNEE_MODIFIEE", message: CONTACT_MESSAGES.coordonneeModifiee },
        );
      }
      // Whoever else typed this value without confirming it loses it, and is told at their next visit.
      const losers = await withdrawFromUnconfirmedHolders(tx, personneId, type, empreinte);
      await journal(tx, { type: "COORDONNEE_CONFIRMEE", acteur: personneId, sujetId: personneId, ip, survenuLe: now, details: { canal, retireeA: losers.length } });
      for (const loser of losers) {
        await journal(tx, { type: "COORDONNEE_RETIREE_CONFIRMEE_AILLEURS", acteur: personneId, sujetId: loser.id, ip, survenuLe: now, details: { canal } });
      }
    });
  } catch (error) {
    if (error instanceof ConfirmationRefused) return error.outcome;
    if (isUniqueViolation(error)) {
      return { ok: false, reason: "DEJA_CONFIRMEE_AILLEURS", message: CONTACT_MESSAGES.dejaConfirmeeAilleurs };
    }
    throw error;
  }
  return result;
}

/** The notice for a person who lost unconfirmed contact details to someone who confirmed them (null: none). */
export async function lostContactsNotice(db: Pick<Database, "personne">, personneId: string): Promise<string | null> {
  const personne = await db.personne.findUnique({ where: { id: personneId }, select: { coordonneesRetirees: true } });
  const lost = personne?.coordonneesRetirees ?? [];
  if (lost.length === 0) return null;
  if (lost.length === 2) {
    return "L'adresse électronique et le numéro de mobile que vous aviez indiqués sans les confirmer ont été confirmés par une autre personne dans son espace : ils ne figurent plus dans vos coordonnées. Indiquez les vôtres.";
  }
  return lost[0] === "EMAIL"
    ? "L'adresse électronique que vous aviez indiquée sans la confirmer a été confirmée par une autre personne dans son espace : elle ne figure plus dans vos coordonnées. Indiquez la vôtre."
    : "Le numéro de mobile que vous aviez indiqué sans le confirmer a été confirmé par une autre personne dans son espace : il ne figure plus dans vos coordonnées. Indiquez le vôtre.";
}

/** The person has seen the notice. */
export async function clearLostContactsNotice(db: Pick<Database, "personne">, personneId: string): Promise<void> {
  await db.personne.updateMany({ where: { id: personneId, NOT: { coordonneesRetirees: { isEmpty: true } } }, data: { coordonneesRetirees: [] } });
}

/**
 * Whoever else typed this value without confirming it loses it (and is told at their next visit, through
 * `coordonneesRetirees`): one statement, inside the caller's transaction. Returns who lost it, for the journal.
 */
export async function withdrawFromUnconfirmedHolders(tx: Prisma.TransactionClient, personneId: string, type: "EMAIL" | "MOBILE", empreinte: string): Promise<{ id: string }[]> {
  return tx.$queryRaw<{ id: string }[]>`
    WITH retirees AS (
      DELETE FROM "Coordonnee"
      WHERE "type" = ${type}::"TypeCoordonnee" AND "empreinte" = ${empreinte} AND NOT "verifiee" AND "personneId" <> ${personneId}::uuid
      RETURNING "personneId"
    )
    UPDATE "Personne"
    SET "coordonneesRetirees" = array_append(array_remove("coordonneesRetirees", ${type}::"TypeCoordonnee"), ${type}::"TypeCoordonnee")
    WHERE "id" IN (SELECT "personneId" FROM retirees)
    RETURNING "id"`;
}
