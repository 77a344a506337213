import type { Metadata } from "next";
import { WizardFrame } from "../_components/wizard-frame";
import { PasswordStepForm } from "../_components/password-step-form";
import { openWizardStep } from "../_lib/open-step";

export const metadata: Metadata = { title: "Première connexion — mot de passe" };

export default async function PasswordStepPage() {
  const { state } = await openWizardStep("mot-de-passe");
  return (
    <WizardFrame progress={state} step="mot-de-passe">
      <p>
        Choisissez le mot de passe que vous utiliserez désormais avec votre numéro de sécurité sociale. Il est personnel : ne le
        communiquez à personne, pas même à un proche.
        {state.done["mot-de-passe"] && " Vous en avez déjà choisi un : vous pouvez le remplacer ici."}
      </p>
      <p className="fr-text--sm">
        Après cette étape, le mot de passe du dossier à 8 chiffres ne permettra plus de vous connecter. Tous les champs sont
        obligatoires.
      </p>
      <PasswordStepForm />
    </WizardFrame>
  );
}
