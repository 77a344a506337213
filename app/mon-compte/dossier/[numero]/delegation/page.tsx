import type { Metadata } from "next";
import { BackLink } from "@/components/layout/back-link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { requireCanActFor } from "@/lib/access/require-can-act-for";
import { formatDateFr } from "@/lib/auth/format-date";
import { db } from "@/lib/db/client";
import { agreeWith } from "@/lib/identity/person-name";
import { delegationContextFor } from "@/lib/delegation/delegation-service";
import Link from "next/link";
import { GrantDelegationForm } from "./_components/delegation-forms";

export const metadata: Metadata = { title: "Délégation de gestion du dossier" };

// Only the allocataire of a foyer in a couple reaches this page (GERER_DELEGATION, lib/access); anyone else gets
// the not-found page, journaled, as for a dossier that does not exist.
export default async function DelegationPage({
  params,
  searchParams,
}: {
  params: Promise<{ numero: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { grant } = await requireCanActFor((await params).numero, "GERER_DELEGATION");
  const context = await delegationContextFor(await db(), grant);
  const query = await searchParams;
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Délégation de gestion du dossier</h1>
        {query.accordee === "1" && context.active && (
          <Alert severity="success" small className="fr-mb-3w" description={`La gestion de votre dossier est maintenant déléguée à ${context.conjoint.nomAffiche}. Un message l'en informe.`} />
        )}
        {query.retiree === "1" && !context.active && (
          <Alert
            severity="success"
            small
            className="fr-mb-3w"
            description={`La délégation est retirée : ${context.conjoint.nomAffiche} ne voit plus le dossier, ses sessions ouvertes ont été fermées et un message l'en informe.`}
          />
        )}
        <p>
          {context.active
            ? `Depuis le ${formatDateFr(context.active.accordeeLe)}, ${context.conjoint.nomAffiche} gère le dossier avec vous : ${agreeWith(context.conjoint.sexe, { M: "il", F: "elle" })} voit tout le dossier (membres du foyer, prestations, paiements, courriers, journal des actions) et fait les démarches, avec ses propres identifiants.`
            : `Vous n'avez pas délégué la gestion de votre dossier. ${context.conjoint.nomAffiche} ne voit que ses propres informations.`}
        </p>
        <p>
          Chaque action est enregistrée au nom de la personne qui l&apos;a faite. Vous pouvez changer d&apos;avis à tout moment :{" "}
          {context.conjoint.nomAffiche} est prévenu par un message à chaque changement. Si une séparation est déclarée, la délégation prend fin.
        </p>
        {context.active ? (
          // Withdrawing asks for a confirmation first, on a page of its own.
          <Link className="fr-btn fr-btn--secondary" href={`/mon-compte/dossier/${grant.dossier.numeroAllocataire}/delegation/retirer`}>
            {`Retirer la délégation accordée à ${context.conjoint.nomAffiche}`}
          </Link>
        ) : (
          <GrantDelegationForm numero={grant.dossier.numeroAllocataire} conjoint={context.conjoint.nomAffiche} />
        )}
        <p className="fr-mt-6w">
          <BackLink href="/tableau-de-bord">Retour au tableau de bord</BackLink>
        </p>
      </div>
    </div>
  );
}
