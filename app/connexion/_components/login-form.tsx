"use client";
// Works without JavaScript (a plain form post to the server action); with it, errors appear in place and the
// focus moves to the error summary.
import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { CodeInput } from "@/components/verification/code-input";
import { PasswordInput } from "@/components/password/password-input";
import { SignInCodeHelp } from "@/components/verification/sign-in-code-help";
import { submitLogin } from "../actions";
import type { LoginActionResult } from "@/lib/auth/login-messages";

const initial: LoginActionResult = { status: "idle" };

export function LoginForm({ retour }: { retour?: string }) {
  const [state, action, pending] = useActionState(submitLogin, initial);
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} method="post" noValidate aria-describedby={state.message ? "connexion-message" : undefined}>
      <FormMessage id="connexion-message" state={state} />
      {state.motDePasseOublie && (
        <p className="fr-mb-3w">
          <Link className="fr-link" href="/mot-de-passe-oublie">
            Mot de passe oublié : en choisir un nouveau
          </Link>
        </p>
      )}
      {retour && <input type="hidden" name="retour" value={retour} />}
      <Input
        label="Identifiant"
        hintText="Votre numéro de sécurité sociale (13 chiffres et une clé de 2 chiffres), inscrit sur votre carte Vitale et sur votre attestation de droits à l'assurance maladie (espaces, points ou tirets acceptés). Ou votre identifiant provisoire : P suivi de 8 chiffres."
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
      <PasswordInput
        id="motDePasse"
        label="Mot de passe"
        hintText="Votre mot de passe personnel, ou, pour une première connexion, le mot de passe à 8 chiffres de votre dossier"
        error={errors.motDePasse}
      />
      {/* A protected account: the action asks for the code sent to a confirmed contact (an empty "code" value). */}
      {state.values?.code !== undefined && <CodeInput error={errors.code} />}
      <button className="fr-btn" type="submit" disabled={pending}>
        Se connecter
      </button>
      {state.values?.code !== undefined && (
        <section aria-labelledby="titre-sans-code" className="fr-mt-4w">
          <SignInCodeHelp />
        </section>
      )}
    </form>
  );
}
