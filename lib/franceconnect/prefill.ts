// The identity FranceConnect certified, as the portal's own fields: what the "no match" page shows and what
// prefills "Créer mon espace".
import { countryNameFromCog, FRANCE_COG } from "./birth-country";
import type { PrefillIdentity } from "./franceconnect-cookies";

export type IdentityFields = {
  nomNaissance: string;
  nomUsage: string;
  prenoms: string;
  sexe: "F" | "M";
  jour: string;
  mois: string;
  annee: string;
  neEnFrance: boolean;
  /** "FRANCE", a country name, or "code pays 99xxx" when our table does not know the code. */
  paysNaissance: string;
  /** INSEE commune code, for people born in France. */
  communeNaissance: string;
};

export function identityFields(identity: PrefillIdentity): IdentityFields {
  const [annee = "", mois = "", jour = ""] = identity.birthdate.split("-");
  const neEnFrance = identity.birthcountry === FRANCE_COG;
  return {
    nomNaissance: identity.family_name,
    nomUsage: identity.preferred_username ?? "",
    prenoms: identity.given_name,
    sexe: identity.gender === "female" ? "F" : "M",
    jour,
    mois,
    annee,
    neEnFrance,
    paysNaissance: countryNameFromCog(identity.birthcountry) ?? `code pays ${identity.birthcountry}`,
    communeNaissance: neEnFrance ? identity.birthplace : "",
  };
}
