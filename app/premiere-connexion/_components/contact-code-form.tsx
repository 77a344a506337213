"use client";
// Step 3: the code received by SMS or e-mail, and help when nothing arrives. Works without JavaScript.
import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { CodeInput } from "@/components/verification/code-input";
import { CodeHelp, newCodeLabel } from "@/components/verification/code-help";
import type { ActionResult } from "@/lib/forms/action-result";
import type { CanalCode, NewCodeAnswer } from "@/lib/verification/code-messages";
import { useLatestCodeAnswer } from "@/components/verification/use-latest-code-answer";
import { requestContactCode, submitContactCode } from "../actions";

const initial: ActionResult<"code"> = { status: "idle" };

const initialResent: NewCodeAnswer = { status: "idle" };

export function ContactCodeForm(props: { canal: CanalCode; nouveauxCodesRestants: number; validite: string }) {
  const { canal } = props;
  const [submitted, action, pending] = useActionState(submitContactCode, initial);
  const [resentAnswer, resend, resending] = useActionState(requestContactCode, initialResent);
  const { submitted: state, resent, validite, nouveauxCodesRestants } = useLatestCodeAnswer(submitted, resentAnswer, props);
  const error = state.fieldErrors?.code;
  return (
    <>
      <p id="validite-code" className="fr-text--sm">
        {validite}
      </p>
      <FormMessage id="nouveau-code-message" state={resent} />
      <form action={action} method="post" noValidate>
        <FormMessage id="code-message" state={state} />
        <input type="hidden" name="canal" value={canal} />
        <CodeInput canal={canal} error={error} />
        <button className="fr-btn" type="submit" disabled={pending}>
          Valider le code
        </button>
      </form>
      <CodeHelp canal={canal} nouveauxCodesRestants={nouveauxCodesRestants} limitReachedAdvice="Réessayez demain, indiquez une autre coordonnée, ou continuez sans confirmer.">
        {nouveauxCodesRestants > 0 && (
          <li>
            <form action={resend} method="post">
              <input type="hidden" name="canal" value={canal} />
              <input type="hidden" name="intention" value="nouveau-code" />
              <button className="fr-btn fr-btn--secondary" type="submit" disabled={resending}>
                {newCodeLabel(nouveauxCodesRestants)}
              </button>
            </form>
          </li>
        )}
        <li>
          <Link className="fr-btn fr-btn--tertiary" href="/premiere-connexion/coordonnees">
            Modifier mes coordonnées
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href="/premiere-connexion/coordonnees/confirmation">
            Confirmer plus tard
          </Link>
        </li>
      </CodeHelp>
    </>
  );
}
