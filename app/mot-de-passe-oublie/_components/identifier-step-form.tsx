"use client";
// Step 1. Works without JavaScript (a plain form post to the server action).
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
      <button className="fr-btn" type="submit" disabled={pending}>
        Continuer
      </button>
    </form>
  );
}
