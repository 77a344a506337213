"use client";
// Step 4: the new password and its confirmation, with the rules shown as a live checklist.
import { useActionState } from "react";
import { NewPasswordFields } from "@/components/password/new-password-fields";
import { submitNewPassword } from "@/app/mot-de-passe-oublie/actions";
import type { PasswordFormState } from "@/lib/forms/password-form-state";
import type { NewPasswordField } from "@/lib/auth/recovery/password-recovery";
import { FormMessage } from "@/components/forms/form-message";

const initial: PasswordFormState<NewPasswordField> = { status: "idle" };

export function NewPasswordStepForm() {
  const [state, action, pending] = useActionState(submitNewPassword, initial);
  return (
    <form action={action} method="post" noValidate>
      <FormMessage id="mot-de-passe-message" state={state} />
      <NewPasswordFields errors={state.fieldErrors} reglesNonRespectees={state.reglesNonRespectees} values={state.values} />
      <button className="fr-btn" type="submit" disabled={pending}>
        Enregistrer le nouveau mot de passe
      </button>
    </form>
  );
}
