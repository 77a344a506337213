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
        // The design system's own display dialog titles itself with a hidden <h1>: the footer opens ours instead.
        disableDisplay
        quickAccessItems={
          signedIn
            ? [
                { iconId: "fr-icon-account-circle-line", text: "Mon espace", linkProps: { href: "/tableau-de-bord" } },
                { iconId: "fr-icon-logout-box-r-line", text: "Se déconnecter", buttonProps: { type: "submit", form: LOGOUT_FORM_ID } },
              ]
            : [{ iconId: "fr-icon-account-circle-line", text: "Se connecter", linkProps: { href: "/connexion" } }]
        }
      />
      {signedIn && (
        // Below 992 px the header's links live in its "Menu" panel, which needs JavaScript: logging out stays one
        // tap away on a phone without it.
        <nav aria-label="Session" className="fr-container fr-hidden-lg">
          <p className="fr-mt-1w fr-mb-0" style={{ textAlign: "right" }}>
            <button type="submit" form={LOGOUT_FORM_ID} className="fr-btn fr-btn--tertiary-no-outline fr-btn--icon-left fr-icon-logout-box-r-line mc-cible-tactile">
              Se déconnecter
            </button>
          </p>
        </nav>
      )}
    </>
  );
}
