import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { DisplaySettings, displaySettingsFooterItem } from "./display-settings";

export function SiteFooter({ operatorName }: { operatorName: string }) {
  return (
    <>
    <Footer
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
      homeLinkProps={{ href: "/", title: "Accueil — Mon Compte" }}
      accessibility="partially compliant"
      accessibilityLinkProps={{ href: "/accessibilite" }}
      termsLinkProps={{ href: "/mentions-legales" }}
      contentDescription={`Mon Compte est l'espace personnel des personnes qui ont un dossier auprès de la ${operatorName}, de leurs conjoints et des tuteurs qui les représentent.`}
      bottomItems={[
        { text: "Données personnelles", linkProps: { href: "/donnees-personnelles" } },
        { text: "Conditions générales d'utilisation", linkProps: { href: "/cgu" } },
        displaySettingsFooterItem,
      ]}
    />
    <DisplaySettings />
    </>
  );
}
