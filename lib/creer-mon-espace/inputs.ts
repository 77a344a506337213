// The checks of every field of "Créer mon espace", as zod schemas: each failure is a sentence for the person.
// Pure, shared by the server actions and the tests.
import { z } from "zod";
import { parseEmail } from "../identity/email";
import { parseMobile } from "../identity/mobile";

export const NOM_MAX = 100;

export const SAISIE_MESSAGES = {
  nomNaissance: "Indiquez votre nom de naissance.",
  prenoms: "Indiquez au moins un prénom.",
  nomCaracteres:
    "Un nom ne peut contenir que des lettres (accentuées ou non), des espaces, des traits d'union et des apostrophes : pas de chiffre ni de symbole.",
  nomLongueur: `Un nom ne peut pas dépasser ${NOM_MAX} caractères.`,
  sexe: "Indiquez votre sexe, tel qu'il figure sur votre acte de naissance.",
  date: "Indiquez une date de naissance qui existe, par exemple 5 12 2001.",
  dateFuture: "La date de naissance ne peut pas être dans le futur.",
  dateAncienne: "La date de naissance ne peut pas être antérieure au 1er janvier 1900.",
  lieu: "Indiquez si vous êtes né ou née en France ou à l'étranger.",
  commune: "Indiquez votre commune de naissance.",
  pays: "Choisissez votre pays de naissance.",
  paysFrance: "Vous avez indiqué une naissance à l'étranger : choisissez un autre pays que la France, ou indiquez plutôt une naissance en France.",
  ville: "Indiquez la ville de naissance.",
  parentNom: "Indiquez le nom de naissance de ce parent.",
  parentPrenoms: "Indiquez au moins un prénom de ce parent.",
  aUnNir: "Indiquez si vous avez un numéro de sécurité sociale.",
  coordonnee: "Indiquez au moins une adresse électronique ou un numéro de mobile : votre identifiant vous y sera envoyé.",
} as const;

const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
// Letters (any script, with their accents), then letters, spaces, hyphens and apostrophes; ends with a letter.
const NAME = /^\p{L}[\p{L}\p{M} '’-]*$/u;

/** Trims and joins runs of spaces; keeps accents and case as typed. */
export function tidyName(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ");
}

function nameField(required: string) {
  return z
    .string({ error: required })
    .refine((v) => !CONTROL_OR_FORMAT.test(v), SAISIE_MESSAGES.nomCaracteres)
    .transform(tidyName)
    .pipe(
      z
        .string()
        .min(1, required)
        .max(NOM_MAX, SAISIE_MESSAGES.nomLongueur)
        .refine((v) => NAME.test(v) && !/['’-]$/.test(v), SAISIE_MESSAGES.nomCaracteres),
    );
}

/** "Marie Claire, Anne" → ["Marie Claire", "Anne"] when commas are used; otherwise one prénom per word. */
export function splitPrenoms(value: string): string[] {
  const tidy = tidyName(value);
  const parts = tidy.includes(",") ? tidy.split(",") : tidy.split(" ");
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function prenomsField(required: string) {
  return z
    .string({ error: required })
    .refine((v) => !CONTROL_OR_FORMAT.test(v), SAISIE_MESSAGES.nomCaracteres)
    .transform(splitPrenoms)
    .pipe(
      z
        .array(z.string().max(NOM_MAX, SAISIE_MESSAGES.nomLongueur).refine((v) => NAME.test(v) && !/['’-]$/.test(v), SAISIE_MESSAGES.nomCaracteres))
        .min(1, required)
        .max(10, "Indiquez au plus 10 prénoms."),
    );
}

const FIRST_DAY = "1900-01-01";

/** The birth date from three fields; `today` is YYYY-MM-DD in the portal's clock. */
export function birthDateSchema(today: string) {
  return z
    .object({ jour: z.string(), mois: z.string(), annee: z.string() })
    .transform((v, ctx) => {
      const [j, m, a] = [v.jour.trim(), v.mois.trim(), v.annee.trim()];
      if (!/^\d{1,2}$/.test(j) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(a)) {
        ctx.addIssue({ code: "custom", message: SAISIE_MESSAGES.date });
        return z.NEVER;
      }
      const iso = `${a}-${m.padStart(2, "0")}-${j.padStart(2, "0")}`;
      const date = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
        ctx.addIssue({ code: "custom", message: SAISIE_MESSAGES.date });
        return z.NEVER;
      }
      if (iso < FIRST_DAY) {
        ctx.addIssue({ code: "custom", message: SAISIE_MESSAGES.dateAncienne });
        return z.NEVER;
      }
      if (iso > today) {
        ctx.addIssue({ code: "custom", message: SAISIE_MESSAGES.dateFuture });
        return z.NEVER;
      }
      return iso;
    });
}

export function identiteSchema(today: string) {
  return z.object({
    nomNaissance: nameField(SAISIE_MESSAGES.nomNaissance),
    nomUsage: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .pipe(z.union([z.literal(""), nameField(SAISIE_MESSAGES.nomNaissance)]))
      .transform((v) => (v === "" ? null : v)),
    prenoms: prenomsField(SAISIE_MESSAGES.prenoms),
    sexe: z.enum(["F", "M"], { error: SAISIE_MESSAGES.sexe }),
    dateNaissance: birthDateSchema(today),
  });
}

export const parentSchema = z.object({ nomNaissance: nameField(SAISIE_MESSAGES.parentNom), prenoms: prenomsField(SAISIE_MESSAGES.parentPrenoms) });

/** The birthplace as typed; the commune and the country are then resolved against the State's lists. */
export const naissanceSchema = z.discriminatedUnion(
  "lieu",
  [
    z.object({ lieu: z.literal("france"), commune: z.string({ error: SAISIE_MESSAGES.commune }).trim().min(1, SAISIE_MESSAGES.commune).max(120, SAISIE_MESSAGES.commune) }),
    z.object({
      lieu: z.literal("etranger"),
      pays: z.string({ error: SAISIE_MESSAGES.pays }).trim().min(1, SAISIE_MESSAGES.pays).max(120, SAISIE_MESSAGES.pays),
      ville: nameField(SAISIE_MESSAGES.ville),
      parent1Nom: nameField(SAISIE_MESSAGES.parentNom),
      parent1Prenoms: prenomsField(SAISIE_MESSAGES.parentPrenoms),
      parent2Nom: nameField(SAISIE_MESSAGES.parentNom),
      parent2Prenoms: prenomsField(SAISIE_MESSAGES.parentPrenoms),
    }),
  ],
  { error: SAISIE_MESSAGES.lieu },
);

export const coordonneesSchema = z
  .object({
    email: z.string().optional().transform((v) => (v ?? "").trim()),
    mobile: z.string().optional().transform((v) => (v ?? "").trim()),
  })
  .transform((v, ctx) => {
    if (!v.email && !v.mobile) {
      ctx.addIssue({ code: "custom", path: ["email"], message: SAISIE_MESSAGES.coordonnee });
      return z.NEVER;
    }
    const email = v.email ? parseEmail(v.email) : null;
    const mobile = v.mobile ? parseMobile(v.mobile) : null;
    if (email && !email.ok) ctx.addIssue({ code: "custom", path: ["email"], message: email.error });
    if (mobile && !mobile.ok) ctx.addIssue({ code: "custom", path: ["mobile"], message: mobile.error });
    if ((email && !email.ok) || (mobile && !mobile.ok)) return z.NEVER;
    return { email: email?.ok ? email.value : null, mobile: mobile?.ok ? mobile.value : null };
  });
