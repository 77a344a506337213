"use client";
// Step 1: the identifier and the full contact detail confirmed in the space. Works without JavaScript (a plain form post to the server action).
import { useActionState } from "react";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { submitRecoveryIdentifier } from "@/app/mot-de-passe-oublie/actions";
import type { ActionResult } from "@/lib/forms/action-result";
import type { IdentifierStepField } from "@/lib/auth/recovery/password-recovery";
import { FormMessage } from "@/components/forms/form-message";

const initial: ActionResult<IdentifierStepField> = { status: "idle" };

export function IdentifierStepForm() {
  const [state, action, pending] = useActionState(submitRecoveryIdentifier, initial);
  const error = state.fieldErrors?.identifiant;
  const contactError = state.fieldErrors?.contact;
  return (
    <form action={action} method="post" noValidate>
      <FormMessage id="identifiant-message" state={state} />
      <Input
        label="Identifiant"
        hintText="Votre numéro de sécurité sociale (13 chiffres et la clé) ou votre identifiant provisoire (P suivi de 8 chiffres)"
        state={error ? "error" : "default"}
        stateRelatedMessage={error}
        nativeInputProps={{
          id: "identifiant",
          name: "identifiant",
          autoComplete: "username",
          spellCheck: false,
          maxLength: 64,
          defaultValue: state.values?.identifiant ?? "",
          required: true,
          "aria-invalid": error ? true : undefined,
        }}
      />
      <Input
        label="Adresse électronique ou numéro de mobile"
        hintText="En entier, tel que vous l'avez confirmé dans votre espace, par exemple nom@example.org ou 06 12 34 56 78"
        state={contactError ? "error" : "default"}
        stateRelatedMessage={contactError}
        nativeInputProps={{
          id: "contact",
          name: "contact",
          autoComplete: "email",
          spellCheck: false,
          maxLength: 254,
          defaultValue: state.values?.contact ?? "",
          required: true,
          "aria-invalid": contactError ? true : undefined,
        }}
      />
      <button className="fr-btn" type="submit" disabled={pending}>
        Recevoir un code
      </button>
    </form>
  );
}
