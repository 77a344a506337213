import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import { headers } from "next/headers";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { DsfrHead, getHtmlAttributes } from "@/components/dsfr/dsfr-head";
import { DsfrProvider, StartDsfrOnHydration } from "@/components/dsfr/dsfr-provider";
import { LOGOUT_FORM_ID, SiteHeader } from "@/components/layout/site-header";
import { FocusOnArrival } from "@/components/layout/focus-on-arrival";
import { SessionTimeoutWarning } from "@/components/layout/session-timeout-warning";
import { SiteFooter } from "@/components/layout/site-footer";
import { SyntheticDataBanner } from "@/components/layout/synthetic-data-banner";
import { appConfig } from "@/lib/config/app-config";
import { hasSyntheticData } from "@/lib/demo/synthetic-data";
import { currentSession } from "@/lib/auth/session";
import { logout } from "./deconnexion/actions";
import { keepSessionAlive } from "./session/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Mon Compte", template: "%s — Mon Compte" },
  description: "Votre espace personnel : votre dossier, vos paiements, vos coordonnées et vos démarches.",
  // public/: the icons, and the manifest that lets a phone add the portal to its home screen (no service worker:
  // nothing personal is kept for offline use).
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: [{ url: "/apple-touch-icon.png", sizes: "180x180", type: "image/png" }],
  },
};

const lang = "fr";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const { operatorName } = appConfig();
  const [synthetic, session] = await Promise.all([hasSyntheticData(), currentSession()]);
  return (
    <html {...getHtmlAttributes({ lang })}>
      <head>
        {/* The portal's own icons (public/, metadata above) replace the DSFR's generic ones. */}
        <DsfrHead nonce={nonce} preloadFonts={["Marianne-Regular", "Marianne-Medium", "Marianne-Bold"]} doDisableFavicon />
      </head>
      <body>
        <DsfrProvider lang={lang} doCheckNonce={Boolean(nonce)}>
          <StartDsfrOnHydration />
          <SkipLinks
            links={[
              { anchor: "#contenu", label: "Contenu" },
              { anchor: "#fr-footer", label: "Pied de page" },
            ]}
          />
          <SiteHeader operatorName={operatorName} signedIn={session !== null} logoutAction={logout} />
          {synthetic && <SyntheticDataBanner />}
          <main id="contenu" tabIndex={-1} className="fr-container fr-py-6w">
            {children}
          </main>
          <SiteFooter operatorName={operatorName} />
          <Suspense fallback={null}>
            <FocusOnArrival mainId="contenu" />
          </Suspense>
          {session && <SessionTimeoutWarning logoutFormId={LOGOUT_FORM_ID} keepAlive={keepSessionAlive} />}
        </DsfrProvider>
      </body>
    </html>
  );
}
