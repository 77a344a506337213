import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { accessibleDossiers } from "@/lib/access/decide-access";
import { can } from "@/lib/access/access-grant";
import { formatDateTimeFr } from "@/lib/auth/format-date";
import { previousConnectionToShow } from "@/lib/auth/previous-connection";
import { requireSession } from "@/lib/auth/session";
import { clockNow } from "@/lib/clock";
import { clearLostContactsNotice, lostContactsNotice } from "@/lib/contacts/contact-details";
import { db } from "@/lib/db/client";
import { delegationState, dossierPrestations } from "@/lib/dossier/dossier-view";
import { personSummary } from "@/lib/foyer/person-summary";
import { separationEnCours } from "@/lib/separation";
import { DossierCard, type DossierCardData } from "./_components/dossier-card";
import { PERSONAL_LINKS } from "./_lib/space-links";

export const metadata: Metadata = { title: "Tableau de bord" };

export default async function TableauDeBordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const params = await searchParams;
  const passwordChanged = params["mot-de-passe"] === "modifie";
  const welcome = params.bienvenue === "1";
  const prisma = await db();
  const now = clockNow();
  const [person, grants, lostNotice] = await Promise.all([
    personSummary(session.personneId),
    accessibleDossiers(prisma, session.personneId, now),
    lostContactsNotice(prisma, session.personneId),
  ]);
  // What the person may see of each dossier: the access module decided; the readers check the grant again.
  const dossiers: DossierCardData[] = await Promise.all(
    grants.map(async (grant) => ({
      grant,
      delegation: await delegationState(prisma, grant),
      prestations: can(grant, "VOIR_DOSSIER") ? await dossierPrestations(prisma, grant, now) : null,
      separation: can(grant, "VOIR_DOSSIER") || can(grant, "DECLARER_SEPARATION") ? await separationEnCours(grant, prisma) : null,
    })),
  );
  // Told once: the notice goes once shown here (the contact step of the wizard shows it until new ones are saved).
  if (lostNotice) await clearLostContactsNotice(prisma, session.personneId);
  const compte = await prisma.compte.findUnique({ where: { personneId: session.personneId }, select: { activeLe: true } });
  const previous = previousConnectionToShow({ connexionPrecedente: session.connexionPrecedente, authentifieA: session.authentifieA, activeLe: compte?.activeLe ?? null });
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
      <CallOut titleAs="h2" title={previous ? `Dernière connexion le ${formatDateTimeFr(previous)}` : "Première connexion"} className="fr-mb-6w">
        {previous
          ? "Si vous ne reconnaissez pas cette connexion, changez votre mot de passe et prévenez votre Caf."
          : "C'est la première fois que vous vous connectez à votre espace."}
      </CallOut>
      {dossiers.map((data) => (
        <DossierCard key={data.grant.dossier.id} data={data} />
      ))}
      {dossiers.length === 0 && (
        <p className="fr-mb-6w">Aucun dossier de la Caf n&apos;est rattaché à votre espace pour le moment.</p>
      )}
      <section aria-labelledby="espace-personnel">
        <h2 id="espace-personnel">Mon espace personnel</h2>
        <ul className="fr-links-group">
          {PERSONAL_LINKS.map((link) => (
            <li key={link.href}>
              <Link className="fr-link" href={link.href}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
