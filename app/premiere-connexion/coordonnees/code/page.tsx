import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { clockNow } from "@/lib/clock";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { pendingContactCode } from "@/lib/contacts/contact-details";
import { db } from "@/lib/db/client";
import { codeSentMessage, codeValiditySentence } from "@/lib/verification/code-messages";
import { WizardFrame } from "../../_components/wizard-frame";
import { ContactCodeForm } from "../../_components/contact-code-form";
import { openWizardStep } from "../../_lib/open-step";

export const metadata: Metadata = { title: "Première connexion — code de vérification" };

export default async function ContactCodePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { session, state } = await openWizardStep("coordonnees");
  const params = await searchParams;
  const canal = params.canal === "sms" ? "SMS" : params.canal === "email" ? "EMAIL" : null;
  if (!canal) redirect("/premiere-connexion/coordonnees/confirmation");
  const now = clockNow();
  const pending = await pendingContactCode(await db(), fieldKeysOf(appConfig()), { personneId: session.personneId, canal, now });
  if (!pending) redirect("/premiere-connexion/coordonnees/confirmation");
  const where = canal === "SMS" ? `au numéro ${pending.cibleAffichee}` : `à l'adresse ${pending.cibleAffichee}`;
  return (
    <WizardFrame progress={state} step="coordonnees">
      {params.envoi === "differe" ? (
        <Alert
          severity="warning"
          small
          className="fr-mb-3w"
          description={`Le code n'a pas pu être envoyé pour l'instant ${where} : nous réessayons, il vous parviendra dès que possible. Vous pouvez patienter sur cette page, ou confirmer plus tard.`}
        />
      ) : params.envoi === "refuse" ? (
        <Alert
          severity="error"
          small
          className="fr-mb-3w"
          description={
            canal === "EMAIL"
              ? `Notre courriel n'a pas pu être remis ${where} : la messagerie indique que cette adresse ne peut pas recevoir de messages. Vérifiez-la et modifiez vos coordonnées.`
              : `Notre SMS n'a pas pu être remis ${where} : ce numéro ne peut pas recevoir de SMS. Vérifiez-le et modifiez vos coordonnées.`
          }
        />
      ) : (
        <p>{codeSentMessage(canal, pending.cibleAffichee)}</p>
      )}
      <ContactCodeForm canal={canal} nouveauxCodesRestants={pending.nouveauxCodesRestants} validite={codeValiditySentence(pending.expireLe, now)} />
    </WizardFrame>
  );
}
