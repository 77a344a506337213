// Dates and times as people read them in France ("12 novembre 2026 à 18 h 04"), in Paris time.
const DATE = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
const TIME = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

export function formatDateFr(date: Date): string {
  return DATE.format(date).replace(/^1 /, "1er "); // "1er juillet", as French writes the first of the month
}

export function formatTimeFr(date: Date): string {
  const [hours, minutes] = TIME.format(date).split(":");
  return `${hours} h ${minutes}`;
}

export function formatDateTimeFr(date: Date): string {
  return `${formatDateFr(date)} à ${formatTimeFr(date)}`;
}
