import type { Metadata } from "next";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { requireSession } from "@/lib/auth/session";
import { LogoutButton } from "@/components/layout/logout-button";

export const metadata: Metadata = { title: "Première connexion" };

// La bascule lands here: until the first-connection wizard is complete, no other page of the space opens.
export default async function PremiereConnexionPage() {
  await requireSession({ step: "premiere-connexion" });
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>Votre première connexion</h1>
      <CallOut titleAs="h2" title="Bienvenue dans votre espace">
        Avant d&apos;utiliser votre espace, vous allez accepter les conditions d&apos;utilisation, choisir votre mot de passe
        personnel et confirmer vos coordonnées. Ces étapes ne sont pas encore disponibles en ligne : revenez bientôt.
      </CallOut>
      <LogoutButton className="fr-btn fr-btn--secondary" />
    </div>
  );
}
