"use client";
// "Déléguer la gestion de mon dossier à …" or "Retirer la délégation". Works without JavaScript.
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/forms/action-result";
import { submitGrantDelegation, submitWithdrawDelegation } from "../actions";

const initial: ActionResult = { status: "idle" };

export function DelegationChangeForm({ active, conjoint }: { active: boolean; conjoint: string }) {
  const [state, action, pending] = useActionState(active ? submitWithdrawDelegation : submitGrantDelegation, initial);
  return (
    <form action={action} method="post">
      <FormMessage id="delegation-message" state={state} />
      <button className={active ? "fr-btn fr-btn--secondary" : "fr-btn"} type="submit" disabled={pending}>
        {active ? `Retirer la délégation accordée à ${conjoint}` : `Déléguer la gestion de mon dossier à ${conjoint}`}
      </button>
    </form>
  );
}
