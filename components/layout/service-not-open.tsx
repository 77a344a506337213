import { BackLink } from "@/components/layout/back-link";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { CafContactHelp } from "@/components/help/caf-contact-help";

/** For a démarche this version of the portal does not offer yet: says so plainly and gives a way forward. */
export function ServiceNotOpen({ title, explanation }: { title: string; explanation: string }) {
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8">
        <h1>{title}</h1>
        <CallOut titleAs="h2" title="Ce service n'est pas encore ouvert en ligne">{explanation}</CallOut>
        <CafContactHelp title="En attendant, votre Caf peut vous aider" />
        <BackLink href="/connexion">Retour à la connexion</BackLink>
      </div>
    </div>
  );
}
