"use client";
// Step 3, after saving: "Confirmer maintenant" for each unconfirmed contact detail, and "Continuer sans confirmer" / "Continuer".
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/forms/action-result";
import { finishContacts, requestContactCode } from "../actions";

const initial: ActionResult = { status: "idle" };

export function ConfirmNowForm({ canal, label }: { canal: "SMS" | "EMAIL"; label: string }) {
  const [state, action, pending] = useActionState(requestContactCode, initial);
  return (
    <form action={action} method="post">
      <FormMessage id={`confirmer-${canal.toLowerCase()}-message`} state={state} />
      <input type="hidden" name="canal" value={canal} />
      <button className="fr-btn fr-btn--sm" type="submit" disabled={pending} aria-label={label}>
        Confirmer maintenant
      </button>
    </form>
  );
}

export function FinishContactsForm({ allConfirmed }: { allConfirmed: boolean }) {
  const [state, action, pending] = useActionState(finishContacts, initial);
  return (
    <form action={action} method="post">
      <FormMessage id="terminer-message" state={state} />
      <button className={allConfirmed ? "fr-btn" : "fr-btn fr-btn--secondary"} type="submit" disabled={pending}>
        {allConfirmed ? "Continuer" : "Continuer sans confirmer"}
      </button>
    </form>
  );
}
