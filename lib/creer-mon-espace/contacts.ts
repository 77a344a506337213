// The contact details of "Créer mon espace": at least one, each confirmed now by a 6-digit code, since they are how
// the identifier reaches the person. The codes go through the portal's one pipeline (sendVerificationCode, purpose
// CREATION_ESPACE), bound to no person yet (nobody exists), to the channel and to the value; the per-address cap and
// the engine's limits apply as everywhere.
import { clockNow } from "../clock";
import { CONTACT_MESSAGES } from "../contacts/contact-details";
import { lookupHash, type FieldKeys } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import type { Transports } from "../messaging/transports";
import { CODE_PURPOSES, sendVerificationCode, type SendCodeResult } from "../verification/send-verification-code";
import { verifyCode, type VerifyResult } from "../verification/verification-engine";
import type { Brouillon } from "./draft";

export type Canal = "EMAIL" | "SMS";

/** The contact details typed now; a value already confirmed in this draft stays confirmed if it is unchanged. */
export function withContacts(brouillon: Brouillon, values: { email: string | null; mobile: string | null }): Brouillon {
  const previous = brouillon.coordonnees ?? {};
  const keep = (old: { valeur: string; confirmee: boolean } | undefined, valeur: string | null) =>
    valeur === null ? undefined : { valeur, confirmee: old?.valeur === valeur && old.confirmee };
  return { ...brouillon, coordonnees: { email: keep(previous.email, values.email), mobile: keep(previous.mobile, values.mobile) } };
}

/** A value confirmed in someone's space cannot be another person's (said without saying whose). */
export async function contactsTakenElsewhere(
  db: Pick<Database, "coordonnee">,
  keys: FieldKeys,
  values: { email: string | null; mobile: string | null },
): Promise<Partial<Record<"email" | "mobile", string>>> {
  const errors: Partial<Record<"email" | "mobile", string>> = {};
  if (values.email && (await db.coordonnee.count({ where: { type: "EMAIL", empreinte: lookupHash(values.email, keys), verifiee: true } })) > 0) {
    errors.email = CONTACT_MESSAGES.emailPris;
  }
  if (values.mobile && (await db.coordonnee.count({ where: { type: "MOBILE", empreinte: lookupHash(values.mobile, keys), verifiee: true } })) > 0) {
    errors.mobile = CONTACT_MESSAGES.mobilePris;
  }
  return errors;
}

function target(brouillon: Brouillon, canal: Canal) {
  return canal === "EMAIL" ? brouillon.coordonnees?.email : brouillon.coordonnees?.mobile;
}

export async function sendDraftCode(
  db: Database,
  keys: FieldKeys,
  transports: Transports | null,
  { brouillon, canal, ip, now = clockNow() }: { brouillon: Brouillon; canal: Canal; ip: string; now?: Date },
): Promise<SendCodeResult | null> {
  const contact = target(brouillon, canal);
  if (!contact || contact.confirmee) return null;
  return sendVerificationCode(db, keys, transports, { purpose: "CREATION_ESPACE", personneId: null, canal, cible: contact.valeur, ip, now });
}

/** Checks the code typed for one channel; when right, the draft's value is marked confirmed (the caller saves it). */
export async function confirmDraftCode(
  db: Database,
  keys: FieldKeys,
  { brouillon, canal, code, now = clockNow() }: { brouillon: Brouillon; canal: Canal; code: string; now?: Date },
): Promise<{ result: VerifyResult; brouillon: Brouillon }> {
  const contact = target(brouillon, canal);
  if (!contact) return { result: { ok: false, reason: "MAL_FORME", message: CONTACT_MESSAGES.auMoinsUn } as VerifyResult, brouillon };
  const result = await verifyCode(db, { personneId: null, objet: CODE_PURPOSES.CREATION_ESPACE.objet, canal, cible: contact.valeur, code, now }, keys);
  if (!result.ok) return { result, brouillon };
  const confirmed = { valeur: contact.valeur, confirmee: true };
  const coordonnees = { ...brouillon.coordonnees, ...(canal === "EMAIL" ? { email: confirmed } : { mobile: confirmed }) };
  return { result, brouillon: { ...brouillon, coordonnees } };
}
