"use client";
// The message above a form: the error summary (each field error links to its field) or an information.
// It takes the focus after every answer, so that a screen reader reads it and the keyboard starts from it.
import { useEffect, useRef } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { ActionResult } from "@/lib/forms/action-result";

export function FormMessage({ id, state }: { id: string; state: ActionResult }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") ref.current?.focus();
  }, [state]);
  const errors = Object.entries(state.fieldErrors ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return (
    <div ref={ref} tabIndex={-1} id={id} aria-live="polite">
      {state.status === "error" && (
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
