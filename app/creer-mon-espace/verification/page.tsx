import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { displayContact } from "@/lib/contacts/contact-details";
import { decideNir } from "@/lib/creer-mon-espace/nir-check";
import { ETAPE_CHEMINS } from "@/lib/creer-mon-espace/draft";
import { formatNir } from "@/lib/identity/nir";
import { CreationFrame } from "../_components/frame";
import { CreerForm } from "../_components/creer-form";
import { openDraftStep } from "../_lib/draft-session";

export const metadata: Metadata = { title: "Créer mon espace — vérification" };

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="fr-mb-1w">
      <dt className="fr-text--bold fr-mb-0">{label}</dt>
      <dd className="fr-ml-0">{value}</dd>
    </div>
  );
}

export default async function VerificationPage() {
  const { brouillon } = await openDraftStep("verification");
  const { identite, naissance, numero, coordonnees } = brouillon;
  if (!identite || !naissance || !numero || !coordonnees) return null;
  const [a, m, j] = identite.dateNaissance.split("-");
  const decision = numero.aUnNir ? decideNir(numero.nir, identite, naissance) : null;
  return (
    <CreationFrame etape="verification">
      <p>Vérifiez vos informations. Pour corriger une étape, suivez son lien « Modifier » : le reste est gardé.</p>
      <h2 className="fr-h5">Identité</h2>
      <dl>
        <Row label="Nom de naissance" value={identite.nomNaissance} />
        {identite.nomUsage && <Row label="Nom d'usage" value={identite.nomUsage} />}
        <Row label="Prénoms" value={identite.prenoms.join(", ")} />
        <Row label="Sexe" value={identite.sexe === "F" ? "Féminin" : "Masculin"} />
        <Row label="Date de naissance" value={`${j}/${m}/${a}`} />
      </dl>
      <p>
        <Link className="fr-link" href={ETAPE_CHEMINS.identite}>
          Modifier mon identité
        </Link>
      </p>
      <h2 className="fr-h5">Lieu de naissance</h2>
      <dl>
        {naissance.lieu === "france" ? (
          <Row label="Commune" value={`${naissance.communeNom} (code Insee ${naissance.communeCode})`} />
        ) : (
          <>
            <Row label="Pays et ville" value={`${naissance.ville}, ${naissance.paysNom}`} />
            <Row label="Premier parent" value={`${naissance.parents[0].prenoms.join(" ")} ${naissance.parents[0].nomNaissance}`} />
            <Row label="Second parent" value={`${naissance.parents[1].prenoms.join(" ")} ${naissance.parents[1].nomNaissance}`} />
          </>
        )}
      </dl>
      <p>
        <Link className="fr-link" href={ETAPE_CHEMINS.naissance}>
          Modifier mon lieu de naissance
        </Link>
      </p>
      <h2 className="fr-h5">Numéro de sécurité sociale</h2>
      <p>{numero.aUnNir ? formatNir(numero.nir) : "Vous n'avez pas indiqué de numéro : vous recevrez un identifiant provisoire."}</p>
      {decision && !decision.ok && (
        <Alert
          severity="warning"
          small
          className="fr-mb-2w"
          description={`Ce numéro ne correspond pas à l'identité indiquée : ${decision.raisons.join(" ")} Si vous continuez, vous recevrez un identifiant provisoire, et la Caf vérifiera votre numéro. Vous pouvez aussi corriger votre saisie.`}
        />
      )}
      <p>
        <Link className="fr-link" href={ETAPE_CHEMINS.numero}>
          Modifier mon numéro
        </Link>
      </p>
      <h2 className="fr-h5">Coordonnées confirmées</h2>
      <dl>
        {coordonnees.email && <Row label="Adresse électronique" value={coordonnees.email.valeur} />}
        {coordonnees.mobile && <Row label="Mobile" value={displayContact("MOBILE", coordonnees.mobile.valeur)} />}
      </dl>
      <p>
        <Link className="fr-link" href={`${ETAPE_CHEMINS.coordonnees}?modifier=1`}>
          Modifier mes coordonnées
        </Link>
      </p>
      <p>Ensuite, vous accepterez les conditions générales d&apos;utilisation et choisirez votre mot de passe.</p>
      <CreerForm />
    </CreationFrame>
  );
}
