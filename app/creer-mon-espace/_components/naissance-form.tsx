"use client";
// Step 2: the birthplace. In France, the commune typed in a plain field is resolved on the server against the State's
// list (several matches are offered as a choice); abroad, the country, the city and both parents. No JavaScript needed.
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { submitNaissance, type StepResult } from "../actions";
import { TextField } from "./text-field";

export type NaissanceDefaults = Partial<Record<"lieu" | "commune" | "pays" | "ville" | "parent1Nom" | "parent1Prenoms" | "parent2Nom" | "parent2Prenoms", string>>;

function Choices({ name, legend, options }: { name: string; legend: string; options: { code: string; label: string }[] }) {
  return (
    <fieldset className="fr-fieldset" aria-labelledby={`${name}-legend`}>
      <legend className="fr-fieldset__legend" id={`${name}-legend`}>
        {legend}
      </legend>
      {options.map((o, i) => (
        <div className="fr-fieldset__element" key={o.code}>
          <div className="fr-radio-group">
            <input type="radio" id={`${name}-${o.code}`} name={name} value={o.code} defaultChecked={i === 0} />
            <label className="fr-label" htmlFor={`${name}-${o.code}`}>
              {o.label}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function NaissanceForm({ defaults, verrou }: { defaults: NaissanceDefaults; verrou: { lieu: "france" | "etranger"; libelle: string } | null }) {
  const [state, action, pending] = useActionState(submitNaissance, { status: "idle" } as StepResult);
  const errors = state.fieldErrors ?? {};
  const v = { ...defaults, ...(state.values ?? {}) };
  const showFrance = !verrou || verrou.lieu === "france";
  const showAbroad = !verrou || verrou.lieu === "etranger";
  return (
    <form action={action} method="post" noValidate>
      <FormMessage id="naissance-message" state={state} />
      {verrou ? (
        <p>
          Lieu de naissance certifié par FranceConnect : <strong>{verrou.libelle}</strong>.
        </p>
      ) : (
        <fieldset className={`fr-fieldset${errors.lieu ? " fr-fieldset--error" : ""}`} id="lieu" aria-labelledby="lieu-legend">
          <legend className="fr-fieldset__legend" id="lieu-legend">
            Où êtes-vous né ou née ?
          </legend>
          {[
            ["france", "En France (métropole ou outre-mer)"],
            ["etranger", "À l'étranger"],
          ].map(([value, label]) => (
            <div className="fr-fieldset__element" key={value}>
              <div className="fr-radio-group">
                <input type="radio" id={`lieu-${value}`} name="lieu" value={value} defaultChecked={v.lieu === value} />
                <label className="fr-label" htmlFor={`lieu-${value}`}>
                  {label}
                </label>
              </div>
            </div>
          ))}
          {errors.lieu && (
            <div className="fr-messages-group">
              <p className="fr-message fr-message--error">{errors.lieu}</p>
            </div>
          )}
        </fieldset>
      )}
      {showFrance && !verrou && (
        <fieldset className="fr-fieldset" aria-labelledby="france-legend">
          <legend className="fr-fieldset__legend fr-h6" id="france-legend">
            Si vous êtes né ou née en France
          </legend>
          <div className="fr-fieldset__element">
            <TextField name="commune" label="Commune de naissance" hint="Son nom, par exemple « Lyon » ou « Saint-Denis (974) »" error={errors.commune} defaultValue={v.commune} />
          </div>
          {state.communes && state.communes.length > 0 && (
            <div className="fr-fieldset__element">
              <Choices name="communeChoisie" legend="Choisissez votre commune" options={state.communes.map((c) => ({ code: c.code, label: c.libelle }))} />
            </div>
          )}
        </fieldset>
      )}
      {showAbroad && (
        <fieldset className="fr-fieldset" aria-labelledby="etranger-legend">
          <legend className="fr-fieldset__legend fr-h6" id="etranger-legend">
            {verrou ? "Votre naissance à l'étranger" : "Si vous êtes né ou née à l'étranger"}
          </legend>
          {!verrou && (
            <div className="fr-fieldset__element">
              <TextField name="pays" label="Pays de naissance" hint="Par exemple « Sénégal »" error={errors.pays} defaultValue={v.pays} autoComplete="country-name" />
            </div>
          )}
          {state.pays && state.pays.length > 0 && (
            <div className="fr-fieldset__element">
              <Choices name="paysChoisi" legend="Choisissez votre pays" options={state.pays.map((p) => ({ code: p.code, label: p.nom }))} />
            </div>
          )}
          <div className="fr-fieldset__element">
            <TextField name="ville" label="Ville de naissance" error={errors.ville} defaultValue={v.ville} />
          </div>
          <div className="fr-fieldset__element">
            <p className="fr-mb-1w">Vos parents, tels qu&apos;ils figurent sur votre acte de naissance :</p>
            <TextField name="parent1Nom" label="Premier parent : nom de naissance" error={errors.parent1Nom} defaultValue={v.parent1Nom} />
            <TextField name="parent1Prenoms" label="Premier parent : prénoms" error={errors.parent1Prenoms} defaultValue={v.parent1Prenoms} />
            <TextField name="parent2Nom" label="Second parent : nom de naissance" error={errors.parent2Nom} defaultValue={v.parent2Nom} />
            <TextField name="parent2Prenoms" label="Second parent : prénoms" error={errors.parent2Prenoms} defaultValue={v.parent2Prenoms} />
          </div>
        </fieldset>
      )}
      <button className="fr-btn" type="submit" disabled={pending}>
        Continuer
      </button>
    </form>
  );
}
