import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { WizardFrame } from "../_components/wizard-frame";
import { DelegationForm } from "../_components/delegation-form";
import { openWizardStep } from "../_lib/open-step";

export const metadata: Metadata = { title: "Première connexion — délégation de gestion" };

// Only an allocataire in a couple gets here (openWizardStep sends anyone else back): a conjoint never sees it.
export default async function DelegationStepPage() {
  const { state } = await openWizardStep("delegation");
  if (!state.delegation) redirect("/premiere-connexion");
  const { conjoint, dejaActive } = state.delegation;
  return (
    <WizardFrame progress={state} step="delegation">
      <p>
        Vous êtes l&apos;allocataire du dossier. Vous pouvez confier la gestion du dossier à {conjoint.nomAffiche}, avec qui vous
        vivez en couple.
      </p>
      <h3 className="fr-h6">Ce que la délégation permet à {conjoint.nomAffiche}</h3>
      <ul>
        <li>voir tout le dossier : les membres du foyer, les prestations, les paiements et les courriers ;</li>
        <li>faire les démarches du dossier, par exemple changer les coordonnées bancaires ou déclarer un changement de situation ;</li>
        <li>consulter le journal des actions faites sur le dossier.</li>
      </ul>
      <h3 className="fr-h6">Ce qui ne change pas</h3>
      <ul>
        <li>{conjoint.nomAffiche} se connecte avec ses propres identifiants : vous ne partagez jamais les vôtres ;</li>
        <li>chaque action est enregistrée au nom de la personne qui l&apos;a faite ;</li>
        <li>vous gardez tous vos droits sur le dossier, et vous pouvez retirer la délégation à tout moment depuis votre espace.</li>
      </ul>
      {dejaActive ? (
        <Alert severity="info" small className="fr-mb-3w" description={`La gestion de votre dossier est déjà déléguée à ${conjoint.nomAffiche}.`} />
      ) : (
        <p>Vous pourrez aussi prendre cette décision plus tard, depuis votre espace.</p>
      )}
      <DelegationForm conjoint={conjoint.nomAffiche} dejaActive={dejaActive} />
    </WizardFrame>
  );
}
