"use client";
// Works without JavaScript (a plain form post to the server action); with it, errors appear in place and the
// focus moves to the error summary.
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { CodeInput } from "@/components/verification/code-input";
import { submitLogin } from "../actions";
import type { ActionResult } from "@/lib/forms/action-result";
import type { LoginFormField } from "@/lib/auth/login-schema";

const initial: ActionResult<LoginFormField> = { status: "idle" };

export function LoginForm({ retour }: { retour?: string }) {
  const [state, action, pending] = useActionState(submitLogin, initial);
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} method="post" noValidate aria-describedby={state.message ? "connexion-message" : undefined}>
      <FormMessage id="connexion-message" state={state} />
      {retour && <input type="hidden" name="retour" value={retour} />}
      <Input
        label="Identifiant"
        hintText="Votre numéro de sécurité sociale (13 chiffres et la clé) ou votre identifiant provisoire (P suivi de 8 chiffres)"
        state={errors.identifiant ? "error" : "default"}
        stateRelatedMessage={errors.identifiant}
        nativeInputProps={{
          id: "identifiant",
          name: "identifiant",
          autoComplete: "username",
          spellCheck: false,
          maxLength: 64,
          defaultValue: state.values?.identifiant ?? "",
          required: true,
          "aria-invalid": errors.identifiant ? true : undefined,
        }}
      />
      <Input
        label="Mot de passe"
        hintText="Votre mot de passe personnel, ou, pour une première connexion, le mot de passe à 8 chiffres de votre dossier"
        state={errors.motDePasse ? "error" : "default"}
        stateRelatedMessage={errors.motDePasse}
        nativeInputProps={{
          id: "motDePasse",
          name: "motDePasse",
          type: "password",
          autoComplete: "current-password",
          required: true,
          "aria-invalid": errors.motDePasse ? true : undefined,
        }}
      />
      {/* A protected account: the action asks for the code sent to a confirmed contact (an empty "code" value). */}
      {state.values?.code !== undefined && <CodeInput error={errors.code} />}
      <button className="fr-btn" type="submit" disabled={pending}>
        Se connecter
      </button>
    </form>
  );
}
