import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { formatDateTimeFr } from "@/lib/auth/format-date";
import { requireSession } from "@/lib/auth/session";
import { clearLostContactsNotice, lostContactsNotice } from "@/lib/contacts/contact-details";
import { db } from "@/lib/db/client";
import { delegationContext } from "@/lib/delegation/delegation-service";
import { delegationSummary } from "@/lib/foyer/delegation-summary";
import { personSummary } from "@/lib/foyer/person-summary";

export const metadata: Metadata = { title: "Tableau de bord" };

export default async function TableauDeBordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const params = await searchParams;
  const passwordChanged = params["mot-de-passe"] === "modifie";
  const welcome = params.bienvenue === "1";
  const [person, delegation, context, lostNotice] = await Promise.all([
    personSummary(session.personneId),
    delegationSummary(session.personneId),
    (async () => delegationContext(await db(), session.personneId))(),
    (async () => lostContactsNotice(await db(), session.personneId))(),
  ]);
  // Told once: the notice goes once shown here (the contact step of the wizard shows it until new ones are saved).
  if (lostNotice) await clearLostContactsNotice(await db(), session.personneId);
  const canDelegate = context !== null;
  const previous = session.connexionPrecedente ? new Date(session.connexionPrecedente) : null;
  return (
    <>
      <h1>Bonjour {person?.prenom}</h1>
      {welcome && (
        <Alert
          severity="success"
          small
          description="Votre première connexion est terminée : votre espace est prêt. Désormais, connectez-vous avec votre numéro de sécurité sociale et votre mot de passe personnel."
          className="fr-mb-4w"
        />
      )}
      {lostNotice && <Alert severity="warning" small description={lostNotice} className="fr-mb-4w" />}
      {passwordChanged && (
        <Alert
          severity="success"
          small
          description="Votre mot de passe a été modifié. Par sécurité, vos sessions ouvertes sur d'autres appareils ont été fermées. Si vous avez confirmé une adresse électronique ou un numéro de mobile, un message vous le confirme."
          className="fr-mb-4w"
        />
      )}
      <CallOut titleAs="h2" title={previous ? `Dernière connexion le ${formatDateTimeFr(previous)}` : "Première connexion"} className="fr-mb-4w">
        {previous
          ? "Si vous ne reconnaissez pas cette connexion, changez votre mot de passe et prévenez votre Caf."
          : "C'est la première fois que vous vous connectez à votre espace."}
      </CallOut>
      {delegation && (
        <p>
          {delegation.sens === "accordee"
            ? `Vous avez délégué la gestion de votre dossier à ${delegation.autre}.`
            : `${delegation.autre} vous a délégué la gestion du dossier : vous pouvez le consulter et faire ses démarches.`}
        </p>
      )}
      <ul className="fr-links-group">
        {canDelegate && (
          <li>
            <Link className="fr-link" href="/mon-compte/delegation">
              Délégation de gestion du dossier
            </Link>
          </li>
        )}
        <li>
          <Link className="fr-link" href="/mon-compte/connexions">
            Historique de mes connexions
          </Link>
        </li>
        <li>
          <Link className="fr-link" href="/mon-compte/mot-de-passe">
            Changer mon mot de passe
          </Link>
        </li>
      </ul>
    </>
  );
}
