"use client";
// The password change form. Works without JavaScript (a plain form post to the server action); with it, errors
// appear in place and the focus moves to the error summary. After a failed submit, only what the server accepted
// comes back in the fields: the current password once verified right, the new one when it meets the policy
// (lib/forms/password-form-state.ts).
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { submitPasswordChange } from "@/app/mon-compte/mot-de-passe/actions";
import { NewPasswordFields } from "@/components/password/new-password-fields";
import type { ChangePasswordField } from "@/lib/auth/change-password";
import type { PasswordFormState } from "@/lib/forms/password-form-state";

const initial: PasswordFormState<ChangePasswordField> = { status: "idle" };

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(submitPasswordChange, initial);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};

  return (
    <form action={action} method="post" noValidate aria-describedby={state.message ? "mot-de-passe-message" : undefined}>
      <FormMessage id="mot-de-passe-message" state={state} />
      <Input
        label="Mot de passe actuel"
        hintText="Celui avec lequel vous vous êtes connecté"
        state={errors.motDePasseActuel ? "error" : "default"}
        stateRelatedMessage={errors.motDePasseActuel}
        className="fr-mb-5w"
        nativeInputProps={{
          id: "motDePasseActuel",
          name: "motDePasseActuel",
          type: "password",
          autoComplete: "current-password",
          required: true,
          defaultValue: values.motDePasseActuel,
          "aria-invalid": errors.motDePasseActuel ? true : undefined,
        }}
      />
      <NewPasswordFields errors={errors} reglesNonRespectees={state.reglesNonRespectees} values={values} />
      <button className="fr-btn" type="submit" disabled={pending}>
        Changer mon mot de passe
      </button>
    </form>
  );
}
