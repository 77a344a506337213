import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { BackLink } from "@/components/layout/back-link";
import { IdentitySummary } from "@/components/franceconnect/identity-summary";
import { readFranceConnectCookie } from "@/lib/franceconnect/franceconnect-cookies";
import { identityFields } from "@/lib/franceconnect/prefill";
import { ETAPE_CHEMINS, ETAPE_TITRES, ETAPES, etapeCourante } from "@/lib/creer-mon-espace/draft";
import { commencer } from "./actions";
import { currentDraft } from "./_lib/draft-session";

export const metadata: Metadata = { title: "Créer mon espace" };

export default async function CreerMonEspacePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { raison } = await searchParams;
  const [identity, draft] = await Promise.all([readFranceConnectCookie("identity"), currentDraft()]);
  const enCours = draft && !draft.termineLe ? draft : null;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Créer mon espace</h1>
        {raison === "expiree" && (
          <Alert
            severity="info"
            small
            className="fr-mb-4w"
            description="Votre saisie n'est plus disponible (plus de 2 heures sans activité, ou un autre navigateur) : rien n'a été créé. Vous pouvez recommencer."
          />
        )}
        <p>
          Vous n&apos;avez jamais eu de dossier à la Caf ? Créez votre espace personnel avant votre première demande : vous serez
          identifié, et vos demandes seront protégées.
        </p>
        <p>
          Si vous avez déjà un dossier, vous n&apos;avez rien à créer : <Link href="/connexion">connectez-vous</Link> avec votre numéro
          de sécurité sociale et le mot de passe à 8 chiffres de votre dossier.
        </p>
        <h2 className="fr-h4">Les étapes</h2>
        <ol>
          {ETAPES.map((e) => (
            <li key={e}>{ETAPE_TITRES[e]}</li>
          ))}
          <li>Les conditions générales d&apos;utilisation et votre mot de passe</li>
        </ol>
        <p>
          Préparez votre adresse électronique ou votre téléphone mobile : un code vous y sera envoyé. Si vous êtes né ou née à
          l&apos;étranger, il vous faudra aussi les noms de naissance et les prénoms de vos deux parents. Sans numéro de sécurité
          sociale, vous recevrez un identifiant provisoire.
        </p>
        {identity && (
          <>
            <h2 className="fr-h4">L&apos;identité transmise par FranceConnect</h2>
            <p>Elle sera reprise telle quelle et ne pourra pas être modifiée ici.</p>
            <IdentitySummary fields={identityFields(identity)} />
          </>
        )}
        {/* The place of a future choice "Je suis tuteur ou curateur et je crée l'espace d'une personne que je protège". */}
        {enCours && (
          <p>
            <Link className="fr-btn fr-mr-2w fr-mb-2w" href={ETAPE_CHEMINS[etapeCourante(enCours.brouillon)]}>
              Reprendre ma saisie
            </Link>
          </p>
        )}
        <form action={commencer} className="fr-mb-4w">
          <button type="submit" className={enCours ? "fr-btn fr-btn--secondary" : "fr-btn"}>
            {enCours ? "Tout recommencer" : "Commencer"}
          </button>
        </form>
        <BackLink href="/connexion">Retour à la connexion</BackLink>
      </div>
    </div>
  );
}
