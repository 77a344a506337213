"use client";
// A one-button form of "Mes coordonnées" (remove a contact detail, cancel a pending change), with its message.
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import type { ContactType } from "@/lib/contacts/contact-details";
import type { ActionResult } from "@/lib/forms/action-result";
import { cancelContactChangeAction, removeContactAction } from "../actions";

const initial: ActionResult = { status: "idle" };
const ACTIONS = { retirer: removeContactAction, annuler: cancelContactChangeAction } as const;

export function ContactButtonForm({ type, intent, label }: { type: ContactType; intent: keyof typeof ACTIONS; label: string }) {
  const [state, action, pending] = useActionState(ACTIONS[intent], initial);
  return (
    <form action={action} method="post" className="fr-mt-2w">
      <FormMessage id={`${intent}-${type.toLowerCase()}-message`} state={state} />
      <input type="hidden" name="coordonnee" value={type} />
      <button className="fr-btn fr-btn--secondary fr-btn--sm" type="submit" disabled={pending}>
        {label}
      </button>
    </form>
  );
}
