import Link from "next/link";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { appConfig } from "@/lib/config/app-config";
import { CafContactHelp, DOSSIER_PASSWORD_ORIGIN } from "@/components/help/caf-contact-help";

// Each promise leads to the page that keeps it; without a session, the login comes first and then returns there.
const PROMISES = [
  { title: "Voir votre dossier", desc: "Les membres de votre foyer et vos prestations.", href: "/mon-compte/dossier" },
  { title: "Suivre vos paiements", desc: "Le montant et la date de chaque versement des derniers mois.", href: "/mon-compte/dossier?voir=paiements" },
  { title: "Garder vos coordonnées à jour", desc: "Votre adresse électronique et votre numéro de mobile, confirmés par un code.", href: "/mon-compte/coordonnees" },
  { title: "Choisir qui agit pour vous", desc: "En couple, confiez la gestion du dossier à votre conjoint depuis votre tableau de bord, ou retirez-la à tout moment.", href: "/tableau-de-bord" },
] as const;

export default function HomePage() {
  const { operatorName } = appConfig();
  return (
    <>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-mb-6w">
        <div className="fr-col-12 fr-col-md-8">
          <h1>Mon Compte, votre espace personnel</h1>
          <p className="fr-text--lead">
            Suivez votre dossier auprès de la {operatorName}, consultez vos paiements, tenez vos coordonnées à jour et
            décidez qui peut agir sur votre dossier.
          </p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Link className="fr-btn" href="/connexion">
                Se connecter
              </Link>
            </li>
            <li>
              <Link className="fr-btn fr-btn--secondary" href="/creer-mon-espace">
                Créer mon espace
              </Link>
            </li>
          </ul>
        </div>
      </div>

      <h2>Ce que vous pouvez faire</h2>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-6w">
        {PROMISES.map((item) => (
          <div key={item.title} className="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <Card title={item.title} titleAs="h3" desc={item.desc} size="small" enlargeLink linkProps={{ href: item.href }} />
          </div>
        ))}
      </div>

      <h2>Pour qui ?</h2>
      <ul className="fr-mb-6w">
        <li>les allocataires, responsables de leur dossier ;</li>
        <li>leurs conjoints, qui accèdent à leurs propres informations et, si l&apos;allocataire le leur confie, à tout le dossier ;</li>
        <li>les tuteurs et curateurs, qui agissent dans l&apos;espace de la personne qu&apos;ils protègent ;</li>
        <li>les personnes qui n&apos;ont pas encore de dossier et préparent leur première demande.</li>
      </ul>

      <h2>Comment se connecter ?</h2>
      <p>
        Avec votre numéro de sécurité sociale (ou votre identifiant provisoire) et votre mot de passe personnel, ou avec
        FranceConnect. La toute première fois, utilisez le mot de passe à 8 chiffres de votre dossier : vous choisirez
        ensuite votre propre mot de passe. {DOSSIER_PASSWORD_ORIGIN}
      </p>
      <p className="fr-text--sm">
        Nous ne vous enverrons jamais de lien pour vous connecter : tapez vous-même l&apos;adresse du portail dans votre
        navigateur.
      </p>
      <CafContactHelp title="Besoin d'aide ?" />
    </>
  );
}
