import { Header } from "@codegouvfr/react-dsfr/Header";

export const LOGOUT_FORM_ID = "form-deconnexion";

/** The layout passes the logout server action (a component never imports from app/). */
export function SiteHeader({ operatorName, signedIn, logoutAction }: { operatorName: string; signedIn: boolean; logoutAction: () => Promise<void> }) {
  return (
    <>
      {/* The header's "Se déconnecter" button submits this form: it works without JavaScript. */}
      {signedIn && <form id={LOGOUT_FORM_ID} action={logoutAction} hidden />}
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        homeLinkProps={{ href: signedIn ? "/tableau-de-bord" : "/", title: "Accueil — Mon Compte" }}
        serviceTitle="Mon Compte"
        serviceTagline={operatorName}
        quickAccessItems={
          signedIn
            ? [
                { iconId: "fr-icon-account-circle-line", text: "Mon espace", linkProps: { href: "/tableau-de-bord" } },
                { iconId: "fr-icon-logout-box-r-line", text: "Se déconnecter", buttonProps: { type: "submit", form: LOGOUT_FORM_ID } },
              ]
            : [{ iconId: "fr-icon-account-circle-line", text: "Se connecter", linkProps: { href: "/connexion" } }]
        }
      />
    </>
  );
}
