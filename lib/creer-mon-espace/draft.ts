// What "Créer mon espace" has gathered so far, step by step. The whole draft is kept server-side, encrypted
// (draft-store.ts); the browser only holds the random token that names it. Pure: no database here.
import type { Sexe } from "../identity/nir";

export type ParentDeclare = { nomNaissance: string; prenoms: string[] };

export type IdentiteBrouillon = {
  nomNaissance: string;
  nomUsage: string | null;
  prenoms: string[];
  sexe: Sexe;
  /** YYYY-MM-DD */
  dateNaissance: string;
};

export type NaissanceBrouillon =
  | { lieu: "france"; communeCode: string; communeNom: string }
  | { lieu: "etranger"; paysCode: string; paysNom: string; ville: string; parents: [ParentDeclare, ParentDeclare] };

export type NumeroBrouillon = { aUnNir: false } | { aUnNir: true; nir: string };

export type CoordonneeBrouillon = { valeur: string; confirmee: boolean };

export type Brouillon = {
  version: 1;
  /** Where the identity came from: typed here, or certified by FranceConnect (then it cannot be changed here). */
  source: "formulaire" | "franceconnect";
  identite?: IdentiteBrouillon;
  naissance?: NaissanceBrouillon;
  /** FranceConnect certified the birthplace too (a birth in France, or the country of a birth abroad). */
  naissanceVerrouillee?: { lieu: "france"; communeCode: string } | { lieu: "etranger"; paysCode: string };
  numero?: NumeroBrouillon;
  coordonnees?: { email?: CoordonneeBrouillon; mobile?: CoordonneeBrouillon };
};

export const EMPTY_DRAFT: Brouillon = { version: 1, source: "formulaire" };

export type EtapeId = "identite" | "naissance" | "numero" | "coordonnees" | "verification";

export const ETAPES: readonly EtapeId[] = ["identite", "naissance", "numero", "coordonnees", "verification"];

export const ETAPE_TITRES: Record<EtapeId, string> = {
  identite: "Votre identité",
  naissance: "Votre lieu de naissance",
  numero: "Votre numéro de sécurité sociale",
  coordonnees: "Vos coordonnées",
  verification: "Vérification et création de votre espace",
};

export const ETAPE_CHEMINS: Record<EtapeId, string> = {
  identite: "/creer-mon-espace/identite",
  naissance: "/creer-mon-espace/naissance",
  numero: "/creer-mon-espace/numero",
  coordonnees: "/creer-mon-espace/coordonnees",
  verification: "/creer-mon-espace/verification",
};

/** At least one contact detail, and every one given is confirmed by its code. */
export function coordonneesConfirmees(d: Brouillon): boolean {
  const c = d.coordonnees;
  if (!c || (!c.email && !c.mobile)) return false;
  return (!c.email || c.email.confirmee) && (!c.mobile || c.mobile.confirmee);
}

export function etapesFaites(d: Brouillon): Record<EtapeId, boolean> {
  return {
    identite: d.identite !== undefined,
    naissance: d.naissance !== undefined,
    numero: d.numero !== undefined,
    coordonnees: coordonneesConfirmees(d),
    verification: false,
  };
}

/** The first step not done yet. */
export function etapeCourante(d: Brouillon): EtapeId {
  const done = etapesFaites(d);
  return ETAPES.find((e) => !done[e]) ?? "verification";
}

/** A step opens once every step before it is done (going back to a done step is always allowed). */
export function peutOuvrir(d: Brouillon, etape: EtapeId): boolean {
  const done = etapesFaites(d);
  return ETAPES.slice(0, ETAPES.indexOf(etape)).every((e) => done[e]);
}
