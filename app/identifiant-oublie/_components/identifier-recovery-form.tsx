"use client";
// "Identifiant oublié". Works without JavaScript (a plain form post); with it, the answer appears in place and takes
// the focus.
import { useActionState, type ComponentProps } from "react";
import Link from "next/link";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { submitIdentifierRecovery } from "@/app/identifiant-oublie/actions";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/forms/action-result";
import type { IdentifierRecoveryField } from "@/lib/auth/recovery/identifier-recovery";

type Field = IdentifierRecoveryField;
const initial: ActionResult<Field> = { status: "idle" };

export function IdentifierRecoveryForm() {
  const [state, action, pending] = useActionState(submitIdentifierRecovery, initial);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};

  if (state.status === "success") {
    return (
      <>
        <FormMessage id="identifiant-oublie-message" state={state} />
        <p>Votre identifiant est aussi inscrit sur votre carte Vitale s&apos;il s&apos;agit de votre numéro de sécurité sociale.</p>
        <Link className="fr-btn" href="/connexion">
          Aller à la connexion
        </Link>
      </>
    );
  }

  const text = (field: Field, label: string, hintText: string | undefined, native: ComponentProps<"input">) => (
    <Input
      label={label}
      hintText={hintText}
      state={errors[field] ? "error" : "default"}
      stateRelatedMessage={errors[field]}
      nativeInputProps={{
        id: field,
        name: field,
        defaultValue: values[field] ?? "",
        required: true,
        "aria-invalid": errors[field] ? true : undefined,
        ...native,
      }}
    />
  );
  const dateError = errors.jour ?? errors.mois ?? errors.annee;

  return (
    <form action={action} method="post" noValidate>
      <FormMessage id="identifiant-oublie-message" state={state} />
      {text("nomNaissance", "Nom de naissance", "Le nom inscrit sur votre acte de naissance, même si vous en utilisez un autre", {
        autoComplete: "family-name",
        maxLength: 100,
        spellCheck: false,
      })}
      {text("prenom", "Prénom", "Un de vos prénoms, tel qu'il figure sur votre acte de naissance", { autoComplete: "given-name", maxLength: 100, spellCheck: false })}

      <fieldset
        className={`fr-fieldset${dateError ? " fr-fieldset--error" : ""}`}
        id="date-naissance"
        role="group"
        aria-labelledby={`date-naissance-legend${dateError ? " date-naissance-erreur" : ""}`}
      >
        <legend className="fr-fieldset__legend" id="date-naissance-legend">
          Date de naissance
          <span className="fr-hint-text">Par exemple : 30 6 1984</span>
        </legend>
        {(
          [
            ["jour", "Jour", "Entre 1 et 31", 2, "bday-day"],
            ["mois", "Mois", "Entre 1 et 12", 2, "bday-month"],
            ["annee", "Année", "4 chiffres", 4, "bday-year"],
          ] as const
        ).map(([field, label, hint, size, autoComplete]) => (
          <div key={field} className={`fr-fieldset__element fr-fieldset__element--inline fr-fieldset__element--${field === "annee" ? "year" : "number"}`}>
            <div className={`fr-input-group${errors[field] ? " fr-input-group--error" : ""}`}>
              <label className="fr-label" htmlFor={field}>
                {label}
                <span className="fr-hint-text">{hint}</span>
              </label>
              <input
                className={`fr-input${errors[field] ? " fr-input--error" : ""}`}
                id={field}
                name={field}
                type="text"
                inputMode="numeric"
                pattern="[0-9]*"
                maxLength={size}
                autoComplete={autoComplete}
                defaultValue={values[field] ?? ""}
                required
                aria-invalid={errors[field] ? true : undefined}
              />
            </div>
          </div>
        ))}
        {dateError && (
          <div className="fr-messages-group" id="date-naissance-erreur" aria-live="polite">
            <p className="fr-message fr-message--error">{dateError}</p>
          </div>
        )}
      </fieldset>

      {text("contact", "Adresse électronique ou numéro de mobile", "Celle ou celui que vous avez confirmé dans votre espace, par exemple nom@example.org ou 06 12 34 56 78", {
        autoComplete: "email",
        maxLength: 254,
        spellCheck: false,
      })}
      <button className="fr-btn" type="submit" disabled={pending}>
        Recevoir mon identifiant
      </button>
    </form>
  );
}
