import type { Metadata } from "next";
import { communeByCode } from "@/lib/geo/communes";
import { paysByCode } from "@/lib/geo/pays";
import { CreationFrame } from "../_components/frame";
import { NaissanceForm, type NaissanceDefaults } from "../_components/naissance-form";
import { openDraftStep } from "../_lib/draft-session";

export const metadata: Metadata = { title: "Créer mon espace — votre lieu de naissance" };

export default async function NaissancePage() {
  const { brouillon } = await openDraftStep("naissance");
  const n = brouillon.naissance;
  const lock = brouillon.naissanceVerrouillee;
  const defaults: NaissanceDefaults =
    n?.lieu === "france"
      ? { lieu: "france", commune: communeByCode(n.communeCode)?.libelle ?? n.communeNom }
      : n?.lieu === "etranger"
        ? {
            lieu: "etranger",
            pays: paysByCode(n.paysCode)?.nom ?? n.paysNom,
            ville: n.ville,
            parent1Nom: n.parents[0].nomNaissance,
            parent1Prenoms: n.parents[0].prenoms.join(" "),
            parent2Nom: n.parents[1].nomNaissance,
            parent2Prenoms: n.parents[1].prenoms.join(" "),
          }
        : {};
  const verrou = lock
    ? lock.lieu === "france"
      ? { lieu: "france" as const, libelle: communeByCode(lock.communeCode)?.libelle ?? `commune de code Insee ${lock.communeCode}` }
      : { lieu: "etranger" as const, libelle: paysByCode(lock.paysCode)?.nom ?? `pays de code Insee ${lock.paysCode}` }
    : null;
  return (
    <CreationFrame etape="naissance">
      <p>Tous les champs sont obligatoires pour le lieu de naissance que vous choisissez.</p>
      <NaissanceForm defaults={defaults} verrou={verrou} />
    </CreationFrame>
  );
}
