"use client";
// The e-mail code of the double authentification. Works without JavaScript (plain form posts); with it, the
// result appears in place and the focus moves to it.
import { useActionState, useEffect, useRef } from "react";
import type { CanalCode, NewCodeAnswer } from "@/lib/verification/code-messages";
import { useLatestCodeAnswer } from "@/components/verification/use-latest-code-answer";
import { SignInCodeHelp } from "@/components/verification/sign-in-code-help";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { resendSecondFactor, submitSecondFactor } from "../actions";
import type { ActionResult } from "@/lib/forms/action-result";
import { CodeInput } from "@/components/verification/code-input";
import { CodeHelp, newCodeLabel } from "@/components/verification/code-help";

const initial: ActionResult<"code"> = { status: "idle" };
const initialResent: NewCodeAnswer = { status: "idle" };

export function SecondFactorForm(props: {
  nouveauxCodesRestants: number;
  validite: string;
  canal: CanalCode;
  /** The person's other confirmed contact detail, masked, offered instead. */
  autreCanal: { canal: CanalCode; destination: string } | null;
}) {
  const { canal, autreCanal } = props;
  const [submitted, submit, pending] = useActionState(submitSecondFactor, initial);
  const [resentAnswer, resend, resending] = useActionState(resendSecondFactor, initialResent);
  const { submitted: state, resent, validite, nouveauxCodesRestants } = useLatestCodeAnswer(submitted, resentAnswer, props);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle" || resent.status !== "idle") summary.current?.focus();
  }, [state, resent]);
  const codeError = state.fieldErrors?.code;

  return (
    <>
      <p id="validite-code" className="fr-text--sm">
        {validite}
      </p>
      <div ref={summary} tabIndex={-1} id="code-message" aria-live="polite">
        {state.status === "error" && <Alert severity="error" small description={codeError ?? state.message ?? ""} className="fr-mb-3w" />}
        {resent.status === "info" && <Alert severity="info" small description={resent.message ?? ""} className="fr-mb-3w" />}
        {resent.status === "error" && <Alert severity="error" small description={resent.message ?? ""} className="fr-mb-3w" />}
      </div>
      <form action={submit} method="post" noValidate>
        <CodeInput canal={canal} error={codeError} />
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

      <CodeHelp canal={canal} nouveauxCodesRestants={nouveauxCodesRestants} limitReachedAdvice="Réessayez plus tard, connectez-vous avec FranceConnect, ou contactez votre Caf.">
        {nouveauxCodesRestants > 0 && (
          <li>
            <form action={resend} method="post">
              <button className="fr-btn fr-btn--secondary" type="submit" disabled={resending}>
                {newCodeLabel(nouveauxCodesRestants)}
              </button>
            </form>
          </li>
        )}
        {autreCanal && (
          <li>
            <form action={resend} method="post">
              <input type="hidden" name="canal" value={autreCanal.canal} />
              <button className="fr-btn fr-btn--tertiary" type="submit" disabled={resending}>
                Recevoir plutôt le code par SMS au {autreCanal.destination}
              </button>
            </form>
          </li>
        )}
      </CodeHelp>
      <SignInCodeHelp />
    </>
  );
}
