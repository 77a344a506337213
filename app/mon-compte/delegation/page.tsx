import type { Metadata } from "next";
import { BackLink } from "@/components/layout/back-link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { formatDateFr } from "@/lib/auth/format-date";
import { requireSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { delegationContext } from "@/lib/delegation/delegation-service";
import { DelegationChangeForm } from "./_components/delegation-forms";

export const metadata: Metadata = { title: "Délégation de gestion du dossier" };

export default async function DelegationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const context = await delegationContext(await db(), session.personneId);
  const params = await searchParams;
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Délégation de gestion du dossier</h1>
        {!context ? (
          <p>
            La délégation de gestion permet à l&apos;allocataire d&apos;un foyer en couple de confier la gestion du dossier à son
            conjoint. Elle ne concerne pas votre situation.
          </p>
        ) : (
          <>
            {params.accordee === "1" && <Alert severity="success" small className="fr-mb-3w" description={`La gestion de votre dossier est maintenant déléguée à ${context.conjoint.nomAffiche}.`} />}
            {params.retiree === "1" && (
              <Alert
                severity="success"
                small
                className="fr-mb-3w"
                description={`La délégation est retirée : ${context.conjoint.nomAffiche} ne voit plus le dossier et ses sessions ouvertes ont été fermées.`}
              />
            )}
            <p>
              {context.active
                ? `Depuis le ${formatDateFr(context.active.accordeeLe)}, ${context.conjoint.nomAffiche} gère le dossier avec vous : il ou elle voit tout le dossier (membres du foyer, prestations, paiements, courriers, journal des actions) et fait les démarches, avec ses propres identifiants.`
                : `Vous n'avez pas délégué la gestion de votre dossier. ${context.conjoint.nomAffiche} ne voit que ses propres informations.`}
            </p>
            <p>Chaque action est enregistrée au nom de la personne qui l&apos;a faite. Vous pouvez changer d&apos;avis à tout moment.</p>
            <DelegationChangeForm active={context.active !== null} conjoint={context.conjoint.nomAffiche} />
          </>
        )}
        <p className="fr-mt-6w">
          <BackLink href="/tableau-de-bord">Retour au tableau de bord</BackLink>
        </p>
      </div>
    </div>
  );
}
