import type { Metadata } from "next";
import { BackLink } from "@/components/layout/back-link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { SecondFactorForm } from "./_components/second-factor-form";
import { requireAnonymous, requirePendingLogin } from "@/lib/auth/guards";
import { codeValiditySentence } from "@/lib/verification/code-messages";
import { otherSecondFactorChannel } from "@/lib/auth/second-factor";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Code de vérification" };

export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAnonymous();
  const pending = await requirePendingLogin();
  const delayed = (await searchParams).envoi === "differe";
  const canal = pending.canal ?? "EMAIL";
  const autreCanal = await otherSecondFactorChannel(await db(), fieldKeysOf(appConfig()), pending.personneId, canal);
  const where = canal === "SMS" ? `par SMS au numéro ${pending.destination}` : `par courriel à l'adresse ${pending.destination}`;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Vérification de votre identité</h1>
        <p>Vous vous connectez depuis un navigateur que nous ne connaissons pas encore. Pour votre sécurité, confirmez qu&apos;il s&apos;agit bien de vous.</p>
        {delayed ? (
          <Alert
            severity="warning"
            small
            description={`Le code n'a pas pu être envoyé pour l'instant à ${pending.destination} : il vous parviendra dès que possible.`}
            className="fr-mb-3w"
          />
        ) : (
          <p>
            Nous venons de vous envoyer un code de vérification {where}. Saisissez-le ci-dessous.
          </p>
        )}
        <SecondFactorForm
          nouveauxCodesRestants={pending.nouveauxCodesRestants}
          validite={codeValiditySentence(new Date(pending.expireLe))}
          canal={canal}
          autreCanal={autreCanal}
        />
        <p className="fr-mt-4w">
          <BackLink href="/connexion">Retour à la connexion</BackLink>
        </p>
      </div>
    </div>
  );
}
