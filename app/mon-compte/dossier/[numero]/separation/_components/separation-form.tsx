"use client";
// The separation form: the date and the confirmation box. Works without JavaScript (a plain post); with it, errors
// appear in place and the focus moves to the error summary. The dossier number is only a selector.
import { useActionState } from "react";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/forms/action-result";
import type { SeparationField } from "@/lib/separation/separation-form";
import { submitSeparation } from "../actions";

const initial: ActionResult<SeparationField> = { status: "idle" };

export function SeparationForm({ numero, autreMembre, separe }: { numero: string; autreMembre: string; /** "séparé" or "séparée", agreed with the person declaring. */ separe: string }) {
  const [state, action, pending] = useActionState(submitSeparation, initial);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} method="post" noValidate>
      <FormMessage id="separation-message" state={state} />
      <input type="hidden" name="numero" value={numero} />
      <Input
        label="Date de la séparation"
        hintText="Format attendu : JJ/MM/AAAA, par exemple 15/03/2026"
        state={errors.dateSeparation ? "error" : "default"}
        stateRelatedMessage={errors.dateSeparation}
        className="fr-mb-4w"
        nativeInputProps={{
          id: "dateSeparation",
          name: "dateSeparation",
          type: "text",
          autoComplete: "off",
          required: true,
          defaultValue: state.values?.dateSeparation ?? "",
          "aria-invalid": errors.dateSeparation ? true : undefined,
        }}
      />
      <div className={`fr-checkbox-group fr-mb-4w${errors.confirmation ? " fr-checkbox-group--error" : ""}`}>
        <input type="checkbox" id="confirmation" name="confirmation" value="oui" required aria-describedby={errors.confirmation ? "confirmation-erreur" : undefined} />
        <label className="fr-label" htmlFor="confirmation">
          Je déclare être {separe} de {autreMembre} depuis cette date.
        </label>
        {errors.confirmation && (
          <p id="confirmation-erreur" className="fr-error-text">
            {errors.confirmation}
          </p>
        )}
      </div>
      <button className="fr-btn" type="submit" disabled={pending}>
        Déclarer ma séparation
      </button>
    </form>
  );
}
