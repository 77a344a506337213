import type { Metadata } from "next";
import { appConfig } from "@/lib/config/app-config";

export const metadata: Metadata = { title: "Mentions légales" };

export default function MentionsLegalesPage() {
  const { operatorName } = appConfig();
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>Le portail Mon Compte est édité par la {operatorName}, organisme de la branche Famille de la Sécurité sociale.</p>
      <h2>Logiciel</h2>
      <p>Mon Compte est un logiciel libre : son code source est publié et chacun peut le vérifier.</p>
      <h2>Hébergement</h2>
      <p>Les données sont hébergées en France par l&apos;organisme qui exploite le portail.</p>
      <h2>Sécurité</h2>
      <p>
        Nous ne vous demanderons jamais votre mot de passe par courriel, SMS ou téléphone, et nos messages ne contiennent
        jamais de lien pour vous connecter.
      </p>
    </div>
  );
}
