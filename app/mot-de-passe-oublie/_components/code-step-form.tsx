"use client";
// Step 2: the 6-digit code, and help when nothing arrives (a new code, or another contact detail). Both buttons post to
// one action, so the message shown is always the answer to the last one pressed.
import { useActionState } from "react";
import Link from "next/link";
import { submitCodeStep } from "@/app/mot-de-passe-oublie/actions";
import type { ActionResult } from "@/lib/forms/action-result";
import type { CanalCode } from "@/lib/verification/code-messages";
import { FormMessage } from "@/components/forms/form-message";
import { CodeInput } from "@/components/verification/code-input";
import { CodeHelp, newCodeLabel } from "@/components/verification/code-help";

const initial: ActionResult<"code"> = { status: "idle" };

export function CodeStepForm({ canal, nouveauxCodesRestants }: { canal: CanalCode; nouveauxCodesRestants: number }) {
  const [state, action, pending] = useActionState(submitCodeStep, initial);
  const error = state.fieldErrors?.code;
  return (
    <>
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
