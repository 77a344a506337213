"use client";
// Step 4: delegate the management of the dossier to the conjoint, or not now. Works without JavaScript.
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/forms/action-result";
import { submitDelegation } from "../actions";

const initial: ActionResult = { status: "idle" };

export function DelegationForm({ conjoint, dejaActive }: { conjoint: string; dejaActive: boolean }) {
  const [state, action, pending] = useActionState(submitDelegation, initial);
  return (
    <form action={action} method="post">
      <FormMessage id="delegation-message" state={state} />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {dejaActive ? (
          <li>
            <button className="fr-btn" type="submit" name="choix" value="plus-tard" disabled={pending}>
              Continuer
            </button>
          </li>
        ) : (
          <>
            <li>
              <button className="fr-btn" type="submit" name="choix" value="accorder" disabled={pending}>
                Déléguer la gestion de mon dossier à {conjoint}
              </button>
            </li>
            <li>
              <button className="fr-btn fr-btn--secondary" type="submit" name="choix" value="plus-tard" disabled={pending}>
                Pas maintenant
              </button>
            </li>
          </>
        )}
      </ul>
    </form>
  );
}
