import type { Metadata } from "next";
import { ServiceNotOpen } from "@/components/layout/service-not-open";

export const metadata: Metadata = { title: "Identifiant oublié" };

export default function IdentifiantOubliePage() {
  return (
    <ServiceNotOpen
      title="Identifiant oublié"
      explanation="Votre identifiant est votre numéro de sécurité sociale, inscrit sur votre carte Vitale. Si vous avez reçu un identifiant provisoire (la lettre P suivie de 8 chiffres), vous pourrez bientôt le recevoir à nouveau ici."
    />
  );
}
