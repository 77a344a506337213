"use client";
// "Nouveau mot de passe" and its confirmation, with the rules of SPEC §2 as a live checklist: each rule says in
// words whether it is met (not by colour alone), and a polite live region sums it up for screen readers once the
// person pauses typing. "Afficher le mot de passe" shows both fields in clear.
//
// Without JavaScript the fields are ordinary password fields and the checklist lists the rules: the server
// checks everything again. What only the server can check (common passwords, the person's names, birth date and
// NIR) is listed apart, as "vérifié à l'envoi": the checklist never shows a password as fully accepted.
// After a failed submit, the fields show again only the values the server accepted (`values`, see
// lib/forms/password-form-state.ts); when the new password breaks several rules, each rule's sentence is listed
// under the field. The inputs are uncontrolled: React's reset of the form after each answer puts them back to
// their default value (the accepted value, or empty), and the checklist then reads them again. They are followed
// through "input" events, not React's onChange, which skips a value equal to the one before the reset.
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { PASSWORD_RULES, PASSWORD_SERVER_CHECKS } from "@/lib/auth/password-rules";

export type NewPasswordFieldName = "nouveauMotDePasse" | "confirmation";

const RULES_ID = "regles-mot-de-passe";
const SERVER_CHECKS_ID = "regles-mot-de-passe-envoi";
const RULE_ERRORS_ID = "nouveauMotDePasse-regles-non-respectees";
const CONFIRMATION_STATUS_ID = "confirmation-mot-de-passe-statut";
/** The spoken summary waits for a pause in typing: one announcement, not one per key. */
const ANNOUNCE_DELAY_MS = 1_000;

const noSubscription = () => () => {};
/** False on the server and in the HTML sent, true once React runs in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

type RuleState = "a-verifier" | "respectee" | "non-respectee";

function ruleStates(password: string): { id: string; label: string; state: RuleState }[] {
  return PASSWORD_RULES.map((rule) => ({
    id: rule.id,
    label: rule.label,
    state: password === "" ? "a-verifier" : rule.test(password) ? "respectee" : "non-respectee",
  }));
}

const STATE_CLASS: Record<RuleState, string> = {
  "a-verifier": "fr-message fr-message--info",
  respectee: "fr-message fr-message--valid",
  "non-respectee": "fr-message fr-message--error",
};
const STATE_TEXT: Record<RuleState, string> = { "a-verifier": "", respectee: " : respectée", "non-respectee": " : non respectée" };

function summary(password: string, confirmation: string): string {
  if (password === "") return "";
  const states = ruleStates(password);
  const missing = states.filter((s) => s.state !== "respectee");
  const rules =
    missing.length === 0
      ? `Mot de passe : les ${states.length} règles sont respectées.`
      : `Mot de passe : ${states.length - missing.length} règle${states.length - missing.length > 1 ? "s" : ""} respectée${states.length - missing.length > 1 ? "s" : ""} sur ${states.length}. Il manque : ${missing.map((s) => s.label.toLowerCase()).join(", ")}.`;
  const later = " Vérifiés à l'envoi : ce n'est pas un mot de passe courant, et il ne contient rien de votre identité.";
  const confirmed = confirmation === "" ? "" : confirmation === password ? " La confirmation est identique." : " La confirmation est différente.";
  return rules + later + confirmed;
}

export function NewPasswordFields({
  errors = {},
  reglesNonRespectees = [],
  values = {},
  labels = { nouveauMotDePasse: "Nouveau mot de passe", confirmation: "Confirmation du mot de passe" },
}: {
  errors?: Partial<Record<NewPasswordFieldName, string | undefined>>;
  /** Each rule the new password broke, when it broke more than one: listed under the field. */
  reglesNonRespectees?: readonly string[];
  /** What the server accepted at the last submit and sends back (never a refused password). */
  values?: Partial<Record<NewPasswordFieldName, string | undefined>>;
  labels?: Record<NewPasswordFieldName, string>;
}) {
  const hydrated = useHydrated();
  const root = useRef<HTMLDivElement>(null);
  const [password, setPassword] = useState(values.nouveauMotDePasse ?? "");
  const [confirmation, setConfirmation] = useState(values.confirmation ?? "");
  const [shown, setShown] = useState(false);
  const [announced, setAnnounced] = useState("");

  // React resets the form after each answer (to the values sent back, or empty): the checklist reads the fields
  // again once the reset is done (the "reset" event comes just before it).
  useEffect(() => {
    const form = root.current?.closest("form");
    if (!form) return;
    const onReset = () => {
      setShown(false);
      setAnnounced("");
      setTimeout(() => {
        const field = (name: NewPasswordFieldName) => form.elements.namedItem(name);
        const read = (name: NewPasswordFieldName) => {
          const element = field(name);
          return element instanceof HTMLInputElement ? element.value : "";
        };
        setPassword(read("nouveauMotDePasse"));
        setConfirmation(read("confirmation"));
      }, 0);
    };
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(summary(password, confirmation)), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [password, confirmation]);

  const states = ruleStates(password);
  const confirmationState: RuleState | null =
    confirmation === "" ? null : confirmation === password ? "respectee" : password.startsWith(confirmation) ? null : "non-respectee";
  const type = shown ? "text" : "password";
  const ruleErrors = errors.nouveauMotDePasse ? reglesNonRespectees : [];

  return (
    <div ref={root}>
      <Input
        label={labels.nouveauMotDePasse}
        hintText="Choisissez un mot de passe que vous n'utilisez nulle part ailleurs."
        state={errors.nouveauMotDePasse ? "error" : "default"}
        stateRelatedMessage={errors.nouveauMotDePasse}
        className="fr-mb-1w"
        nativeInputProps={{
          id: "nouveauMotDePasse",
          name: "nouveauMotDePasse",
          type,
          autoComplete: "new-password",
          autoCapitalize: "none",
          spellCheck: false,
          required: true,
          defaultValue: values.nouveauMotDePasse,
          "aria-describedby": ruleErrors.length > 0 ? `${RULE_ERRORS_ID} ${RULES_ID} ${SERVER_CHECKS_ID}` : `${RULES_ID} ${SERVER_CHECKS_ID}`,
          "aria-invalid": errors.nouveauMotDePasse ? true : undefined,
          onInput: (event: FormEvent<HTMLInputElement>) => setPassword(event.currentTarget.value),
        }}
      />
      {ruleErrors.length > 0 && (
        <ul id={RULE_ERRORS_ID} className="fr-raw-list fr-messages-group fr-mb-2w">
          {ruleErrors.map((message) => (
            <li key={message} className="fr-message fr-message--error">
              {message}
            </li>
          ))}
        </ul>
      )}
      <div id={RULES_ID} className="fr-messages-group fr-mb-1w">
        <p className="fr-message" id={`${RULES_ID}-titre`}>
          Votre mot de passe doit contenir :
        </p>
        <ul className="fr-raw-list" aria-labelledby={`${RULES_ID}-titre`}>
          {states.map((rule) => (
            <li key={rule.id} className={STATE_CLASS[rule.state]} data-regle={rule.id} data-etat={rule.state}>
              {rule.label}
              {STATE_TEXT[rule.state]}
            </li>
          ))}
        </ul>
      </div>
      <div id={SERVER_CHECKS_ID} className="fr-messages-group fr-mb-3w">
        <p className="fr-message" id={`${SERVER_CHECKS_ID}-titre`}>
          Vérifié à l&apos;envoi du formulaire, il doit aussi :
        </p>
        <ul className="fr-raw-list" aria-labelledby={`${SERVER_CHECKS_ID}-titre`}>
          {PASSWORD_SERVER_CHECKS.map((check) => (
            <li key={check.id} className={STATE_CLASS["a-verifier"]} data-regle={check.id} data-etat="verifie-a-l-envoi">
              {check.label}
            </li>
          ))}
        </ul>
      </div>

      <Input
        label={labels.confirmation}
        hintText="Saisissez une deuxième fois le nouveau mot de passe."
        state={errors.confirmation ? "error" : "default"}
        stateRelatedMessage={errors.confirmation}
        className="fr-mb-1w"
        nativeInputProps={{
          id: "confirmation",
          name: "confirmation",
          type,
          autoComplete: "new-password",
          autoCapitalize: "none",
          spellCheck: false,
          required: true,
          defaultValue: values.confirmation,
          "aria-describedby": CONFIRMATION_STATUS_ID,
          "aria-invalid": errors.confirmation ? true : undefined,
          onInput: (event: FormEvent<HTMLInputElement>) => setConfirmation(event.currentTarget.value),
        }}
      />
      <div id={CONFIRMATION_STATUS_ID} className="fr-messages-group fr-mb-3w">
        {confirmationState && (
          <p className={STATE_CLASS[confirmationState]}>
            {confirmationState === "respectee" ? "Les deux saisies sont identiques." : "Les deux saisies ne sont pas identiques."}
          </p>
        )}
      </div>

      {hydrated && (
        <div className="fr-checkbox-group fr-checkbox-group--sm fr-mb-3w">
          <input
            type="checkbox"
            id="afficherMotDePasse"
            checked={shown}
            onChange={(event) => setShown(event.currentTarget.checked)}
            aria-controls="nouveauMotDePasse confirmation"
          />
          <label className="fr-label" htmlFor="afficherMotDePasse">
            Afficher le mot de passe
          </label>
        </div>
      )}

      <p className="fr-sr-only" aria-live="polite" aria-atomic="true">
        {announced}
      </p>
    </div>
  );
}
