// One dossier on the tableau de bord, as this person may see it (lib/access decides; lib/dossier reads).
import Link from "next/link";
import { can, type AccessGrant } from "@/lib/access/access-grant";
import { ACCESS_ROLE_SENTENCES } from "@/lib/access/capabilities";
import { formatDateFr } from "@/lib/auth/format-date";
import type { DelegationState, DossierPrestation, NextPayment } from "@/lib/dossier/dossier-view";
import type { SeparationEnCours } from "@/lib/separation";
import { formatEuros, prestationLabel } from "@/lib/dossier/prestations";
import { DOSSIER_LINKS } from "../_lib/space-links";

export type DossierCardData = {
  grant: AccessGrant;
  delegation: DelegationState;
  prestations: { prestations: DossierPrestation[]; prochainPaiement: NextPayment | null } | null;
  separation: SeparationEnCours | null;
};

export function DossierCard({ data }: { data: DossierCardData }) {
  const { grant, delegation, prestations, separation } = data;
  const numero = grant.dossier.numeroAllocataire;
  const links = DOSSIER_LINKS.filter((link) => can(grant, link.capability));
  return (
    <section className="fr-mb-6w" aria-labelledby={`dossier-${numero}`}>
      <h2 id={`dossier-${numero}`}>Dossier n° {numero}</h2>
      <p>{ACCESS_ROLE_SENTENCES[grant.role]}</p>
      {separation && (
        <p className="fr-badge fr-badge--info fr-badge--no-icon fr-mb-2w">
          Séparation déclarée le {formatDateFr(separation.declareeLe)} {separation.parVous ? "par vous" : can(grant, "VOIR_DOSSIER") ? `par ${separation.declarant}` : "par votre conjoint ou conjointe"}, en cours de traitement
        </p>
      )}
      {delegation.kind === "accordee" && <p>Vous avez délégué la gestion de votre dossier à {delegation.a}.</p>}
      {delegation.kind === "recue" && <p>{delegation.de} vous a délégué la gestion du dossier : vous pouvez le consulter et faire ses démarches.</p>}
      {delegation.kind === "aucune-accordee" && <p>Vous n&apos;avez pas délégué la gestion de votre dossier.</p>}
      {prestations && (
        <>
          {prestations.prochainPaiement ? (
            <p>
              Prochain paiement prévu le <strong>{formatDateFr(prestations.prochainPaiement.date)}</strong> :{" "}
              <strong>{formatEuros(prestations.prochainPaiement.montantCentimes)}</strong>.
            </p>
          ) : (
            <p>Aucun paiement n&apos;est prévu sur ce dossier.</p>
          )}
          {prestations.prestations.length > 0 && (
            <>
              <h3 className="fr-h6">Prestations en cours</h3>
              <ul>
                {prestations.prestations.map((p) => (
                  <li key={p.code}>
                    {prestationLabel(p.code)} : {formatEuros(p.montantMensuelCentimes)} par mois
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {links.length > 0 && (
        <>
          <h3 className="fr-h6">Ce que vous pouvez faire</h3>
          <ul className="fr-links-group">
            {links.map((link) => (
              <li key={link.capability}>
                <Link className="fr-link" href={link.href(numero)}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
