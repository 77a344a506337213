// The contact detail a person types to prove who they are in both recoveries: an e-mail address (it has an @) or a
// French mobile number, compared with their confirmed contact details through the keyed hash, never decrypted to
// compare.
import { z } from "zod";
import { lookupHash, type FieldKeys } from "../../crypto/field-encryption";
import { parseEmail } from "../../identity/email";
import { parseMobile } from "../../identity/mobile";
import type { CanalCode } from "../../verification/code-messages";

export type RecoveryContact = { canal: CanalCode; value: string };

export const RECOVERY_CONTACT_MESSAGES = {
  obligatoire: "Saisissez l'adresse électronique ou le numéro de mobile confirmé dans votre espace.",
} as const;

const CONTACT_MAX_LENGTH = 300;

/** An e-mail address (it has an @) or a French mobile number. */
export function parseRecoveryContact(input: string): { ok: true; value: RecoveryContact } | { ok: false; error: string } {
  if (input.trim().length === 0) return { ok: false, error: RECOVERY_CONTACT_MESSAGES.obligatoire };
  if (input.includes("@")) {
    const email = parseEmail(input);
    return email.ok ? { ok: true, value: { canal: "EMAIL", value: email.value } } : email;
  }
  const mobile = parseMobile(input);
  return mobile.ok ? { ok: true, value: { canal: "SMS", value: mobile.value } } : mobile;
}

/** The zod field for a form: a string, parsed into a channel and a normalised value, or a precise French error. */
export const recoveryContactField = z.string({ error: RECOVERY_CONTACT_MESSAGES.obligatoire }).transform((input, ctx) => {
  const parsed = parseRecoveryContact(input.slice(0, CONTACT_MAX_LENGTH));
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: parsed.error });
  return z.NEVER;
});

/** The keyed hashes under which a contact detail may have been stored (addresses are kept in lower case). */
export function contactFingerprints(contact: RecoveryContact, keys: FieldKeys): string[] {
  const forms = contact.canal === "EMAIL" ? [contact.value, contact.value.toLowerCase()] : [contact.value];
  return [...new Set(forms)].map((form) => lookupHash(form, keys));
}

export const contactTypeOf = (canal: CanalCode) => (canal === "SMS" ? ("MOBILE" as const) : ("EMAIL" as const));
