"use client";
// Accept or refuse the CGU shown above. Works without JavaScript; with it, a missing tick is reported in place
// and the focus moves to the message. Shared by the first-connection wizard and the new-version page: each page
// passes the server actions (a component never imports from app/).
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { CGU_CHECKBOX_LABEL, type CguField } from "@/lib/cgu/cgu-labels";
import type { ActionResult } from "@/lib/forms/action-result";

const initial: ActionResult<CguField> = { status: "idle" };

type Props = {
  versionId: string;
  retour?: string;
  submitLabel: string;
  acceptAction: (previous: ActionResult<CguField>, formData: FormData) => Promise<ActionResult<CguField>>;
  refuseAction: () => Promise<void>;
};

export function CguAcceptanceForm({ versionId, retour, submitLabel, acceptAction, refuseAction }: Props) {
  const [state, action, pending] = useActionState(acceptAction, initial);
  const error = state.fieldErrors?.accepte;
  return (
    <>
      <form action={action} method="post" noValidate>
        <FormMessage id="cgu-message" state={state} />
        <input type="hidden" name="versionId" value={versionId} />
        {retour && <input type="hidden" name="retour" value={retour} />}
        <div className={`fr-checkbox-group fr-mb-3w${error ? " fr-checkbox-group--error" : ""}`}>
          <input type="checkbox" id="accepte" name="accepte" value="oui" required aria-describedby={error ? "accepte-erreur" : undefined} />
          <label className="fr-label" htmlFor="accepte">
            {CGU_CHECKBOX_LABEL}
          </label>
          {error && (
            <p id="accepte-erreur" className="fr-error-text">
              {error}
            </p>
          )}
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button className="fr-btn" type="submit" disabled={pending}>
              {submitLabel}
            </button>
          </li>
          <li>
            <button className="fr-btn fr-btn--secondary" type="submit" formAction={refuseAction} formNoValidate>
              Refuser
            </button>
          </li>
        </ul>
      </form>
    </>
  );
}
