// Under "Vous n'avez rien reçu ?" for a sign-in code (double authentification, protected account): the ways in that
// do not need this code — FranceConnect — and what to do when the address or the number is no longer the person's.
import { CafContactHelp } from "@/components/help/caf-contact-help";

export function SignInCodeHelp() {
  return (
    <>
      <h3 className="fr-h6 fr-mt-3w" id="titre-sans-code">
        Se connecter sans ce code
      </h3>
      <p>
        Avec FranceConnect, vous vous connectez avec un compte que vous avez déjà (impots.gouv.fr, ameli.fr, l&apos;Identité
        Numérique La Poste…), sans code de Mon Compte.
      </p>
      <p>
        {/* A plain link: the FranceConnect login starts with a full page load. */}
        <a className="fr-link" href="/connexion/franceconnect">
          Se connecter avec FranceConnect
        </a>
      </p>
      <CafContactHelp
        id="aide-caf-code"
        titleAs="h3"
        title="Cette adresse ou ce numéro n'est plus le vôtre ?"
        intro="Connectez-vous avec FranceConnect, puis changez-le dans « Mes coordonnées ». Sans FranceConnect, votre Caf peut vous aider à retrouver l'accès à votre espace."
      />
    </>
  );
}
