"use client";
// Step 2: the 6-digit code, and help when nothing arrives (a new code, or another contact detail). Both buttons post to
// one action, so the message shown is always the answer to the last one pressed.
import { useActionState } from "react";
import Link from "next/link";
import { submitCodeStep } from "@/app/mot-de-passe-oublie/actions";
import type { CanalCode, NewCodeAnswer } from "@/lib/verification/code-messages";
import { FormMessage } from "@/components/forms/form-message";
import { CodeInput } from "@/components/verification/code-input";
import { CodeHelp, newCodeLabel } from "@/components/verification/code-help";

const initial: NewCodeAnswer = { status: "idle" };

export function CodeStepForm({ canal, ...onPage }: { canal: CanalCode; nouveauxCodesRestants: number; validite: string }) {
  const [state, action, pending] = useActionState(submitCodeStep, initial);
  const error = state.fieldErrors?.code;
  // After "Recevoir un nouveau code", the new code's validity and count; the page, drawn again from the recovery
  // cookie the action rewrote, says the same afterwards.
  const validite = state.validite ?? onPage.validite;
  const nouveauxCodesRestants = state.nouveauxCodesRestants ?? onPage.nouveauxCodesRestants;
  return (
    <>
      <p id="validite-code" className="fr-text--sm">
        {validite}
      </p>
      <form action={action} method="post" noValidate>
        <FormMessage id="code-message" state={state} />
        <CodeInput canal={canal} error={error} />
        <button className="fr-btn" type="submit" disabled={pending}>
          Valider le code
        </button>
      </form>

      <CodeHelp
        canal={canal}
        nouveauxCodesRestants={nouveauxCodesRestants}
        limitReachedAdvice="Recommencez avec une autre coordonnée confirmée, réessayez demain, ou contactez votre Caf."
      >
        {nouveauxCodesRestants > 0 && (
          <li>
            <form action={action} method="post">
              <input type="hidden" name="intention" value="nouveau-code" />
              <button className="fr-btn fr-btn--secondary" type="submit" disabled={pending}>
                {newCodeLabel(nouveauxCodesRestants)}
              </button>
            </form>
          </li>
        )}
        <li>
          <Link className="fr-link" href="/mot-de-passe-oublie">
            Recommencer avec une autre adresse électronique ou un autre numéro de mobile
          </Link>
        </li>
      </CodeHelp>
    </>
  );
}
