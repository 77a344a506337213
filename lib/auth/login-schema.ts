// What the login form accepts, checked before anything else happens (and before any password hashing).
import { z } from "zod";
import { loginIdentifierSchema } from "../identity/schemas";
import { codeInputSchema } from "../verification/code-schema";

/** Longest password accepted at login: anything longer is refused at once, never hashed. */
export const LOGIN_PASSWORD_MAX_LENGTH = 128;

export const loginFormSchema = z.object({
  identifiant: loginIdentifierSchema,
  motDePasse: z
    .string({ error: "Saisissez votre mot de passe." })
    .min(1, "Saisissez votre mot de passe.")
    .max(LOGIN_PASSWORD_MAX_LENGTH, `Le mot de passe saisi est trop long : il ne peut pas dépasser ${LOGIN_PASSWORD_MAX_LENGTH} caractères.`),
  /** Only once the account requires a code before its password is checked (lib/auth/protected-login-code.ts). */
  code: codeInputSchema.optional(),
});

export type LoginFormField = keyof z.input<typeof loginFormSchema>;
