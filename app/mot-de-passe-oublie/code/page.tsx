import type { Metadata } from "next";
import { BackLink } from "@/components/layout/back-link";
import { redirect } from "next/navigation";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { recoveryChannels } from "@/lib/auth/recovery/password-recovery";
import { readPasswordRecovery, recoveryStep } from "@/lib/auth/recovery/recovery-cookie";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { remainingValidity } from "@/lib/verification/code-messages";
import { CodeStepForm } from "../_components/code-step-form";
import { RecoveryStepper } from "../_components/recovery-stepper";

export const metadata: Metadata = { title: "Saisir le code — Mot de passe oublié" };

export default async function CodePage() {
  const state = await readPasswordRecovery();
  if (!state || recoveryStep(state) !== "code" || !state.canal) redirect("/mot-de-passe-oublie?raison=expiree");
  const channels = await recoveryChannels(await db(), fieldKeysOf(appConfig()), state.personneId);
  const channel = channels.find((c) => c.canal === state.canal);
  if (!channel) redirect("/mot-de-passe-oublie?raison=expiree");
  const where = channel.canal === "SMS" ? `par SMS au numéro suivant : ${channel.destination}` : `par courriel à l'adresse suivante : ${channel.destination}`;
  const validity = remainingValidity(new Date(state.expireLe ?? 0));
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Mot de passe oublié</h1>
        <RecoveryStepper step={3} />
        {state.avertissement ? (
          <Alert severity="warning" small className="fr-mb-3w" description={`${state.avertissement} Destination : ${channel.destination}.`} />
        ) : (
          <p>
            Nous venons de vous envoyer un code de vérification {where}. Saisissez-le ci-dessous. {validity.message}
          </p>
        )}
        <CodeStepForm canal={channel.canal} nouveauxCodesRestants={state.nouveauxCodesRestants ?? 0} />
        <p className="fr-mt-4w">
          <BackLink href="/connexion">Retour à la connexion</BackLink>
        </p>
      </div>
    </div>
  );
}
