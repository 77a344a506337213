"use client";
// Step 3: the e-mail address and/or the mobile number, prefilled from the dossier. Works without JavaScript.
import { useActionState } from "react";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { FormMessage } from "@/components/forms/form-message";
import type { ContactField } from "@/lib/contacts/contact-details";
import type { ActionResult } from "@/lib/forms/action-result";
import { submitContacts } from "../actions";

const initial: ActionResult<ContactField> = { status: "idle" };

export function ContactsForm({ email, mobile }: { email: string; mobile: string }) {
  const [state, action, pending] = useActionState(submitContacts, initial);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? { email, mobile };
  return (
    <form action={action} method="post" noValidate>
      <FormMessage id="coordonnees-message" state={state} />
      <Input
        label="Adresse électronique"
        hintText="Format attendu : nom@domaine.fr"
        state={errors.email ? "error" : "default"}
        stateRelatedMessage={errors.email}
        nativeInputProps={{
          id: "email",
          name: "email",
          type: "email",
          autoComplete: "email",
          spellCheck: false,
          defaultValue: values.email ?? "",
          "aria-invalid": errors.email ? true : undefined,
        }}
      />
      <Input
        label="Numéro de téléphone mobile"
        hintText="Un mobile français, par exemple 06 12 34 56 78"
        state={errors.mobile ? "error" : "default"}
        stateRelatedMessage={errors.mobile}
        nativeInputProps={{
          id: "mobile",
          name: "mobile",
          type: "tel",
          autoComplete: "tel",
          inputMode: "tel",
          defaultValue: values.mobile ?? "",
          "aria-invalid": errors.mobile ? true : undefined,
        }}
      />
      <button className="fr-btn" type="submit" disabled={pending}>
        Enregistrer mes coordonnées
      </button>
    </form>
  );
}
