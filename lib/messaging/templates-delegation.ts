// Messages about the délégation de gestion and the separation, to the person the change concerns (the conjoint who
// receives or loses the délégation, the other member of a couple when a separation is declared). Same rules as
// ./templates.ts: no link, a reminder to type the portal's address, SMS in one GSM 03.38 segment (no accents
// outside that alphabet).
import { email, formatDateHeure, type MessageContent } from "./templates";

/** To the conjoint: the allocataire has just given them the délégation de gestion of the dossier. */
export function delegationReceived({ date, delegant }: { date: Date; delegant: string }): MessageContent {
  const quand = formatDateHeure(date);
  return {
    email: email("vous gérez maintenant le dossier de votre foyer", [
      { kind: "p", text: `Le ${quand}, ${delegant} vous a confié la délégation de gestion de votre dossier Caf.` },
      {
        kind: "p",
        text: "Dans votre espace Mon Compte, avec vos propres identifiants, vous voyez désormais tout le dossier et vous pouvez faire les démarches. Chacune de vos actions est enregistrée à votre nom.",
      },
      { kind: "p", text: `${delegant} peut retirer cette délégation à tout moment ; vous en serez alors informé.` },
    ]),
    sms: { texte: `Mon Compte : le ${quand}, la gestion du dossier Caf de votre foyer vous a ete deleguee.` },
  };
}

/** To the conjoint: the délégation they had is withdrawn, or ended because a separation was declared. */
export function delegationEnded({ date, cause }: { date: Date; cause: "retrait" | "separation" }): MessageContent {
  const quand = formatDateHeure(date);
  const why =
    cause === "retrait"
      ? `Le ${quand}, l'allocataire de votre dossier Caf vous a retiré la délégation de gestion.`
      : `Le ${quand}, une séparation a été déclarée sur votre dossier Caf : la délégation de gestion qui vous était confiée a pris fin.`;
  return {
    email: email("fin de votre délégation de gestion du dossier", [
      { kind: "p", text: why },
      {
        kind: "p",
        text: "Dans votre espace Mon Compte, vous ne voyez plus que vos propres informations. Vos sessions ouvertes ont été fermées : reconnectez-vous si besoin.",
      },
    ]),
    sms: {
      texte:
        cause === "retrait"
          ? `Mon Compte : le ${quand}, la delegation de gestion du dossier Caf vous a ete retiree.`
          : `Mon Compte : le ${quand}, une separation a ete declaree, votre delegation de gestion a pris fin.`,
    },
  };
}

/** To the other member of the couple: a separation was declared on the dossier. */
export function separationDeclared({ date, declarant, delegationTerminee }: { date: Date; declarant: string; delegationTerminee: boolean }): MessageContent {
  const quand = formatDateHeure(date);
  return {
    email: email("séparation déclarée sur votre dossier", [
      { kind: "p", text: `Le ${quand}, ${declarant} a déclaré à la Caf votre séparation, depuis son espace Mon Compte.` },
      ...(delegationTerminee
        ? [{ kind: "p" as const, text: "La délégation de gestion du dossier qui vous était confiée a pris fin : vous ne voyez plus que vos propres informations, et vos sessions ouvertes ont été fermées." }]
        : []),
      { kind: "p", text: "La Caf va examiner cette déclaration. Elle reviendra vers vous si elle a besoin d'informations de votre part." },
      { kind: "warning", text: "Si cette déclaration vous semble erronée, contactez votre Caf." },
    ]),
    sms: { texte: `Mon Compte : le ${quand}, une separation a ete declaree sur votre dossier Caf. En cas d'erreur, contactez votre Caf.` },
  };
}
