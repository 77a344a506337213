import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { BackLink } from "@/components/layout/back-link";
import { SOI, requireCanActFor } from "@/lib/access/require-can-act-for";
import { clockNow } from "@/lib/clock";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { pendingChangeCode } from "@/lib/contacts/contact-change";
import { db } from "@/lib/db/client";
import { codeSentMessage, codeValiditySentence } from "@/lib/verification/code-messages";
import { ContactChangeCodeForm } from "../_components/contact-change-code-form";

export const metadata: Metadata = { title: "Mes coordonnées — code de confirmation" };

export default async function ContactChangeCodePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { grant } = await requireCanActFor(SOI, "MODIFIER_SES_COORDONNEES");
  const params = await searchParams;
  const type = params.coordonnee === "mobile" ? "MOBILE" : params.coordonnee === "email" ? "EMAIL" : null;
  if (!type) redirect("/mon-compte/coordonnees");
  const now = clockNow();
  const pending = await pendingChangeCode(await db(), fieldKeysOf(appConfig()), grant, { type, now });
  if (!pending) redirect("/mon-compte/coordonnees");
  const canal = type === "MOBILE" ? "SMS" : "EMAIL";
  const where = canal === "SMS" ? `au numéro ${pending.cibleAffichee}` : `à l'adresse ${pending.cibleAffichee}`;
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Confirmer {type === "EMAIL" ? "ma nouvelle adresse électronique" : "mon nouveau numéro de mobile"}</h1>
        {params.envoi === "differe" ? (
          <Alert
            severity="warning"
            small
            className="fr-mb-3w"
            description={`Le code n'a pas pu être envoyé pour l'instant ${where} : nous réessayons, il vous parviendra dès que possible.`}
          />
        ) : params.envoi === "refuse" ? (
          <Alert
            severity="error"
            small
            className="fr-mb-3w"
            description={
              canal === "EMAIL"
                ? `Notre courriel n'a pas pu être remis ${where} : cette adresse ne peut pas recevoir de messages. Vérifiez-la et corrigez-la.`
                : `Notre SMS n'a pas pu être remis ${where} : ce numéro ne peut pas recevoir de SMS. Vérifiez-le et corrigez-le.`
            }
          />
        ) : (
          <p>{codeSentMessage(canal, pending.cibleAffichee)}</p>
        )}
        <p className="fr-text--sm">Tant que ce code n&apos;est pas saisi, vos coordonnées actuelles restent en vigueur.</p>
        <ContactChangeCodeForm type={type} nouveauxCodesRestants={pending.nouveauxCodesRestants} validite={codeValiditySentence(pending.expireLe, now)} />
        <div className="fr-mt-6w">
          <BackLink href="/mon-compte/coordonnees">Retour à mes coordonnées</BackLink>
        </div>
      </div>
    </div>
  );
}
