"use client";
// The e-mail code of the double authentification. Works without JavaScript (plain form posts); with it, the
// result appears in place and the focus moves to it.
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { resendSecondFactor, submitSecondFactor } from "../actions";
import type { ActionResult } from "@/lib/forms/action-result";
import { CodeInput } from "@/components/verification/code-input";
import { CodeHelp, newCodeLabel } from "@/components/verification/code-help";

const initial: ActionResult<"code"> = { status: "idle" };

export function SecondFactorForm({ nouveauxCodesRestants }: { nouveauxCodesRestants: number }) {
  const [state, submit, pending] = useActionState(submitSecondFactor, initial);
  const [resent, resend, resending] = useActionState(resendSecondFactor, initial);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle" || resent.status !== "idle") summary.current?.focus();
  }, [state, resent]);
  const codeError = state.fieldErrors?.code;

  return (
    <>
      <div ref={summary} tabIndex={-1} id="code-message" aria-live="polite">
        {state.status === "error" && <Alert severity="error" small description={codeError ?? state.message ?? ""} className="fr-mb-3w" />}
        {resent.status === "info" && <Alert severity="info" small description={resent.message ?? ""} className="fr-mb-3w" />}
        {resent.status === "error" && <Alert severity="error" small description={resent.message ?? ""} className="fr-mb-3w" />}
      </div>
      <form action={submit} method="post" noValidate>
        <CodeInput canal="EMAIL" error={codeError} />
        <div className="fr-checkbox-group fr-mb-3w">
          <input type="checkbox" id="seSouvenir" name="seSouvenir" value="oui" />
          <label className="fr-label" htmlFor="seSouvenir">
            Se souvenir de ce navigateur pendant 30 jours
            <span className="fr-hint-text">À ne pas cocher sur un ordinateur partagé ou public.</span>
          </label>
        </div>
        <button className="fr-btn" type="submit" disabled={pending}>
          Valider
        </button>
      </form>

      <CodeHelp canal="EMAIL" nouveauxCodesRestants={nouveauxCodesRestants} limitReachedAdvice="Réessayez plus tard ou contactez votre Caf.">
        {nouveauxCodesRestants > 0 && (
          <li>
            <form action={resend} method="post">
              <button className="fr-btn fr-btn--secondary" type="submit" disabled={resending}>
                {newCodeLabel(nouveauxCodesRestants)}
              </button>
            </form>
          </li>
        )}
      </CodeHelp>
    </>
  );
}
