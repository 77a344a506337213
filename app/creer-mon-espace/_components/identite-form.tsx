"use client";
// Step 1: the identity. Works without JavaScript; after an error, everything typed is given back.
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { submitIdentite, type StepResult } from "../actions";
import { TextField } from "./text-field";

export type IdentiteDefaults = { nomNaissance: string; nomUsage: string; prenoms: string; sexe: string; jour: string; mois: string; annee: string };

export function IdentiteForm({ defaults, verrouillee }: { defaults: IdentiteDefaults; verrouillee: boolean }) {
  const [state, action, pending] = useActionState(submitIdentite, { status: "idle" } as StepResult);
  const errors = state.fieldErrors ?? {};
  const v = { ...defaults, ...(state.values ?? {}) };
  return (
    <form action={action} method="post" noValidate>
      <FormMessage id="identite-message" state={state} />
      {!verrouillee && (
        <>
          <TextField name="nomNaissance" label="Nom de naissance" hint="Tel qu'il figure sur votre acte de naissance" error={errors.nomNaissance} defaultValue={v.nomNaissance} autoComplete="family-name" />
        </>
      )}
      <TextField name="nomUsage" label="Nom d'usage (facultatif)" hint="Par exemple le nom de votre époux ou épouse, si vous l'utilisez" error={errors.nomUsage} defaultValue={v.nomUsage} />
      {!verrouillee && (
        <>
          <TextField name="prenoms" label="Prénoms" hint="Tous vos prénoms, dans l'ordre de l'état civil, séparés par un espace (ou par une virgule pour un prénom en plusieurs mots)" error={errors.prenoms} defaultValue={v.prenoms} autoComplete="given-name" />
          <fieldset className={`fr-fieldset${errors.sexe ? " fr-fieldset--error" : ""}`} id="sexe" aria-labelledby="sexe-legend" {...(errors.sexe ? { "aria-describedby": "sexe-erreur" } : {})}>
            <legend className="fr-fieldset__legend" id="sexe-legend">
              Sexe
            </legend>
            {[
              ["F", "Féminin"],
              ["M", "Masculin"],
            ].map(([value, label]) => (
              <div className="fr-fieldset__element" key={value}>
                <div className="fr-radio-group">
                  <input type="radio" id={`sexe-${value}`} name="sexe" value={value} defaultChecked={v.sexe === value} />
                  <label className="fr-label" htmlFor={`sexe-${value}`}>
                    {label}
                  </label>
                </div>
              </div>
            ))}
            {errors.sexe && (
              <div className="fr-messages-group" id="sexe-erreur">
                <p className="fr-message fr-message--error">{errors.sexe}</p>
              </div>
            )}
          </fieldset>
          <fieldset className={`fr-fieldset${errors.dateNaissance ? " fr-fieldset--error" : ""}`} id="dateNaissance" aria-labelledby="date-legend" {...(errors.dateNaissance ? { "aria-describedby": "date-erreur" } : {})}>
            <legend className="fr-fieldset__legend" id="date-legend">
              Date de naissance
              <span className="fr-hint-text">Par exemple : 5 12 2001</span>
            </legend>
            {[
              ["jour", "Jour", "bday-day", 2],
              ["mois", "Mois", "bday-month", 2],
              ["annee", "Année", "bday-year", 4],
            ].map(([name, label, autoComplete, size]) => (
              <div className="fr-fieldset__element fr-fieldset__element--inline" key={name as string}>
                <div className={`fr-input-group${errors.dateNaissance ? " fr-input-group--error" : ""}`}>
                  <label className="fr-label" htmlFor={name as string}>
                    {label}
                  </label>
                  <input
                    className={`fr-input${errors.dateNaissance ? " fr-input--error" : ""}`}
                    id={name as string}
                    name={name as string}
                    inputMode="numeric"
                    autoComplete={autoComplete as string}
                    size={size as number}
                    maxLength={size as number}
                    defaultValue={v[name as keyof IdentiteDefaults]}
                    aria-invalid={errors.dateNaissance ? true : undefined}
                  />
                </div>
              </div>
            ))}
            {errors.dateNaissance && (
              <div className="fr-messages-group" id="date-erreur">
                <p className="fr-message fr-message--error">{errors.dateNaissance}</p>
              </div>
            )}
          </fieldset>
        </>
      )}
      <button className="fr-btn" type="submit" disabled={pending}>
        Continuer
      </button>
    </form>
  );
}
