"use client";
// The message above a form: the error summary (each field error links to its field) or an information.
// It takes the focus after every answer, so that a screen reader reads it and the keyboard starts from it.
// With JavaScript, the document title then starts with "Erreur : " (React 19 hoists this <title> into the head).
// Without it the failed form comes back as a whole new page: the summary carries autofocus, so the browser
// scrolls to it and a screen reader starts there instead of at the top; the error <title> is sent too, but after
// the page's own, which the browser keeps (docs/regles/accessibilite.md).
import { useEffect, useRef } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { ActionResult } from "@/lib/forms/action-result";

export function FormMessage({ id, state }: { id: string; state: ActionResult }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") ref.current?.focus();
  }, [state]);
  const errors = Object.entries(state.fieldErrors ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  const failed = state.status === "error";
  return (
    <div ref={ref} tabIndex={-1} id={id} aria-live="polite" autoFocus={failed}>
      {failed && <title>{errorTitle(state.message)}</title>}
      {failed && (
        <Alert
          severity="error"
          small
          className="fr-mb-3w"
          description={
            <>
              {state.message}
              {errors.length > 0 && (
                <ul>
                  {errors.map(([field, message]) => (
                    <li key={field}>
                      <a href={`#${field}`}>{message}</a>
                    </li>
                  ))}
                </ul>
              )}
            </>
          }
        />
      )}
      {(state.status === "info" || state.status === "success") && state.message && (
        <Alert severity={state.status} small className="fr-mb-3w" description={state.message} />
      )}
    </div>
  );
}

/** "Erreur : " then what went wrong, in the site's title pattern. */
export function errorTitle(message: string | undefined): string {
  const what = (message ?? "le formulaire est à corriger").replace(/\.$/, "");
  return `Erreur : ${what} — Mon Compte`;
}
