"use client";
// The code received at the new value, and help when nothing arrives. Works without JavaScript.
import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { CodeHelp, newCodeLabel } from "@/components/verification/code-help";
import { CodeInput } from "@/components/verification/code-input";
import type { ContactType } from "@/lib/contacts/contact-details";
import type { ActionResult } from "@/lib/forms/action-result";
import type { NewCodeAnswer } from "@/lib/verification/code-messages";
import { useLatestCodeAnswer } from "@/components/verification/use-latest-code-answer";
import { cancelContactChangeAction, resendContactChangeCodeAction, submitContactChangeCode } from "../actions";

const initial: ActionResult<"code"> = { status: "idle" };
const idle: ActionResult = { status: "idle" };

const initialResent: NewCodeAnswer = { status: "idle" };

export function ContactChangeCodeForm(props: { type: ContactType; nouveauxCodesRestants: number; validite: string }) {
  const { type } = props;
  const [submitted, action, pending] = useActionState(submitContactChangeCode, initial);
  const [resentAnswer, resend, resending] = useActionState(resendContactChangeCodeAction, initialResent);
  const { submitted: state, resent, validite, nouveauxCodesRestants } = useLatestCodeAnswer(submitted, resentAnswer, props);
  const [, cancel, cancelling] = useActionState(cancelContactChangeAction, idle);
  const canal = type === "MOBILE" ? "SMS" : "EMAIL";
  return (
    <>
      <p id="validite-code" className="fr-text--sm">
        {validite}
      </p>
      <FormMessage id="nouveau-code-message" state={resent} />
      <form action={action} method="post" noValidate>
        <FormMessage id="code-message" state={state} />
        <input type="hidden" name="coordonnee" value={type} />
        <CodeInput canal={canal} error={state.fieldErrors?.code} />
        <button className="fr-btn" type="submit" disabled={pending}>
          Valider le code
        </button>
      </form>
      <CodeHelp canal={canal} nouveauxCodesRestants={nouveauxCodesRestants} limitReachedAdvice="Réessayez demain, ou indiquez une autre coordonnée.">
        {nouveauxCodesRestants > 0 && (
          <li>
            <form action={resend} method="post">
              <input type="hidden" name="coordonnee" value={type} />
              <button className="fr-btn fr-btn--secondary" type="submit" disabled={resending}>
                {newCodeLabel(nouveauxCodesRestants)}
              </button>
            </form>
          </li>
        )}
        <li>
          <Link className="fr-btn fr-btn--tertiary" href="/mon-compte/coordonnees">
            {type === "EMAIL" ? "Corriger la nouvelle adresse" : "Corriger le nouveau numéro"}
          </Link>
        </li>
        <li>
          <form action={cancel} method="post">
            <input type="hidden" name="coordonnee" value={type} />
            <button className="fr-btn fr-btn--tertiary" type="submit" disabled={cancelling}>
              Annuler ce changement
            </button>
          </form>
        </li>
      </CodeHelp>
    </>
  );
}
