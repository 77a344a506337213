import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/layout/back-link";
import { requireCanActFor } from "@/lib/access/require-can-act-for";
import { can } from "@/lib/access/access-grant";
import { formatDateFr } from "@/lib/auth/format-date";
import { clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { dossierOverview } from "@/lib/dossier/dossier-view";
import { formatEuros, formatPeriode, prestationLabel } from "@/lib/dossier/prestations";
import { separationEnCours } from "@/lib/separation";

export const metadata: Metadata = { title: "Mon dossier" };

export default async function DossierPage({ params }: { params: Promise<{ numero: string }> }) {
  const { numero } = await params;
  const { grant } = await requireCanActFor(numero, "VOIR_DOSSIER");
  const prisma = await db();
  const [dossier, separation] = await Promise.all([dossierOverview(prisma, grant, clockNow()), separationEnCours(grant, prisma)]);
  const base = `/mon-compte/dossier/${dossier.numeroAllocataire}`;
  return (
    <>
      <h1>Mon dossier</h1>
      <p className="fr-text--lead">
        Dossier n° {dossier.numeroAllocataire}
        {dossier.radie ? " — fermé par la Caf" : ""}
      </p>
      {separation && (
        <div className="fr-notice fr-notice--info fr-mb-4w">
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">
                Séparation déclarée le {formatDateFr(separation.declareeLe)} {separation.parVous ? "par vous" : `par ${separation.declarant}`} : demande en cours de traitement par la Caf.
              </p>
            </div>
          </div>
        </div>
      )}
      {grant.basis === "delegation" && <p>Vous consultez ce dossier grâce à la délégation de gestion que l&apos;allocataire vous a accordée.</p>}

      <h2>Composition du foyer</h2>
      <ul>
        {dossier.membres.map((m, index) => (
          <li key={index}>
            {m.nom}
            {m.estVous ? " (vous)" : ""} — {m.role}, naissance en {m.anneeNaissance}
          </li>
        ))}
      </ul>

      <h2>Prestations en cours</h2>
      {dossier.prestations.length === 0 ? (
        <p>Aucune prestation n&apos;est versée en ce moment sur ce dossier.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Prestations en cours et montant mensuel</caption>
            <thead>
              <tr>
                <th scope="col">Prestation</th>
                <th scope="col">Montant mensuel</th>
                <th scope="col">Depuis le</th>
              </tr>
            </thead>
            <tbody>
              {dossier.prestations.map((p) => (
                <tr key={p.code}>
                  <td>
                    {prestationLabel(p.code)} ({p.code}){p.beneficiaire ? `, versée à ${p.beneficiaire}` : ""}
                  </td>
                  <td>{formatEuros(p.montantMensuelCentimes)}</td>
                  <td>{formatDateFr(p.depuisLe)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dossier.prochainPaiement && (
        <p>
          Prochain paiement prévu le <strong>{formatDateFr(dossier.prochainPaiement.date)}</strong> : {formatEuros(dossier.prochainPaiement.montantCentimes)} au total, si votre
          situation ne change pas.
        </p>
      )}

      <h2 id="paiements">Derniers paiements</h2>
      {dossier.paiements.length === 0 ? (
        <p>Aucun paiement au cours des douze derniers mois.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Paiements des douze derniers mois, du plus récent au plus ancien</caption>
            <thead>
              <tr>
                <th scope="col">Payé le (mois concerné)</th>
                <th scope="col">Prestation</th>
                <th scope="col">Montant</th>
              </tr>
            </thead>
            <tbody>
              {dossier.paiements.map((p, index) => (
                <tr key={index}>
                  <td>
                    {formatDateFr(p.payeLe)} ({formatPeriode(p.periode)})
                  </td>
                  <td>{prestationLabel(p.code)}</td>
                  <td>{formatEuros(p.montantCentimes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {can(grant, "VOIR_JOURNAL_DOSSIER") && (
        <p>
          <Link className="fr-link" href={`${base}/historique`}>
            Historique des actions sur ce dossier
          </Link>
        </p>
      )}
      <BackLink href="/tableau-de-bord">Retour au tableau de bord</BackLink>
    </>
  );
}
