"use client";
// "Déléguer la gestion de mon dossier à …" or "Retirer la délégation". Works without JavaScript. The dossier number
// is only a selector: the action asks the access module whether this person may change the délégation there.
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/forms/action-result";
import { submitGrantDelegation, submitWithdrawDelegation } from "../actions";

const initial: ActionResult = { status: "idle" };

export function DelegationChangeForm({ numero, active, conjoint }: { numero: string; active: boolean; conjoint: string }) {
  const [state, action, pending] = useActionState(active ? submitWithdrawDelegation : submitGrantDelegation, initial);
  return (
    <form action={action} method="post">
      <FormMessage id="delegation-message" state={state} />
      <input type="hidden" name="numero" value={numero} />
      <button className={active ? "fr-btn fr-btn--secondary" : "fr-btn"} type="submit" disabled={pending}>
        {active ? `Retirer la délégation accordée à ${conjoint}` : `Déléguer la gestion de mon dossier à ${conjoint}`}
      </button>
    </form>
  );
}
