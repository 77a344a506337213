// The "?page=" of an "Historique des actions": a whole number from 1 to the last page served. Anything else (text,
// 0, a negative or huge number, several values) reads as the first page: a link typed by hand never breaks the page.
import { z } from "zod";

export const MAX_ACTION_PAGE = 200;

const pageSchema = z.coerce
  .number({ error: "Le numéro de page doit être un nombre." })
  .int("Le numéro de page doit être un nombre entier.")
  .min(1, "Le numéro de page commence à 1.")
  .max(MAX_ACTION_PAGE, `L'historique n'affiche pas plus de ${MAX_ACTION_PAGE} pages.`);

export function parseActionPage(value: string | string[] | undefined): number {
  if (typeof value !== "string" || !/^\d{1,4}$/.test(value)) return 1;
  const parsed = pageSchema.safeParse(value);
  return parsed.success ? parsed.data : 1;
}
