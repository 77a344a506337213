import type { Metadata } from "next";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { CguAcceptanceForm } from "@/components/cgu/cgu-acceptance-form";
import { FoldedCguText } from "@/components/cgu/cgu-text";
import { refuseCgu, submitCguAcceptance } from "@/app/conditions-generales/actions";
import { currentCgu } from "@/lib/cgu/cgu-versions";
import { db } from "@/lib/db/client";
import { WizardFrame } from "../_components/wizard-frame";
import { openWizardStep } from "../_lib/open-step";

export const metadata: Metadata = { title: "Première connexion — conditions générales d'utilisation" };

export default async function ConditionsStepPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { state } = await openWizardStep("conditions");
  const cgu = await currentCgu(await db());
  const newer = (await searchParams)["nouvelle-version"] === "1";
  return (
    <WizardFrame progress={state} step="conditions">
      <p>Pour utiliser votre espace, lisez puis acceptez les conditions générales d&apos;utilisation.</p>
      {newer && (
        <Alert severity="info" small className="fr-mb-3w" description="Une nouvelle version des conditions vient d'être publiée : voici son texte." />
      )}
      {cgu ? (
        <>
          <FoldedCguText texte={cgu.texte} version={cgu.version} dateVersion={cgu.dateVersion} />
          <CguAcceptanceForm versionId={cgu.id} submitLabel="Accepter et continuer" acceptAction={submitCguAcceptance} refuseAction={refuseCgu} />
        </>
      ) : (
        <Alert
          severity="warning"
          className="fr-mb-3w"
          title="Les conditions d'utilisation ne sont pas disponibles"
          description="Votre première connexion ne peut pas continuer pour le moment. Réessayez plus tard."
        />
      )}
    </WizardFrame>
  );
}
