// The catalogue of the action journal (docs/regles/historique-des-actions.md): for every type of journal entry the
// code writes, whether a person is shown it in "Historique des actions" and in which words. Connections and purely
// technical entries stay internal (the connections have their own page, "Historique de mes connexions").
// A new journal type must be added here: a unit test scans the code for the types it writes.
import { ACCESS_BASIS_LABELS, type AccessBasis } from "../access/capabilities";

/**
 * - "demarche": a démarche on a dossier, shown to whoever may see the dossier's journal, and to the person it concerns;
 * - "donnees": a change to a person's own data, shown to that person;
 * - "securite": an event about the person's account they should know of (suspension, reset, code requested…).
 * - "interne": kept for the Caf only (connections, refused requests, technical limits).
 */
export type ActionCategory = "demarche" | "donnees" | "securite" | "interne";

export type ActionLabel = {
  categorie: ActionCategory;
  /** The beginning of the sentence: "Coordonnées bancaires modifiées". */
  libelle: string;
  /** For entries about someone other than the actor: how the sentence names that person ("accordée à Karim BERNARD"). */
  sujetApres?: "à";
  /** Said after the people: "à l'accueil de la Caf". */
  suffixe?: string;
  /** The actor is not named (another person's action the reader must not learn of, or a Caf agent at the desk). */
  acteurMasque?: true;
};

export const ACTION_LABELS = {
  // Démarches on a dossier.
  COORDONNEES_BANCAIRES_MODIFIEES: { categorie: "demarche", libelle: "Coordonnées bancaires modifiées" },
  SEPARATION_DECLAREE: { categorie: "demarche", libelle: "Séparation déclarée" },
  DELEGATION_ACCORDEE: { categorie: "demarche", libelle: "Délégation de gestion du dossier accordée", sujetApres: "à" },
  DELEGATION_RETIREE: { categorie: "demarche", libelle: "Délégation de gestion du dossier retirée", sujetApres: "à" },
  DELEGATION_NON_ACCORDEE: { categorie: "demarche", libelle: "Délégation de gestion du dossier non accordée", sujetApres: "à" },
  DELEGATION_TERMINEE_SEPARATION: { categorie: "demarche", libelle: "Délégation de gestion du dossier terminée par la séparation" },
  DOSSIER_CONSULTE_GUICHET: { categorie: "demarche", libelle: "Informations du dossier données", sujetApres: "à", suffixe: "à l'accueil de la Caf", acteurMasque: true },

  // Changes to the person's own data.
  COORDONNEE_MODIFIEE: { categorie: "donnees", libelle: "Coordonnée modifiée" },
  COORDONNEE_CHANGEMENT_DEMANDE: { categorie: "donnees", libelle: "Changement de coordonnée demandé, en attente de son code" },
  COORDONNEE_SUPPRIMEE: { categorie: "donnees", libelle: "Coordonnée supprimée" },
  COORDONNEES_ENREGISTREES: { categorie: "donnees", libelle: "Adresse électronique et numéro de mobile enregistrés" },
  COORDONNEE_CONFIRMEE: { categorie: "donnees", libelle: "Coordonnée confirmée par un code" },
  COORDONNEE_RETIREE_CONFIRMEE_AILLEURS: { categorie: "donnees", libelle: "Coordonnée non confirmée retirée : une autre personne l'a confirmée comme la sienne", acteurMasque: true },
  MOT_DE_PASSE_CHOISI: { categorie: "donnees", libelle: "Mot de passe personnel choisi" },
  MOT_DE_PASSE_MODIFIE: { categorie: "donnees", libelle: "Mot de passe modifié" },
  MOT_DE_PASSE_REINITIALISE: { categorie: "donnees", libelle: "Mot de passe réinitialisé après un oubli" },
  CGU_ACCEPTEES: { categorie: "donnees", libelle: "Conditions générales d'utilisation acceptées" },
  CGU_REFUSEES: { categorie: "donnees", libelle: "Conditions générales d'utilisation refusées" },
  COMPTE_ACTIVE: { categorie: "donnees", libelle: "Espace personnel activé" },
  ESPACE_CREE: { categorie: "donnees", libelle: "Espace personnel créé" },
  IMMATRICULATION: { categorie: "securite", libelle: "Numéro de sécurité sociale enregistré par la Caf : il remplace l'identifiant provisoire", acteurMasque: true },
  COMPTE_CREE_FRANCECONNECT: { categorie: "donnees", libelle: "Espace personnel créé avec FranceConnect" },
  FRANCECONNECT_LIE: { categorie: "donnees", libelle: "Compte FranceConnect associé à l'espace" },

  // Events on the person's account they should know of.
  COMPTE_SUSPENDU: { categorie: "securite", libelle: "Espace suspendu" },
  COMPTE_REACTIVE: { categorie: "securite", libelle: "Espace réactivé" },
  CHANGEMENT_MOT_DE_PASSE_EXIGE: { categorie: "securite", libelle: "Changement de mot de passe demandé" },
  COMPTE_REINITIALISE: { categorie: "securite", libelle: "Espace remis à l'état non activé" },
  COMPTE_PROTEGE_PAR_CODE: { categorie: "securite", libelle: "Connexion protégée par un code après des échecs répétés" },
  CHANGEMENT_MOT_DE_PASSE_REFUSE: { categorie: "securite", libelle: "Changement de mot de passe refusé : mot de passe actuel incorrect" },
  IDENTIFIANT_RAPPELE: { categorie: "securite", libelle: "Identifiant envoyé sur demande" },
  MOT_DE_PASSE_OUBLIE_DEMANDE: { categorie: "securite", libelle: "Code de réinitialisation du mot de passe demandé" },

  // Internal: connections (on "Historique de mes connexions"), refusals, limits, wizard steps.
  CONNEXION_REUSSIE: { categorie: "interne", libelle: "Connexion" },
  CONNEXION_BASCULE: { categorie: "interne", libelle: "Connexion avec le mot de passe du dossier" },
  CONNEXION_ECHOUEE: { categorie: "interne", libelle: "Connexion échouée" },
  CONNEXION_IDENTIFIANT_PROVISOIRE_REMPLACE: { categorie: "interne", libelle: "Connexion refusée : identifiant provisoire remplacé par le NIR" },
  CREATION_ESPACE_REFUSEE_DEJA_EXISTANT: { categorie: "interne", libelle: "Création d'espace refusée : un espace existe déjà" },
  CONNEXION_REFUSEE_COMPTE_SUSPENDU: { categorie: "interne", libelle: "Connexion refusée : espace suspendu" },
  CONNEXION_FRANCECONNECT: { categorie: "interne", libelle: "Connexion avec FranceConnect" },
  CONNEXION_FRANCECONNECT_ANNULEE: { categorie: "interne", libelle: "Connexion avec FranceConnect annulée" },
  CONNEXION_FRANCECONNECT_REFUSEE: { categorie: "interne", libelle: "Connexion avec FranceConnect refusée" },
  FRANCECONNECT_AUCUNE_CORRESPONDANCE: { categorie: "interne", libelle: "Identité FranceConnect sans correspondance" },
  FRANCECONNECT_PLUSIEURS_CORRESPONDANCES: { categorie: "interne", libelle: "Identité FranceConnect à plusieurs correspondances" },
  FRANCECONNECT_LIEN_REFUSE: { categorie: "interne", libelle: "Association FranceConnect refusée" },
  FRANCECONNECT_MINEUR_SANS_ESPACE: { categorie: "interne", libelle: "Connexion avec FranceConnect refusée : personne mineure sans espace" },
  DOUBLE_AUTHENTIFICATION_REUSSIE: { categorie: "interne", libelle: "Code de connexion validé" },
  DECONNEXION: { categorie: "interne", libelle: "Déconnexion" },
  DECONNEXION_FRANCECONNECT_NON_CONFIRMEE: { categorie: "interne", libelle: "Retour de déconnexion FranceConnect non reconnu" },
  ETAPE_COORDONNEES_TERMINEE: { categorie: "interne", libelle: "Étape des coordonnées terminée" },
  ACCES_REFUSE: { categorie: "interne", libelle: "Accès refusé" },
  GUICHET_RIEN_COMMUNIQUE: { categorie: "interne", libelle: "Demande à l'accueil de la Caf sans information communicable" },
  JOURNAL_LIMITE_ATTEINTE: { categorie: "interne", libelle: "Limite du journal atteinte" },
  CGU_PUBLIEES: { categorie: "interne", libelle: "Nouvelle version des conditions générales publiée" },
} as const satisfies Record<string, ActionLabel>;

export type ActionType = keyof typeof ACTION_LABELS;

export function actionLabel(type: string): ActionLabel | null {
  return Object.hasOwn(ACTION_LABELS, type) ? ACTION_LABELS[type as ActionType] : null;
}

/** The types shown in a category, for the queries (`type IN (…)`). */
export function typesOf(...categories: ActionCategory[]): string[] {
  return Object.entries(ACTION_LABELS)
    .filter(([, label]) => categories.includes(label.categorie))
    .map(([type]) => type);
}

import { displayName } from "../identity/person-name";

export { displayName };

export type JournalRow = {
  type: string;
  acteur: string | null;
  sujetId: string | null;
  details: unknown;
};

export type SentenceContext = {
  /** The person reading: their own actions read "par vous". */
  viewerId: string;
  /** Display names of the people the rows name (actors and subjects), by personne id. */
  names: ReadonlyMap<string, string>;
  /** The dossier's number, when the row concerns one. */
  numeroAllocataire: string | null;
};

function detail(details: unknown, key: string): unknown {
  return details && typeof details === "object" && !Array.isArray(details) ? (details as Record<string, unknown>)[key] : undefined;
}

function personne(id: string | null, ctx: SentenceContext): string {
  if (!id) return "une personne";
  if (id === ctx.viewerId) return "vous";
  return ctx.names.get(id) ?? "une personne qui n'est plus enregistrée";
}

/** "par Karim BERNARD (délégation)", "par vous", "par la Caf", "automatiquement". */
function byWhom(row: JournalRow, ctx: SentenceContext): string {
  const acteur = row.acteur ?? "systeme";
  if (acteur === "systeme") return "automatiquement";
  if (acteur.startsWith("operateur:")) return "par la Caf";
  const titre = detail(row.details, "titre");
  const qualifier = typeof titre === "string" && Object.hasOwn(ACCESS_BASIS_LABELS, titre) ? ACCESS_BASIS_LABELS[titre as AccessBasis] : null;
  return `par ${personne(acteur, ctx)}${qualifier ? ` (${qualifier})` : ""}`;
}

const COORDONNEE_NAMES: Record<string, string> = { EMAIL: "Adresse électronique", MOBILE: "Numéro de mobile" };

function libelleOf(row: JournalRow, label: ActionLabel): string {
  // The contact detail concerned, when the entry says which (never its value).
  const which = detail(row.details, "coordonnee") ?? detail(row.details, "canal");
  if ((row.type === "COORDONNEE_MODIFIEE" || row.type === "COORDONNEE_CONFIRMEE") && typeof which === "string" && COORDONNEE_NAMES[which]) {
    return `${COORDONNEE_NAMES[which]} ${row.type === "COORDONNEE_MODIFIEE" ? "modifié" : "confirmé"}${which === "EMAIL" ? "e" : ""}${row.type === "COORDONNEE_CONFIRMEE" ? " par un code" : ""}`;
  }
  if (row.type === "COORDONNEE_SUPPRIMEE" && typeof which === "string" && COORDONNEE_NAMES[which]) {
    return `${COORDONNEE_NAMES[which]} supprimé${which === "EMAIL" ? "e" : ""}`;
  }
  if (row.type === "COORDONNEE_CHANGEMENT_DEMANDE" && typeof which === "string" && COORDONNEE_NAMES[which]) {
    return `Changement ${which === "EMAIL" ? "d'adresse électronique" : "de numéro de mobile"} demandé, en attente de son code`;
  }
  return label.libelle;
}

/**
 * The sentence a person reads for one journal entry: "Coordonnées bancaires modifiées par Karim BERNARD (délégation)
 * pour le dossier 0523456". Null for a type that is internal or unknown.
 */
export function actionSentence(row: JournalRow, ctx: SentenceContext): string | null {
  const label = actionLabel(row.type);
  if (!label || label.categorie === "interne") return null;
  const parts = [libelleOf(row, label)];
  const { sujetApres, suffixe, acteurMasque } = label as ActionLabel;
  // The person concerned, unless it is the actor, or the reader (in their own history, "à vous" goes without saying).
  if (sujetApres && row.sujetId && row.sujetId !== row.acteur && row.sujetId !== ctx.viewerId) parts.push(`${sujetApres} ${personne(row.sujetId, ctx)}`);
  if (suffixe) parts.push(suffixe);
  if (!acteurMasque) parts.push(byWhom(row, ctx));
  if (ctx.numeroAllocataire) parts.push(`pour le dossier ${ctx.numeroAllocataire}`);
  return parts.join(" ");
}
