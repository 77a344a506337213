"use client";
// Step 4: the contact details, then the code sent to each one not confirmed yet (one at a time: one code field per page).
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { CodeInput } from "@/components/verification/code-input";
import type { ActionResult } from "@/lib/forms/action-result";
import { confirmerCode, renvoyerCode, submitCoordonnees, type StepResult } from "../actions";
import { TextField } from "./text-field";

export function CoordonneesForm({ email, mobile }: { email: string; mobile: string }) {
  const [state, action, pending] = useActionState(submitCoordonnees, { status: "idle" } as StepResult);
  const errors = state.fieldErrors ?? {};
  const v = { email, mobile, ...(state.values ?? {}) };
  return (
    <form action={action} method="post" noValidate>
      <FormMessage id="coordonnees-message" state={state} />
      <TextField name="email" label="Adresse électronique" hint="Format attendu : nom@domaine.fr" error={errors.email} defaultValue={v.email} autoComplete="email" inputMode="email" />
      <TextField name="mobile" label="Numéro de téléphone mobile" hint="Un mobile français, par exemple 06 12 34 56 78" error={errors.mobile} defaultValue={v.mobile} autoComplete="tel" inputMode="tel" />
      <button className="fr-btn" type="submit" disabled={pending}>
        Recevoir les codes de confirmation
      </button>
    </form>
  );
}

export function CodeForm({ canal }: { canal: "EMAIL" | "SMS" }) {
  const [state, action, pending] = useActionState(confirmerCode, { status: "idle" } as ActionResult<"code">);
  return (
    <form action={action} method="post" noValidate className="fr-mb-4w">
      <FormMessage id="code-message" state={state} />
      <input type="hidden" name="canal" value={canal} />
      <CodeInput canal={canal} error={state.fieldErrors?.code} />
      <button className="fr-btn" type="submit" disabled={pending}>
        Confirmer
      </button>
    </form>
  );
}

export function ResendForm({ canal }: { canal: "EMAIL" | "SMS" }) {
  const [state, action, pending] = useActionState(renvoyerCode, { status: "idle" } as ActionResult);
  return (
    <form action={action} method="post" className="fr-mb-2w">
      <FormMessage id="renvoi-message" state={state} />
      <input type="hidden" name="canal" value={canal} />
      <button className="fr-btn fr-btn--tertiary" type="submit" disabled={pending}>
        Recevoir un nouveau code
      </button>
    </form>
  );
}
