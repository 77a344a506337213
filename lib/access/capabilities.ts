// The access table (docs/regles/acces.md): what each person may do on the dossier of their foyer. This file is
// the one statement of those rules; every page, server action, data function and the front-desk command read it
// through decideAccess() (./decide-access.ts).

/** Capabilities, named after the rows of the access table. */
export const CAPABILITIES = [
  "VOIR_SES_DONNEES",
  "MODIFIER_SES_COORDONNEES",
  "DECLARER_SEPARATION",
  "VOIR_DOSSIER",
  "FAIRE_DEMARCHES",
  "VOIR_JOURNAL_DOSSIER",
  "GERER_DELEGATION",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const CAPABILITY_LABELS: Record<Capability, string> = {
  VOIR_SES_DONNEES: "voir ses propres informations personnelles",
  MODIFIER_SES_COORDONNEES: "modifier ses propres coordonnées",
  DECLARER_SEPARATION: "déclarer une séparation",
  VOIR_DOSSIER: "voir le dossier (membres, prestations, paiements, courriers)",
  FAIRE_DEMARCHES: "faire les démarches du dossier (coordonnées bancaires, changements de situation…)",
  VOIR_JOURNAL_DOSSIER: "voir le journal des actions du dossier",
  GERER_DELEGATION: "accorder ou retirer la délégation de gestion",
};

/**
 * The place a person holds with respect to a dossier. "TIERS" is anyone the dossier does not name (another foyer's
 * member, a former member): they get nothing, and the dossier does not even exist for them.
 */
export const ACCESS_ROLES = [
  "ALLOCATAIRE",
  "CONJOINT",
  "CONJOINT_DELEGATAIRE",
  "CONJOINT_ALLOCATAIRE",
  "AUTRE_MEMBRE",
  "TIERS",
] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export const ACCESS_ROLE_LABELS: Record<AccessRole, string> = {
  ALLOCATAIRE: "allocataire",
  CONJOINT: "conjoint sans délégation",
  CONJOINT_DELEGATAIRE: "conjoint avec délégation",
  CONJOINT_ALLOCATAIRE: "conjoint allocataire",
  AUTRE_MEMBRE: "autre membre majeur du foyer",
  TIERS: "personne extérieure au dossier",
};

/** What each role means for the person, in one sentence on the tableau de bord (empty for a person outside the dossier). */
export const ACCESS_ROLE_SENTENCES: Record<AccessRole, string> = {
  ALLOCATAIRE: "Vous êtes l'allocataire de ce dossier : vous le voyez en entier et faites toutes ses démarches.",
  CONJOINT_DELEGATAIRE: "Vous êtes le conjoint ou la conjointe de l'allocataire, avec la délégation de gestion : vous voyez le dossier et faites ses démarches.",
  CONJOINT_ALLOCATAIRE: "Vous recevez une prestation à votre nom : comme conjoint allocataire, vous voyez le dossier et faites ses démarches dans votre propre espace.",
  CONJOINT: "Vous êtes le conjoint ou la conjointe de l'allocataire : vous voyez vos propres informations, modifiez vos coordonnées et pouvez déclarer une séparation. Le dossier (prestations, paiements) est géré par l'allocataire.",
  AUTRE_MEMBRE: "Vous faites partie de ce foyer : vous voyez vos propres informations et modifiez vos coordonnées. Le dossier est géré par l'allocataire.",
  TIERS: "",
};

/** How the acting person's rights on the dossier arise, as the action journal states it ("(délégation)"). */
export type AccessBasis = "titulaire" | "delegation" | "conjoint-allocataire" | "membre" | "mesure-de-protection";

export const ACCESS_BASIS_LABELS: Record<AccessBasis, string | null> = {
  titulaire: null,
  membre: null,
  delegation: "délégation",
  "conjoint-allocataire": "conjoint allocataire",
  "mesure-de-protection": "mesure de protection",
};

/** The table itself: a role's capabilities, before the conditions below. */
export const ACCESS_TABLE: Readonly<Record<AccessRole, readonly Capability[]>> = {
  ALLOCATAIRE: CAPABILITIES,
  CONJOINT: ["VOIR_SES_DONNEES", "MODIFIER_SES_COORDONNEES", "DECLARER_SEPARATION"],
  CONJOINT_DELEGATAIRE: ["VOIR_SES_DONNEES", "MODIFIER_SES_COORDONNEES", "DECLARER_SEPARATION", "VOIR_DOSSIER", "FAIRE_DEMARCHES", "VOIR_JOURNAL_DOSSIER"],
  CONJOINT_ALLOCATAIRE: ["VOIR_SES_DONNEES", "MODIFIER_SES_COORDONNEES", "DECLARER_SEPARATION", "VOIR_DOSSIER", "FAIRE_DEMARCHES", "VOIR_JOURNAL_DOSSIER"],
  AUTRE_MEMBRE: ["VOIR_SES_DONNEES", "MODIFIER_SES_COORDONNEES"],
  TIERS: [],
};

/**
 * Conditions on top of the table: the délégation exists only in a couple with a conjoint, and a separation only
 * means something for a foyer in a couple. (A tuteur's rights come from the measure: see protection-access.ts.)
 */
export function capabilitiesOf(role: AccessRole, foyer: { enCouple: boolean; aUnConjoint: boolean }): Capability[] {
  return ACCESS_TABLE[role].filter((capability) => {
    if (capability === "GERER_DELEGATION") return foyer.enCouple && foyer.aUnConjoint;
    if (capability === "DECLARER_SEPARATION") return foyer.enCouple && foyer.aUnConjoint;
    return true;
  });
}

/** Prestations that make a conjoint a "conjoint allocataire" when received in their own right. */
export const CONJOINT_ALLOCATAIRE_PRESTATIONS = ["AJPA", "BAFA", "AAH", "PALA"] as const;

/** Foyer roles that may use the foyer's dossier password for la bascule (an adult member with a dossier role). */
export const BASCULE_ROLES = ["ALLOCATAIRE", "CONJOINT", "CONJOINT_ALLOCATAIRE", "AUTRE"] as const;
