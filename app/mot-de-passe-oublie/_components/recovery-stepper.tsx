import { Stepper } from "@codegouvfr/react-dsfr/Stepper";

const STEPS: readonly string[] = ["Votre identifiant et votre coordonnée", "Saisir le code", "Choisir un nouveau mot de passe"];

/** "Étape 2 sur 3" with the title of this step and of the next one. */
export function RecoveryStepper({ step }: { step: 1 | 2 | 3 }) {
  return <Stepper currentStep={step} stepCount={STEPS.length} title={STEPS[step - 1]} nextTitle={STEPS[step]} className="fr-mb-4w" />;
}
