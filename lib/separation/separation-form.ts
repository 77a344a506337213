// The "Déclarer une séparation" form: the date of the separation (a real date, not in the future, not before the
// couple is known on the dossier) and the confirmation box. Plain functions, so the rules are unit-tested.
import { z } from "zod";
import { formatDateFr } from "../auth/format-date";

export type SeparationField = "dateSeparation" | "confirmation";

/** Today's date in metropolitan French time, as a UTC midnight (the shape of a DATE column). */
export function todayInParis(now: Date): Date {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now).split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** "2026-03-15" (a date field) or "15/03/2026" (typed by hand) → the date, or "illisible" / "inexistante". */
export function parseDateSaisie(value: string): Date | "illisible" | "inexistante" {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const parts = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : fr ? [Number(fr[3]), Number(fr[2]), Number(fr[1])] : null;
  if (!parts) return "illisible";
  const [y, m, d] = parts as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return "inexistante";
  return date;
}

const two = (n: number) => String(n).padStart(2, "0");
const ddmmyyyy = (value: string) => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
};

/** The schema, for a couple known on the dossier since `debutCouple`, on the day `today`. */
export function separationSchema({ debutCouple, today }: { debutCouple: Date; today: Date }) {
  return z.object({
    dateSeparation: z
      .string({ error: "Indiquez la date de votre séparation." })
      .trim()
      .min(1, { error: "Indiquez la date de votre séparation." })
      .transform((value, ctx) => {
        const date = parseDateSaisie(value);
        if (date === "illisible") {
          ctx.addIssue({ code: "custom", message: "La date de séparation n'est pas lisible : indiquez-la sous la forme JJ/MM/AAAA, par exemple 15/03/2026." });
          return z.NEVER;
        }
        if (date === "inexistante") {
          ctx.addIssue({ code: "custom", message: `La date du ${ddmmyyyy(value)} n'existe pas : vérifiez le jour et le mois.` });
          return z.NEVER;
        }
        if (date > today) {
          ctx.addIssue({ code: "custom", message: "La date de séparation ne peut pas être dans le futur : indiquez la date à laquelle vous vous êtes séparés, au plus tard aujourd'hui." });
          return z.NEVER;
        }
        if (date < debutCouple) {
          ctx.addIssue({
            code: "custom",
            message: `La date de séparation ne peut pas précéder le ${formatDateFr(debutCouple)}, date à partir de laquelle votre couple est connu de la Caf sur ce dossier.`,
          });
          return z.NEVER;
        }
        return date;
      }),
    confirmation: z.literal("oui", { error: "Cochez la case pour confirmer que vous déclarez votre séparation." }),
  });
}

/** "2026-03-15" for a DATE value (the journal and the form's value). */
export function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
}
