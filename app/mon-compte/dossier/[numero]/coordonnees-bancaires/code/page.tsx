import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { BackLink } from "@/components/layout/back-link";
import { requireCanActFor } from "@/lib/access/require-can-act-for";
import { clockNow } from "@/lib/clock";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { pendingBankDetailsChange } from "@/lib/coordonnees-bancaires/bank-details-service";
import { db } from "@/lib/db/client";
import { codeSentMessage, codeValiditySentence } from "@/lib/verification/code-messages";
import { BankCodeForm } from "../_components/bank-code-form";

export const metadata: Metadata = { title: "Coordonnées bancaires — code de sécurité" };

// Step 2: the code sent to the person acting. The new details are shown as they may be (last 4 characters of the
// IBAN), read from the pending change kept on the server.
export default async function CoordonneesBancairesCodePage({
  params,
  searchParams,
}: {
  params: Promise<{ numero: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { numero } = await params;
  const { grant } = await requireCanActFor(numero, "FAIRE_DEMARCHES");
  const dossier = grant.dossier.numeroAllocataire;
  const now = clockNow();
  const pending = await pendingBankDetailsChange(await db(), fieldKeysOf(appConfig()), grant, now);
  if (pending?.etat === "APPLIQUE") redirect(`/mon-compte/dossier/${dossier}/coordonnees-bancaires?modifiees=1`);
  if (!pending) redirect(`/mon-compte/dossier/${dossier}/coordonnees-bancaires`);
  const deferred = (await searchParams).envoi === "differe";
  const where = pending.canal === "SMS" ? `au ${pending.destination}` : `à ${pending.destination}`;

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Coordonnées bancaires : code de sécurité</h1>
        <p>Dossier n° {dossier}. Les nouvelles coordonnées ne seront enregistrées qu&apos;après la saisie du code :</p>
        <ul>
          <li>Titulaire : {pending.titulaire}</li>
          <li>
            IBAN : compte en {pending.paysNom}, se terminant par <span className="fr-text--bold">{pending.ibanFin}</span>
          </li>
          <li>BIC : {pending.bic}</li>
        </ul>
        {deferred ? (
          <Alert
            severity="warning"
            small
            className="fr-mb-3w"
            description={`Le code n'a pas pu être envoyé pour l'instant ${where} : nous réessayons, il vous parviendra dès que possible.`}
          />
        ) : (
          <p>{codeSentMessage(pending.canal, pending.destination)}</p>
        )}
        <BankCodeForm numero={dossier} canal={pending.canal} nouveauxCodesRestants={pending.nouveauxCodesRestants} validite={codeValiditySentence(pending.expireLe, now)} />
        <p className="fr-mt-6w">
          <BackLink href="/tableau-de-bord">Abandonner et revenir au tableau de bord</BackLink>
        </p>
      </div>
    </div>
  );
}
