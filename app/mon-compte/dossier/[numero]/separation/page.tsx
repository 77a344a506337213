import type { Metadata } from "next";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { BackLink } from "@/components/layout/back-link";
import { can } from "@/lib/access/access-grant";
import { requireCanActFor } from "@/lib/access/require-can-act-for";
import { formatDateFr } from "@/lib/auth/format-date";
import { db } from "@/lib/db/client";
import { agreeWith } from "@/lib/identity/person-name";
import { coupleOf, separationEnCours } from "@/lib/separation";
import { SeparationForm } from "./_components/separation-form";

export const metadata: Metadata = { title: "Déclarer une séparation" };

// Open to both members of a couple (DECLARER_SEPARATION, lib/access); anyone else gets the not-found page, journaled.
// Once a request is awaiting the Caf, the page says so instead of showing the form, to both members.
export default async function SeparationPage({
  params,
  searchParams,
}: {
  params: Promise<{ numero: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { grant } = await requireCanActFor((await params).numero, "DECLARER_SEPARATION");
  const prisma = await db();
  const [enCours, couple] = await Promise.all([separationEnCours(grant, prisma), coupleOf(prisma, grant)]);
  const query = await searchParams;
  // A conjoint who may not see the dossier is told nothing of the other member, not even their name as the dossier holds it.
  const named = can(grant, "VOIR_DOSSIER");
  const autre = named ? couple.autreMembre.nomAffiche : "votre conjoint ou conjointe";
  const declarant = named || !enCours ? enCours?.declarant : "Votre conjoint ou conjointe";
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Déclarer une séparation</h1>
        {enCours ? (
          <>
            {query.declaree === "1" && enCours.parVous && (
              <Alert
                severity="success"
                small
                className="fr-mb-3w"
                description={`Votre déclaration est enregistrée${named ? ` et ${autre} en est ${agreeWith(couple.autreMembre.sexe, { M: "informé", F: "informée" })}` : " et nous en informons votre conjoint ou conjointe"}. La délégation de gestion du dossier, s'il y en avait une, a pris fin.`}
              />
            )}
            {query.deja === "1" && (
              <Alert severity="info" small className="fr-mb-3w" description="Une séparation était déjà déclarée sur ce dossier : aucune nouvelle demande n'a été enregistrée." />
            )}
            <p className="fr-text--lead">
              {enCours.parVous
                ? `Votre déclaration du ${formatDateFr(enCours.declareeLe)} est en cours de traitement par la Caf.`
                : `${declarant} a déclaré votre séparation le ${formatDateFr(enCours.declareeLe)}. Cette déclaration est en cours de traitement par la Caf.`}
            </p>
            <p>Date de séparation déclarée : {formatDateFr(enCours.dateSeparation)}.</p>
            <p>La Caf vous contactera si elle a besoin d&apos;informations. Vous n&apos;avez rien d&apos;autre à faire pour l&apos;instant.</p>
          </>
        ) : (
          <>
            <p>Vous vivez {agreeWith(couple.declarant.sexe, { M: "séparé", F: "séparée" })} de {autre} ? Déclarez-le ici. Après votre déclaration :</p>
            <ul>
              <li>la Caf reçoit votre demande et l&apos;examine ; elle pourra vous demander des précisions ;</li>
              <li>la délégation de gestion du dossier, s&apos;il y en a une, prend fin aussitôt ;</li>
              <li>{named ? `${couple.autreMembre.nomAffiche} est ${agreeWith(couple.autreMembre.sexe, { M: "informé", F: "informée" })} de votre déclaration` : "nous informons votre conjoint ou conjointe de votre déclaration"} ;</li>
              <li>le dossier indique que votre déclaration est en cours de traitement.</li>
            </ul>
            <p className="fr-text--sm">Tous les champs sont obligatoires.</p>
            <SeparationForm numero={grant.dossier.numeroAllocataire} separe={agreeWith(couple.declarant.sexe, { M: "séparé", F: "séparée" })} autreMembre={named ? couple.autreMembre.nomAffiche : "mon conjoint ou ma conjointe"} />
          </>
        )}
        <p className="fr-mt-6w">
          <BackLink href="/tableau-de-bord">Retour au tableau de bord</BackLink>
        </p>
      </div>
    </div>
  );
}
