import { Header } from "@codegouvfr/react-dsfr/Header";
import { logout } from "@/app/deconnexion/actions";

export const LOGOUT_FORM_ID = "form-deconnexion";

export function SiteHeader({ operatorName, signedIn }: { operatorName: string; signedIn: boolean }) {
  return (
    <>
      {/* The header's "Se déconnecter" button submits this form: it works without JavaScript. */}
      {signedIn && <form id={LOGOUT_FORM_ID} action={logout} hidden />}
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
