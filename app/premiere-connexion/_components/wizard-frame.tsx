// The frame of every wizard step: the title, the DSFR stepper ("Étape 2 sur 4") and a word on resuming later.
import type { ReactNode } from "react";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { WIZARD_STEP_TITLES, type WizardProgress, type WizardStepId } from "@/lib/premiere-connexion/wizard-steps";

export function WizardFrame({ progress, step, children }: { progress: WizardProgress; step: WizardStepId; children: ReactNode }) {
  const index = progress.steps.indexOf(step);
  const next = progress.steps[index + 1];
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Première connexion</h1>
        <Stepper
          currentStep={index + 1}
          stepCount={progress.steps.length}
          title={WIZARD_STEP_TITLES[step]}
          nextTitle={next ? WIZARD_STEP_TITLES[next] : undefined}
        />
        {children}
        <p className="fr-text--sm fr-mt-6w">
          Vous pouvez vous déconnecter et reprendre plus tard : à votre prochaine connexion, vous reprendrez à la première étape
          qui n&apos;est pas terminée.
        </p>
      </div>
    </div>
  );
}
