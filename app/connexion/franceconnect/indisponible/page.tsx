import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { CafContactHelp } from "@/components/help/caf-contact-help";

export const metadata: Metadata = { title: "FranceConnect indisponible" };

export default function FranceConnectUnavailablePage() {
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Connexion avec FranceConnect</h1>
        <Alert
          severity="warning"
          as="h2"
          title="FranceConnect est momentanément indisponible"
          description="La connexion avec FranceConnect ne peut pas aboutir pour le moment. Réessayez dans quelques minutes, ou connectez-vous dès maintenant avec votre numéro de sécurité sociale et votre mot de passe."
        />
        <p className="fr-mt-4w">
          <Link className="fr-btn" href="/connexion">
            Se connecter avec mon numéro de sécurité sociale
          </Link>
        </p>
        <CafContactHelp title="Besoin d'aide ?" intro="Vous n'avez pas encore de mot de passe, ou la connexion ne fonctionne pas ? Votre Caf peut vous aider." dossierPassword />
      </div>
    </div>
  );
}
