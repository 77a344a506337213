import type { Metadata } from "next";
import Link from "next/link";
import { FranceConnectButton } from "@codegouvfr/react-dsfr/FranceConnectButton";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { LoginForm } from "./_components/login-form";
import { LOGIN_PAGE_NOTICES } from "@/lib/auth/login-messages";
import { safeReturnPath } from "@/lib/auth/return-path";
import { requireAnonymous } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Connexion" };

export default async function ConnexionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAnonymous();
  const params = await searchParams;
  const raison = typeof params.raison === "string" ? LOGIN_PAGE_NOTICES[params.raison] : undefined;
  const retour = typeof params.retour === "string" ? safeReturnPath(params.retour) : undefined;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion à Mon Compte</h1>
        {raison && <Alert severity="info" small description={raison} className="fr-mb-4w" />}

        <section aria-labelledby="titre-franceconnect" className="fr-mb-6w">
          <h2 id="titre-franceconnect" className="fr-h5">
            Avec FranceConnect
          </h2>
          <p className="fr-text--sm">
            FranceConnect vous permet d&apos;utiliser un compte que vous avez déjà (impots.gouv.fr, ameli.fr, l&apos;Identité
            Numérique La Poste…) pour vous connecter.
          </p>
          <FranceConnectButton url="/connexion/franceconnect" />
        </section>

        <p className="fr-hr-or">ou</p>

        <section aria-labelledby="titre-identifiant">
          <h2 id="titre-identifiant" className="fr-h5">
            Avec votre identifiant et votre mot de passe
          </h2>
          <LoginForm retour={retour} />
          <ul className="fr-links-group fr-mt-3w">
            <li>
              <Link className="fr-link" href="/identifiant-oublie">
                Identifiant oublié
              </Link>
            </li>
            <li>
              <Link className="fr-link" href="/mot-de-passe-oublie">
                Mot de passe oublié
              </Link>
            </li>
          </ul>
        </section>

        <hr className="fr-mt-6w" />
        <h2 className="fr-h5">Vous n&apos;avez pas encore d&apos;espace ?</h2>
        <Link className="fr-btn fr-btn--secondary" href="/creer-mon-espace">
          Créer mon espace
        </Link>
      </div>
    </div>
  );
}
