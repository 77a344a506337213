"use client";
// The code that confirms the change, and help when nothing arrives. Works without JavaScript.
import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { CodeHelp, newCodeLabel } from "@/components/verification/code-help";
import { CodeInput } from "@/components/verification/code-input";
import type { ActionResult } from "@/lib/forms/action-result";
import type { CanalCode } from "@/lib/verification/code-messages";
import { requestNewBankDetailsCode, submitBankDetailsCode } from "../actions";

const initial: ActionResult<"code"> = { status: "idle" };

export function BankCodeForm({ numero, canal, nouveauxCodesRestants }: { numero: string; canal: CanalCode; nouveauxCodesRestants: number }) {
  const [state, action, pending] = useActionState(submitBankDetailsCode, initial);
  const [resent, resend, resending] = useActionState(requestNewBankDetailsCode, initial);
  return (
    <>
      <FormMessage id="nouveau-code-message" state={resent} />
      <form action={action} method="post" noValidate>
        <FormMessage id="code-message" state={state} />
        <input type="hidden" name="numero" value={numero} />
        <CodeInput canal={canal} error={state.fieldErrors?.code} />
        <button className="fr-btn" type="submit" disabled={pending}>
          Valider le code et enregistrer
        </button>
      </form>
      <CodeHelp canal={canal} nouveauxCodesRestants={nouveauxCodesRestants} limitReachedAdvice="Réessayez demain, ou contactez votre Caf.">
        {nouveauxCodesRestants > 0 && (
          <li>
            <form action={resend} method="post">
              <input type="hidden" name="numero" value={numero} />
              <button className="fr-btn fr-btn--secondary" type="submit" disabled={resending}>
                {newCodeLabel(nouveauxCodesRestants)}
              </button>
            </form>
          </li>
        )}
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={`/mon-compte/dossier/${numero}/coordonnees-bancaires`}>
            Corriger les coordonnées saisies
          </Link>
        </li>
      </CodeHelp>
    </>
  );
}
