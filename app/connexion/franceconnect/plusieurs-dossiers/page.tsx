import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { CafContactHelp } from "@/components/help/caf-contact-help";

export const metadata: Metadata = { title: "Connexion avec FranceConnect impossible" };

export default function SeveralMatchesPage() {
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Nous ne pouvons pas vous connecter avec FranceConnect</h1>
        <Alert
          severity="warning"
          as="h2"
          title="Votre identité correspond à plusieurs personnes connues de la Caf"
          description="Pour ne jamais ouvrir l'espace de quelqu'un d'autre, la connexion avec FranceConnect reste impossible tant que votre Caf n'a pas vérifié votre dossier. Vous n'êtes pas connecté."
        />
        <h2 className="fr-h4 fr-mt-4w">Que faire ?</h2>
        <ul>
          <li>Contactez votre Caf (par téléphone, en ligne ou à l&apos;accueil, voir ci-dessous) pour qu&apos;elle vérifie votre état civil.</li>
          <li>En attendant, connectez-vous avec votre numéro de sécurité sociale et votre mot de passe.</li>
        </ul>
        <Link className="fr-btn" href="/connexion">
          Se connecter avec mon numéro de sécurité sociale
        </Link>
        <CafContactHelp dossierPassword />
      </div>
    </div>
  );
}
