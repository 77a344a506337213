import type { Metadata } from "next";
import { IdentitySummary } from "@/components/franceconnect/identity-summary";
import { paysByCode } from "@/lib/geo/pays";
import { CreationFrame } from "../_components/frame";
import { IdentiteForm } from "../_components/identite-form";
import { openDraftStep } from "../_lib/draft-session";

export const metadata: Metadata = { title: "Créer mon espace — votre identité" };

export default async function IdentitePage() {
  const { brouillon } = await openDraftStep("identite");
  const id = brouillon.identite;
  const [annee = "", mois = "", jour = ""] = (id?.dateNaissance ?? "").split("-");
  const verrouillee = brouillon.source === "franceconnect" && id !== undefined;
  const lieu = brouillon.naissanceVerrouillee;
  return (
    <CreationFrame etape="identite">
      {verrouillee && id ? (
        <>
          <p>FranceConnect a certifié votre identité : elle est reprise telle quelle. Seul votre nom d&apos;usage peut être ajouté.</p>
          <IdentitySummary
            fields={{
              nomNaissance: id.nomNaissance,
              nomUsage: id.nomUsage ?? "",
              prenoms: id.prenoms.join(" "),
              sexe: id.sexe,
              jour,
              mois,
              annee,
              neEnFrance: lieu?.lieu === "france",
              paysNaissance: lieu?.lieu === "etranger" ? (paysByCode(lieu.paysCode)?.nom ?? `code pays ${lieu.paysCode}`) : "FRANCE",
              communeNaissance: lieu?.lieu === "france" ? lieu.communeCode : "",
            }}
          />
        </>
      ) : (
        <p>Indiquez votre identité telle qu&apos;elle figure sur votre acte de naissance ou votre pièce d&apos;identité. Tous les champs sont obligatoires, sauf le nom d&apos;usage.</p>
      )}
      <IdentiteForm
        verrouillee={verrouillee}
        defaults={{ nomNaissance: id?.nomNaissance ?? "", nomUsage: id?.nomUsage ?? "", prenoms: id?.prenoms.join(" ") ?? "", sexe: id?.sexe ?? "", jour, mois, annee }}
      />
    </CreationFrame>
  );
}
