import type { Metadata } from "next";
import { BackLink } from "@/components/layout/back-link";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { PrefilledIdentityForm } from "@/components/franceconnect/prefilled-identity-form";
import { ServiceNotOpen } from "@/components/layout/service-not-open";
import { readFranceConnectCookie } from "@/lib/franceconnect/franceconnect-cookies";
import { identityFields } from "@/lib/franceconnect/prefill";

export const metadata: Metadata = { title: "Créer mon espace" };

const NOT_OPEN_YET =
  "Si vous n'avez jamais eu de dossier, vous pourrez bientôt créer ici votre espace avant votre première demande. Si vous avez déjà un dossier, vous n'avez rien à créer : connectez-vous avec votre numéro de sécurité sociale et le mot de passe à 8 chiffres de votre dossier.";

export default async function CreerMonEspacePage() {
  // After a FranceConnect login that matched nobody: the identity FranceConnect certified starts the form.
  const identity = await readFranceConnectCookie("identity");
  if (!identity) return <ServiceNotOpen title="Créer mon espace" explanation={NOT_OPEN_YET} />;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Créer mon espace</h1>
        <p>Vous créez votre espace personnel avant votre première demande à la Caf. Votre identité vient de FranceConnect.</p>
        <PrefilledIdentityForm fields={identityFields(identity)} />
        <CallOut titleAs="h2" title="La suite n'est pas encore ouverte en ligne" className="fr-mt-4w">
          Les étapes suivantes (vos coordonnées, votre mot de passe, et pour une naissance à l&apos;étranger, les noms de vos parents) seront
          bientôt disponibles. En attendant, votre Caf peut vous aider : à l&apos;accueil, ou par téléphone.
        </CallOut>
        <BackLink href="/connexion">Retour à la connexion</BackLink>
      </div>
    </div>
  );
}
