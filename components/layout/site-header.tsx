import { Header } from "@codegouvfr/react-dsfr/Header";

export function SiteHeader({ operatorName }: { operatorName: string }) {
  return (
    <Header
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
      homeLinkProps={{ href: "/", title: "Accueil — Mon Compte" }}
      serviceTitle="Mon Compte"
      serviceTagline={operatorName}
      quickAccessItems={[{ iconId: "fr-icon-account-circle-line", text: "Se connecter", linkProps: { href: "/connexion" } }]}
    />
  );
}
