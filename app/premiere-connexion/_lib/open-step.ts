// The guard of every wizard page: a session still in its first connection, and a step whose earlier steps are done
// (otherwise, the first step still to do). Leaving and coming back resumes there.
import "server-only";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadWizardState } from "@/lib/premiere-connexion/wizard-state";
import { WIZARD_STEP_PATHS, canOpenStep, type WizardStepId } from "@/lib/premiere-connexion/wizard-steps";

export async function openWizardStep(step: WizardStepId) {
  const session = await requireSession({ step: "premiere-connexion" });
  const state = await loadWizardState(await db(), session.personneId);
  if (!state) redirect("/connexion?raison=expiree");
  if (!canOpenStep(state, step)) redirect(state.current ? WIZARD_STEP_PATHS[state.current] : "/premiere-connexion");
  return { session, state };
}
