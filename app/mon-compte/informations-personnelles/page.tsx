import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/layout/back-link";
import { SOI, requireCanActFor } from "@/lib/access/require-can-act-for";
import { clockNow } from "@/lib/clock";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { readPersonalInformation } from "@/lib/personne/personal-information";

export const metadata: Metadata = { title: "Mes informations personnelles" };

// The identity the Caf holds for the signed-in person, and only theirs (the grant says whose). Read-only: a correction
// goes by request to the Caf.
export default async function InformationsPersonnellesPage() {
  const { grant } = await requireCanActFor(SOI, "VOIR_SES_DONNEES");
  const info = await readPersonalInformation(await db(), fieldKeysOf(appConfig()), grant, clockNow());
  if (!info) notFound();
  const rows: [string, React.ReactNode][] = [
    ["Nom de naissance", info.nomNaissance],
    ...(info.nomUsage ? ([["Nom d'usage", info.nomUsage]] as [string, React.ReactNode][]) : []),
    [info.prenoms.length > 1 ? "Prénoms" : "Prénom", info.prenoms.join(", ")],
    ["Sexe", info.sexe],
    ["Date de naissance", info.dateNaissance],
    ["Lieu de naissance", info.lieuNaissance],
    info.nirMasque
      ? [
          "Numéro de sécurité sociale",
          <>
            <span aria-hidden="true">{info.nirMasque.visuel}</span>
            <span className="fr-sr-only">{info.nirMasque.lu}</span>
            <br />
            <span className="fr-text--sm fr-mb-0">Par sécurité, seuls les premiers chiffres et la clé sont affichés.</span>
          </>,
        ]
      : ["Identifiant provisoire", info.identifiantProvisoire ?? "Aucun"],
  ];
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Mes informations personnelles</h1>
        <p>Voici les informations que votre Caf connaît sur vous. Elles viennent de votre dossier.</p>

        <h2 className="fr-h4">Mon identité</h2>
        <dl>
          {rows.map(([label, value]) => (
            <div key={label} className="fr-mb-2w">
              <dt className="fr-text--bold fr-mb-0">{label}</dt>
              <dd className="fr-ml-0">{value}</dd>
            </div>
          ))}
        </dl>

        <h2 className="fr-h4">Ma place dans le foyer</h2>
        {info.roles.length === 0 ? (
          <p>Vous ne figurez actuellement dans aucun dossier.</p>
        ) : (
          <ul>
            {info.roles.map((role) => (
              <li key={role.numeroAllocataire}>
                {role.libelle} (dossier n° {role.numeroAllocataire})
              </li>
            ))}
          </ul>
        )}

        <h2 className="fr-h4">Une information est inexacte ?</h2>
        <p>
          Vous ne pouvez pas modifier vous-même ces informations : elles servent à vous identifier. Pour en faire corriger une,
          adressez une demande de rectification à votre Caf, avec un justificatif (pièce d&apos;identité, acte de naissance ou
          attestation de droits à l&apos;assurance maladie, selon l&apos;information à corriger). Votre Caf vous répond et met votre
          dossier à jour.
        </p>
        <p>
          Votre adresse électronique et votre numéro de mobile, eux, se changent directement :{" "}
          <Link href="/mon-compte/coordonnees">mes coordonnées</Link>.
        </p>

        <div className="fr-mt-6w">
          <BackLink href="/tableau-de-bord">Retour au tableau de bord</BackLink>
        </div>
      </div>
    </div>
  );
}
