"use client";
// One password field with "Afficher le mot de passe", the way the new-password fields offer it: the checkbox
// appears once JavaScript runs (without it, it could do nothing), and the field goes back to hidden after each
// answer of the form (React empties the form; a password is never put back into a field).
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Input } from "@codegouvfr/react-dsfr/Input";

const noSubscription = () => () => {};
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

export function PasswordInput({
  id,
  label,
  hintText,
  error,
  autoComplete = "current-password",
}: {
  id: string;
  label: string;
  hintText?: string;
  error?: string;
  autoComplete?: "current-password" | "new-password";
}) {
  const hydrated = useHydrated();
  const root = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const form = root.current?.closest("form");
    if (!form) return;
    const onReset = () => setShown(false);
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, []);
  const toggleId = `${id}-afficher`;
  return (
    <div ref={root}>
      <Input
        label={label}
        hintText={hintText}
        state={error ? "error" : "default"}
        stateRelatedMessage={error}
        className={hydrated ? "fr-mb-1w" : undefined}
        nativeInputProps={{
          id,
          name: id,
          type: shown ? "text" : "password",
          autoComplete,
          autoCapitalize: "none",
          spellCheck: false,
          required: true,
          "aria-invalid": error ? true : undefined,
        }}
      />
      {hydrated && (
        <div className="fr-checkbox-group fr-checkbox-group--sm fr-mb-3w">
          <input type="checkbox" id={toggleId} checked={shown} onChange={(event) => setShown(event.currentTarget.checked)} aria-controls={id} />
          <label className="fr-label" htmlFor={toggleId}>
            Afficher le mot de passe
          </label>
        </div>
      )}
    </div>
  );
}
