// The notice sent when a dossier's bank details change (docs/regles/coordonnees-bancaires.md): to every confirmed
// contact of the dossier's allocataire, and to the person who made the change when it was someone else. It gives the
// date, who did it and on what basis ("délégation"), and only the last 4 characters of the new IBAN. No link.
import { email, formatDateHeure, isGsm7, type MessageContent } from "./templates";

export type BankDetailsChange = {
  date: Date;
  numeroAllocataire: string;
  /** "Karim BERNARD". */
  auteur: string;
  /** "délégation", "conjoint allocataire", or null when the allocataire did it. */
  titre: string | null;
  ibanFin: string;
};

const MAX_SMS = 160;

/** To the allocataire. `parVous`: they made the change themselves. */
export function bankDetailsChanged(change: BankDetailsChange & { parVous: boolean }): MessageContent {
  const quand = formatDateHeure(change.date);
  const qui = change.parVous ? "par vous" : `par ${change.auteur}${change.titre ? ` (${change.titre})` : ""}`;
  const sms = [
    `Mon Compte : IBAN du dossier ${change.numeroAllocataire} modifie le ${quand} ${qui}. Si ce n'est pas prevu, contactez votre Caf.`,
    `Mon Compte : IBAN du dossier ${change.numeroAllocataire} modifie le ${quand}. Si ce n'est pas prevu, contactez votre Caf.`,
  ].find((texte) => texte.length <= MAX_SMS && isGsm7(texte))!;
  return {
    email: email("coordonnées bancaires de votre dossier modifiées", [
      { kind: "p", text: `Les coordonnées bancaires de votre dossier ${change.numeroAllocataire} ont été modifiées le ${quand}, ${qui}, sur Mon Compte.` },
      { kind: "p", text: `Les prestations seront désormais versées sur le compte dont l'IBAN se termine par ${change.ibanFin}.` },
      { kind: "p", text: "Si ce changement était prévu, vous n'avez rien à faire." },
      {
        kind: "warning",
        text: "Si ce changement n'était pas prévu, contactez votre Caf sans attendre : elle peut bloquer le versement sur ce compte. Changez aussi votre mot de passe.",
      },
    ]),
    sms: { texte: sms },
  };
}

/** To the person who made the change for the allocataire (délégation, conjoint allocataire). */
export function bankDetailsChangedByYou(change: Omit<BankDetailsChange, "auteur">): MessageContent {
  const quand = formatDateHeure(change.date);
  return {
    email: email("vous avez modifié des coordonnées bancaires", [
      {
        kind: "p",
        text: `Vous avez modifié le ${quand} les coordonnées bancaires du dossier ${change.numeroAllocataire}${change.titre ? ` (${change.titre})` : ""}, sur Mon Compte.`,
      },
      { kind: "p", text: `Les prestations seront désormais versées sur le compte dont l'IBAN se termine par ${change.ibanFin}. L'allocataire du dossier en est informé.` },
      {
        kind: "warning",
        text: "Si ce n'est pas vous, quelqu'un utilise votre espace : changez sans attendre votre mot de passe et contactez votre Caf.",
      },
    ]),
    sms: {
      texte: `Mon Compte : vous avez modifie l'IBAN du dossier ${change.numeroAllocataire} le ${quand}. Si ce n'est pas vous, contactez votre Caf.`,
    },
  };
}
