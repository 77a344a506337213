// The pages of the account space and the capability each needs (lib/access): the tableau de bord shows a link only
// when the person has it, and each page checks it again itself.
import type { Capability } from "@/lib/access/capabilities";

export type DossierLink = { capability: Capability; label: string; href: (numero: string) => string };

/** Démarches and pages on a dossier, in the order the tableau de bord lists them. */
export const DOSSIER_LINKS: readonly DossierLink[] = [
  { capability: "VOIR_DOSSIER", label: "Voir le dossier : foyer, prestations et paiements", href: (n) => `/mon-compte/dossier/${n}` },
  { capability: "FAIRE_DEMARCHES", label: "Modifier les coordonnées bancaires", href: (n) => `/mon-compte/dossier/${n}/coordonnees-bancaires` },
  { capability: "DECLARER_SEPARATION", label: "Déclarer une séparation", href: (n) => `/mon-compte/dossier/${n}/separation` },
  { capability: "GERER_DELEGATION", label: "Délégation de gestion du dossier", href: (n) => `/mon-compte/dossier/${n}/delegation` },
  { capability: "VOIR_JOURNAL_DOSSIER", label: "Historique des actions du dossier", href: (n) => `/mon-compte/dossier/${n}/historique` },
];

/** The person's own pages: every person with an account has them. */
export const PERSONAL_LINKS: readonly { label: string; href: string }[] = [
  { label: "Mes informations personnelles", href: "/mon-compte/informations-personnelles" },
  { label: "Mes coordonnées", href: "/mon-compte/coordonnees" },
  { label: "Historique des actions", href: "/mon-compte/historique-des-actions" },
  { label: "Historique de mes connexions", href: "/mon-compte/connexions" },
  { label: "Changer mon mot de passe", href: "/mon-compte/mot-de-passe" },
];
