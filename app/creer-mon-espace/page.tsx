import type { Metadata } from "next";
import { ServiceNotOpen } from "@/components/layout/service-not-open";

export const metadata: Metadata = { title: "Créer mon espace" };

export default function CreerMonEspacePage() {
  return (
    <ServiceNotOpen
      title="Créer mon espace"
      explanation="Si vous n'avez jamais eu de dossier, vous pourrez bientôt créer ici votre espace avant votre première demande. Si vous avez déjà un dossier, vous n'avez rien à créer : connectez-vous avec votre numéro de sécurité sociale et le mot de passe à 8 chiffres de votre dossier."
    />
  );
}
