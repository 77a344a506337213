import type { Metadata } from "next";
import { ServiceNotOpen } from "@/components/layout/service-not-open";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function MotDePasseOubliePage() {
  return (
    <ServiceNotOpen
      title="Mot de passe oublié"
      explanation="Vous pourrez bientôt choisir un nouveau mot de passe ici, après avoir reçu un code sur votre adresse électronique ou votre mobile confirmés."
    />
  );
}
