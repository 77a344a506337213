"use client";
// Step 2: the personal password, with the live checklist of the rules. Works without JavaScript.
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { NewPasswordFields } from "@/components/password/new-password-fields";
import type { NewPasswordField } from "@/lib/auth/new-password";
import type { PasswordFormState } from "@/lib/forms/password-form-state";
import { submitFirstPassword } from "../actions";

const initial: PasswordFormState<NewPasswordField> = { status: "idle" };

export function PasswordStepForm() {
  const [state, action, pending] = useActionState(submitFirstPassword, initial);
  return (
    <form action={action} method="post" noValidate>
      <FormMessage id="mot-de-passe-message" state={state} />
      <NewPasswordFields
        errors={state.fieldErrors ?? {}}
        reglesNonRespectees={state.reglesNonRespectees}
        values={state.values}
        labels={{ nouveauMotDePasse: "Mot de passe", confirmation: "Confirmation du mot de passe" }} />
      <button className="fr-btn" type="submit" disabled={pending}>
        Enregistrer et continuer
      </button>
    </form>
  );
}
