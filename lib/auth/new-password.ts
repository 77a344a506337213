// A new password typed twice, checked against the policy (rules, common passwords, the person's own names, birth
// date and NIR). Shared by password recovery and the first-connection wizard.
import { z } from "zod";
import { decryptField, type FieldKeys } from "../crypto/field-encryption";
import { fieldErrorsFrom } from "../forms/action-result";
import { checkPassword, type PasswordCheck } from "./password-policy";

export type NewPasswordField = "nouveauMotDePasse" | "confirmation";

/** Longest input read at all: anything longer is refused before any rule or hashing runs. */
const PASSWORD_INPUT_MAX_LENGTH = 128;

const newPasswordSchema = z
  .object({
    nouveauMotDePasse: z
      .string({ error: "Saisissez votre nouveau mot de passe." })
      .min(1, "Saisissez votre nouveau mot de passe.")
      .max(PASSWORD_INPUT_MAX_LENGTH, "Le mot de passe saisi est trop long : 24 caractères au plus."),
    confirmation: z.string({ error: "Saisissez une deuxième fois votre nouveau mot de passe." }).min(1, "Saisissez une deuxième fois votre nouveau mot de passe."),
  })
  .refine((v) => v.nouveauMotDePasse === v.confirmation, {
    path: ["confirmation"],
    message: "Les deux mots de passe saisis ne sont pas identiques : saisissez deux fois le même mot de passe.",
  });

export type PasswordOwner = { nomNaissance: string; nomUsage: string | null; prenoms: string[]; dateNaissance: Date; nirChiffre: string | null };

export type NewPasswordCheck = { ok: true; motDePasse: string } | { ok: false; fieldErrors: Partial<Record<NewPasswordField, string>> };

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

export function validateNewPassword(input: { nouveauMotDePasse: unknown; confirmation: unknown }, owner: PasswordOwner, keys: FieldKeys): NewPasswordCheck {
  const parsed = newPasswordSchema.safeParse({ nouveauMotDePasse: input.nouveauMotDePasse, confirmation: input.confirmation });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom<NewPasswordField>(parsed.error.issues) };
  const rules = checkOwnerPassword(parsed.data.nouveauMotDePasse, owner, keys);
  if (!rules.ok) return { ok: false, fieldErrors: { nouveauMotDePasse: rules.errors.join(" ") } };
  return { ok: true, motDePasse: parsed.data.nouveauMotDePasse };
}
