// A new password typed twice, checked against the policy (rules, common passwords, the person's own names, birth
// date and NIR). Shared by password recovery and the first-connection wizard.
import { z } from "zod";
import { decryptField, type FieldKeys } from "../crypto/field-encryption";
import { checkPassword, type PasswordCheck } from "./password-policy";

export type NewPasswordField = "nouveauMotDePasse" | "confirmation";

/** Longest input read at all: anything longer is refused before any rule or hashing runs. */
const PASSWORD_INPUT_MAX_LENGTH = 128;

const fieldSchemas = {
  nouveauMotDePasse: z
    .string({ error: "Saisissez votre nouveau mot de passe." })
    .min(1, "Saisissez votre nouveau mot de passe.")
    .max(PASSWORD_INPUT_MAX_LENGTH, "Le mot de passe saisi est trop long : 24 caractères au plus."),
  confirmation: z
    .string({ error: "Saisissez une deuxième fois votre nouveau mot de passe." })
    .min(1, "Saisissez une deuxième fois votre nouveau mot de passe.")
    .max(PASSWORD_INPUT_MAX_LENGTH, "Le mot de passe saisi est trop long : 24 caractères au plus."),
} satisfies Record<NewPasswordField, z.ZodType<string>>;

const CONFIRMATION_DIFFERENTE = "Les deux mots de passe saisis ne sont pas identiques : saisissez deux fois le même mot de passe.";

/**
 * The policy's answer as a form shows it: one sentence when the password breaks one rule; when it breaks several,
 * a short sentence for the field (and the error summary) and every rule's own sentence in `reglesNonRespectees`,
 * shown as a list under the field.
 */
export type PasswordRuleErrors = { message: string; reglesNonRespectees?: string[] };

export function passwordRuleErrors(errors: readonly string[]): PasswordRuleErrors {
  if (errors.length <= 1) return { message: errors[0] ?? "" };
  return { message: `Ce mot de passe ne respecte pas ${errors.length} règles, détaillées sous le champ.`, reglesNonRespectees: [...errors] };
}

export type PasswordOwner = { nomNaissance: string; nomUsage: string | null; prenoms: string[]; dateNaissance: Date; nirChiffre: string | null };

export type NewPasswordCheck =
  | { ok: true; motDePasse: string }
  | { ok: false; fieldErrors: Partial<Record<NewPasswordField, string>>; reglesNonRespectees?: string[] };

/** The policy applied to the password of this person: the rules, common passwords, their names, birth date and NIR. */
export function checkOwnerPassword(password: string, owner: PasswordOwner, keys: FieldKeys): PasswordCheck {
  return checkPassword(password, {
    nomNaissance: owner.nomNaissance,
    nomUsage: owner.nomUsage ?? undefined,
    prenoms: owner.prenoms,
    dateNaissance: owner.dateNaissance,
    nir: owner.nirChiffre ? decryptField(owner.nirChiffre, keys) : undefined,
  });
}

/** Both fields are checked in one go, so that one answer lists every problem (the rules and the confirmation). */
export function validateNewPassword(input: { nouveauMotDePasse: unknown; confirmation: unknown }, owner: PasswordOwner, keys: FieldKeys): NewPasswordCheck {
  const fieldErrors: Partial<Record<NewPasswordField, string>> = {};
  const password = fieldSchemas.nouveauMotDePasse.safeParse(input.nouveauMotDePasse);
  const confirmation = fieldSchemas.confirmation.safeParse(input.confirmation);
  if (!password.success) fieldErrors.nouveauMotDePasse = password.error.issues[0]!.message;
  if (!confirmation.success) fieldErrors.confirmation = confirmation.error.issues[0]!.message;
  let reglesNonRespectees: string[] | undefined;
  if (password.success) {
    const rules = checkOwnerPassword(password.data, owner, keys);
    if (!rules.ok) {
      const shown = passwordRuleErrors(rules.errors);
      fieldErrors.nouveauMotDePasse = shown.message;
      reglesNonRespectees = shown.reglesNonRespectees;
    }
    if (confirmation.success && confirmation.data !== password.data) fieldErrors.confirmation = CONFIRMATION_DIFFERENTE;
  }
  if (password.success && Object.keys(fieldErrors).length === 0) return { ok: true, motDePasse: password.data };
  return { ok: false, fieldErrors, ...(reglesNonRespectees ? { reglesNonRespectees } : {}) };
}
