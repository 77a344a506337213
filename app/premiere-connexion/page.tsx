import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadWizardState } from "@/lib/premiere-connexion/wizard-state";
import { WIZARD_STEP_PATHS } from "@/lib/premiere-connexion/wizard-steps";
import { finishWizard } from "./actions";

export const metadata: Metadata = { title: "Première connexion" };

// La bascule and FranceConnect land here: the wizard resumes at the first step not done. Until it is complete, no
// other page of the space opens.
export default async function PremiereConnexionPage() {
  const session = await requireSession({ step: "premiere-connexion" });
  const state = await loadWizardState(await db(), session.personneId);
  if (!state) redirect("/connexion?raison=expiree");
  if (state.current) redirect(WIZARD_STEP_PATHS[state.current]);
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>Première connexion</h1>
      <p>Toutes les étapes sont terminées. Il ne reste qu&apos;à ouvrir votre espace.</p>
      <form action={finishWizard} method="post">
        <button className="fr-btn" type="submit">
          Accéder à mon espace
        </button>
      </form>
    </div>
  );
}
