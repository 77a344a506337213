import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireCanActFor } from "@/lib/access/require-can-act-for";
import { db } from "@/lib/db/client";
import { delegationContextFor } from "@/lib/delegation/delegation-service";
import { ConfirmWithdrawalForm } from "../_components/delegation-forms";

export const metadata: Metadata = { title: "Retirer la délégation de gestion" };

// The confirmation step of a withdrawal: a page of its own (it works without JavaScript), which says what the
// conjoint loses before anything changes. "Annuler" leads back to the délégation page. Same access rule as the
// délégation page (GERER_DELEGATION): anyone else gets the not-found page.
export default async function RetirerDelegationPage({ params }: { params: Promise<{ numero: string }> }) {
  const { grant } = await requireCanActFor((await params).numero, "GERER_DELEGATION");
  const context = await delegationContextFor(await db(), grant);
  const numero = grant.dossier.numeroAllocataire;
  const delegationPage = `/mon-compte/dossier/${numero}/delegation`;
  if (!context.active) redirect(delegationPage);
  const conjoint = context.conjoint.nomAffiche;
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Retirer la délégation accordée à {conjoint} ?</h1>
        <p>Si vous confirmez, dès maintenant :</p>
        <ul>
          <li>
            {conjoint} ne voit plus le dossier : ni les membres du foyer, ni les prestations, ni les paiements, ni les courriers, ni
            le journal des actions ;
          </li>
          <li>{conjoint} ne peut plus faire de démarches pour le dossier ;</li>
          <li>ses sessions ouvertes sont fermées ;</li>
          <li>un message le lui apprend, sur ses coordonnées confirmées.</li>
        </ul>
        <p>{conjoint} garde son propre espace et ses propres informations. Vous pourrez lui accorder de nouveau la délégation à tout moment.</p>
        <ConfirmWithdrawalForm numero={numero} retour={delegationPage} />
      </div>
    </div>
  );
}
