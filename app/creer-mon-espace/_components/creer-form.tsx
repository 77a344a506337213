"use client";
// Step 5: one button creates the space. A second click while the first is on its way does nothing more (the draft
// is consumed once, on the server).
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/forms/action-result";
import { creer } from "../actions";

export function CreerForm() {
  const [state, action, pending] = useActionState(creer, { status: "idle" } as ActionResult);
  return (
    <form action={action} method="post">
      <FormMessage id="creation-message" state={state} />
      <button className="fr-btn" type="submit" disabled={pending}>
        Créer mon espace
      </button>
    </form>
  );
}
