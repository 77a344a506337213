"use client";
// Step 3: "J'ai un numéro de sécurité sociale" (then typed, key checked now, consistency with the identity checked at
// the end) or not (a provisional identifier will be given).
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { submitNumero, type StepResult } from "../actions";
import { TextField } from "./text-field";

export function NumeroForm({ defaults }: { defaults: { aUnNir: string; nir: string } }) {
  const [state, action, pending] = useActionState(submitNumero, { status: "idle" } as StepResult);
  const errors = state.fieldErrors ?? {};
  const v = { ...defaults, ...(state.values ?? {}) };
  return (
    <form action={action} method="post" noValidate>
      <FormMessage id="numero-message" state={state} />
      <fieldset className={`fr-fieldset${errors.aUnNir ? " fr-fieldset--error" : ""}`} id="aUnNir" aria-labelledby="aUnNir-legend">
        <legend className="fr-fieldset__legend" id="aUnNir-legend">
          Avez-vous un numéro de sécurité sociale ?
        </legend>
        {[
          ["oui", "J'ai un numéro de sécurité sociale"],
          ["non", "Je n'ai pas de numéro de sécurité sociale (ou je ne le connais pas)"],
        ].map(([value, label]) => (
          <div className="fr-fieldset__element" key={value}>
            <div className="fr-radio-group">
              <input type="radio" id={`aUnNir-${value}`} name="aUnNir" value={value} defaultChecked={v.aUnNir === value} />
              <label className="fr-label" htmlFor={`aUnNir-${value}`}>
                {label}
              </label>
            </div>
          </div>
        ))}
        {errors.aUnNir && (
          <div className="fr-messages-group">
            <p className="fr-message fr-message--error">{errors.aUnNir}</p>
          </div>
        )}
      </fieldset>
      <TextField
        name="nir"
        label="Numéro de sécurité sociale (si vous en avez un)"
        hint="Les 15 caractères de votre carte Vitale, par exemple 2 01 12 99 341 123 45"
        error={errors.nir}
        defaultValue={v.nir}
        inputMode="text"
      />
      <button className="fr-btn" type="submit" disabled={pending}>
        Continuer
      </button>
    </form>
  );
}
