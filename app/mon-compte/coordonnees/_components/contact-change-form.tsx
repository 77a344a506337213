"use client";
// The form that changes one contact detail (e-mail or mobile). Works without JavaScript; with it, errors appear in
// place and the focus moves to the error summary.
import { useActionState } from "react";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { FormMessage } from "@/components/forms/form-message";
import type { ContactField, ContactType } from "@/lib/contacts/contact-details";
import type { ActionResult } from "@/lib/forms/action-result";
import { submitContactChange } from "../actions";

const initial: ActionResult<ContactField> = { status: "idle" };

export function ContactChangeForm({ type, hasValue }: { type: ContactType; hasValue: boolean }) {
  const [state, action, pending] = useActionState(submitContactChange, initial);
  const field: ContactField = type === "EMAIL" ? "email" : "mobile";
  const error = state.fieldErrors?.[field];
  const messageId = `${field}-message`;
  return (
    <form action={action} method="post" noValidate aria-describedby={state.message ? messageId : undefined}>
      <FormMessage id={messageId} state={state} />
      <input type="hidden" name="coordonnee" value={type} />
      <Input
        label={type === "EMAIL" ? (hasValue ? "Nouvelle adresse électronique" : "Adresse électronique") : hasValue ? "Nouveau numéro de mobile" : "Numéro de mobile"}
        hintText={
          type === "EMAIL"
            ? "Format attendu : nom@domaine.fr. Un code de confirmation y sera envoyé."
            : "Un mobile français (métropole ou outre-mer), par exemple 06 12 34 56 78. Un code de confirmation y sera envoyé par SMS."
        }
        state={error ? "error" : "default"}
        stateRelatedMessage={error}
        nativeInputProps={{
          id: field,
          name: field,
          type: type === "EMAIL" ? "email" : "tel",
          autoComplete: type === "EMAIL" ? "email" : "tel",
          inputMode: type === "EMAIL" ? "email" : "tel",
          spellCheck: false,
          defaultValue: state.values?.[field] ?? "",
          required: true,
          "aria-invalid": error ? true : undefined,
        }}
      />
      <button className="fr-btn" type="submit" disabled={pending}>
        Recevoir un code de confirmation
      </button>
    </form>
  );
}
