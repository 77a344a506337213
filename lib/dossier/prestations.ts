// Names of the prestations as the portal shows them, and how amounts and payment dates are written.

export const PRESTATION_LABELS: Record<string, string> = {
  AF: "Allocations familiales",
  APL: "Aide personnalisée au logement",
  PAJE: "Prestation d'accueil du jeune enfant",
  PA: "Prime d'activité",
  AAH: "Allocation aux adultes handicapés",
  ASF: "Allocation de soutien familial",
  AJPA: "Allocation journalière du proche aidant",
  BAFA: "Aide au brevet d'aptitude aux fonctions d'animateur (BAFA)",
  PALA: "Prêt à l'amélioration du lieu d'accueil",
};

export function prestationLabel(code: string): string {
  return PRESTATION_LABELS[code] ?? code;
}

const EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** "1 033,32 €" (with the narrow spaces French typography uses). */
export function formatEuros(centimes: number): string {
  return EUROS.format(centimes / 100);
}

/** Payments for a month are made on the 5th of the following month: the next payment day on or after `now`. */
export function nextPaymentDay(now: Date): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const day = now.getUTCDate();
  return new Date(Date.UTC(year, day <= 5 ? month : month + 1, 5));
}

const MONTH = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/** "novembre 2026": the month a payment is for. */
export function formatPeriode(periode: Date): string {
  return MONTH.format(periode);
}
