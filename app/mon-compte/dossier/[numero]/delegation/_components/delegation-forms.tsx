"use client";
// "Déléguer la gestion de mon dossier à …", and the confirmed withdrawal ("Oui, retirer la délégation"). Work without
// JavaScript. The dossier number is only a selector: the action asks the access module whether this person may
// change the délégation there. Withdrawing is never one tap: the délégation page links to a confirmation page
// (retirer/), which holds the only form that posts the withdrawal, with its "confirme" field.
import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/forms/action-result";
import { submitGrantDelegation, submitWithdrawDelegation } from "../actions";

const initial: ActionResult = { status: "idle" };

export function GrantDelegationForm({ numero, conjoint }: { numero: string; conjoint: string }) {
  const [state, action, pending] = useActionState(submitGrantDelegation, initial);
  return (
    <form action={action} method="post">
      <FormMessage id="delegation-message" state={state} />
      <input type="hidden" name="numero" value={numero} />
      <button className="fr-btn" type="submit" disabled={pending}>
        {`Déléguer la gestion de mon dossier à ${conjoint}`}
      </button>
    </form>
  );
}

export function ConfirmWithdrawalForm({ numero, retour }: { numero: string; retour: string }) {
  const [state, action, pending] = useActionState(submitWithdrawDelegation, initial);
  return (
    <form action={action} method="post">
      <FormMessage id="delegation-message" state={state} />
      <input type="hidden" name="numero" value={numero} />
      <input type="hidden" name="confirme" value="oui" />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button className="fr-btn" type="submit" disabled={pending}>
            Oui, retirer la délégation
          </button>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" href={retour}>
            Annuler
          </Link>
        </li>
      </ul>
    </form>
  );
}
