"use client";
// The code that confirms the change, and help when nothing arrives. Works without JavaScript.
import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { CodeHelp, newCodeLabel } from "@/components/verification/code-help";
import { CodeInput } from "@/components/verification/code-input";
import type { ActionResult } from "@/lib/forms/action-result";
import type { CanalCode, NewCodeAnswer } from "@/lib/verification/code-messages";
import { useLatestCodeAnswer } from "@/components/verification/use-latest-code-answer";
import { requestNewBankDetailsCode, submitBankDetailsCode } from "../actions";

const initial: ActionResult<"code"> = { status: "idle" };
const initialResent: NewCodeAnswer = { status: "idle" };

export function BankCodeForm(props: { numero: string; canal: CanalCode; nouveauxCodesRestants: number; validite: string }) {
  const { numero, canal } = props;
  const [submitted, action, pending] = useActionState(submitBankDetailsCode, initial);
  const [resentAnswer, resend, resending] = useActionState(requestNewBankDetailsCode, initialResent);
  const { submitted: state, resent, validite, nouveauxCodesRestants } = useLatestCodeAnswer(submitted, resentAnswer, props);
  return (
    <>
      <p id="validite-code" className="fr-text--sm">
        {validite}
      </p>
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
