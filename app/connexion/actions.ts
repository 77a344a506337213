"use server";
// Login form action. This first version checks what was typed (identifier format, password length) and says
// precisely what is wrong; verifying the credentials and opening a session is the connexion issue's work.
import { loginFormSchema, type LoginFormField } from "@/lib/auth/login-schema";
import { fieldErrorsFrom, type ActionResult } from "@/lib/forms/action-result";

export async function submitLogin(_previous: ActionResult<LoginFormField>, formData: FormData): Promise<ActionResult<LoginFormField>> {
  const raw = { identifiant: formData.get("identifiant"), motDePasse: formData.get("motDePasse") };
  const identifiant = typeof raw.identifiant === "string" ? raw.identifiant.slice(0, 64) : "";
  const parsed = loginFormSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      status: "error",
      message: "Le formulaire contient des erreurs.",
      fieldErrors: fieldErrorsFrom<LoginFormField>(parsed.error.issues),
      values: { identifiant },
    };
  }
  return {
    status: "info",
    message: "La connexion par identifiant et mot de passe n'est pas encore ouverte sur ce portail. Revenez bientôt.",
    values: { identifiant },
  };
}
