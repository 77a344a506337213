// The bank details form: IBAN, BIC and holder, checked with ibantools (a maintained library that follows the SWIFT
// IBAN registry), with one precise French message per failure. Pure: no database, no secret (docs/regles/coordonnees-bancaires.md).
//
// - The IBAN is normalised first (spaces, dashes and dots removed, capitals): "fr76 3000 6000…" is accepted.
// - Only accounts of the SEPA zone can receive the Caf's payments: the country code is checked before the rest, so
//   that a non-SEPA IBAN gets that reason and not a checksum one.
// - The IBANs of the French overseas departments are FR IBANs: one typed with GP, MQ, RE… is told so.
// - The BIC must belong to the IBAN's country (its letters 5–6), with the groups of countries that share one IBAN
//   format: France, Monaco and the French overseas territories together; the United Kingdom with Guernsey, Jersey
//   and the Isle of Man.
import { electronicFormatIBAN, extractBIC, getCountrySpecifications, isValidBIC, validateIBAN, ValidationErrorsIBAN } from "ibantools";
import { z } from "zod";

export type BankField = "iban" | "bic" | "titulaire";

export type ValidBankDetails = {
  /** Electronic form: capitals, no spaces. */
  iban: string;
  bic: string;
  titulaire: string;
  pays: string;
  ibanFin: string;
};

const specs = getCountrySpecifications();

/** The French name of a country ("États-Unis"), or its code when the runtime does not know it. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["fr"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Overseas departments and collectivities whose accounts have FR IBANs. */
const FRENCH_OVERSEAS = ["GF", "GP", "MQ", "RE", "YT", "PM", "BL", "MF"] as const;
/** Countries whose BICs go with each other's IBANs. */
const BIC_GROUPS: readonly (readonly string[])[] = [
  ["FR", "MC", ...FRENCH_OVERSEAS, "NC", "PF", "WF"],
  ["GB", "GG", "JE", "IM"],
];

export function bicCountryFits(ibanCountry: string, bicCountry: string): boolean {
  if (ibanCountry === bicCountry) return true;
  return BIC_GROUPS.some((group) => group.includes(ibanCountry) && group.includes(bicCountry));
}

export const BANK_MESSAGES = {
  ibanVide: "Indiquez l'IBAN du compte : il figure sur votre relevé d'identité bancaire (RIB).",
  ibanCaracteres: "L'IBAN ne contient que des lettres et des chiffres (les espaces sont acceptés) : vérifiez ce que vous avez saisi.",
  ibanPays: "L'IBAN commence par le code du pays de la banque, en 2 lettres (par exemple FR pour la France), suivi de 2 chiffres.",
  ibanOutreMer: (pays: string) =>
    `Les comptes ouverts dans les départements et collectivités d'outre-mer (ici : ${pays}) ont un IBAN qui commence par FR : recopiez l'IBAN tel qu'il figure sur votre RIB.`,
  ibanHorsSepa: (pays: string) =>
    `Les IBAN de ce pays (${pays}) ne sont pas acceptés : seuls les comptes ouverts dans un pays de la zone SEPA (Union européenne, Islande, Liechtenstein, Norvège, Suisse, Royaume-Uni, Monaco, Saint-Marin, Andorre, Vatican) peuvent recevoir les paiements de la Caf.`,
  ibanLongueur: (pays: string, attendu: number, saisi: number) =>
    `Un IBAN de ce pays (${pays}) compte ${attendu} caractères : vous en avez saisi ${saisi}. Vérifiez qu'il n'en manque pas ou qu'il n'y en a pas en trop.`,
  ibanFormat: (pays: string) =>
    `Cet IBAN n'a pas la forme de ceux de ce pays (${pays}) : une lettre a sans doute été saisie à la place d'un chiffre, ou l'inverse. Vérifiez chaque caractère.`,
  ibanCle: "Cet IBAN n'est pas valide : la clé de contrôle ne correspond pas, vérifiez chaque caractère (un chiffre inversé ou mal recopié suffit).",
  bicVide: "Indiquez le BIC (ou code SWIFT) de la banque : il figure sur votre RIB, sous l'IBAN.",
  bicFormat:
    "Le BIC compte 8 ou 11 caractères : 4 lettres pour la banque, 2 lettres pour le pays, 2 lettres ou chiffres pour la ville, puis parfois 3 pour l'agence (par exemple BNPAFRPP ou BNPAFRPPXXX).",
  bicPays: (paysBic: string, paysIban: string) =>
    `Ce BIC est celui d'une banque d'un autre pays (${paysBic}) que celui de l'IBAN (${paysIban}) : recopiez le BIC qui figure sur le même RIB que l'IBAN.`,
  titulaireVide: "Indiquez le nom du titulaire du compte, tel qu'il figure sur le RIB.",
  titulaireLong: "Le nom du titulaire ne peut pas dépasser 70 caractères : abrégez-le comme sur votre RIB.",
  titulaireCaracteres: "Le nom du titulaire ne contient que des lettres, des espaces, des apostrophes, des traits d'union et des points.",
} as const;

/** Electronic form of what was typed: spaces, dashes and dots removed, capitals. */
export function normaliseIban(value: string): string {
  return (electronicFormatIBAN(value.replace(/[.\u00a0\u202f]/g, "")) ?? "").toUpperCase();
}

export function normaliseBic(value: string): string {
  return value.replace(/[\s.\-\u00a0\u202f]/g, "").toUpperCase();
}

/** The reason this IBAN is refused, or null when it is a valid IBAN of a SEPA country. */
export function ibanProblem(normalised: string): string | null {
  if (normalised.length === 0) return BANK_MESSAGES.ibanVide;
  if (!/^[A-Z0-9]+$/.test(normalised)) return BANK_MESSAGES.ibanCaracteres;
  const country = normalised.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(country) || !specs[country] || !/^[0-9]{2}/.test(normalised.slice(2, 4))) return BANK_MESSAGES.ibanPays;
  const name = countryName(country);
  if ((FRENCH_OVERSEAS as readonly string[]).includes(country)) return BANK_MESSAGES.ibanOutreMer(name);
  if (!specs[country].SEPA) return BANK_MESSAGES.ibanHorsSepa(name);
  const expected = specs[country].chars;
  if (expected && normalised.length !== expected) return BANK_MESSAGES.ibanLongueur(name, expected, normalised.length);
  const { valid, errorCodes } = validateIBAN(normalised, { allowQRIBAN: true });
  if (valid) return null;
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength)) return BANK_MESSAGES.ibanLongueur(name, expected ?? 0, normalised.length);
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) return BANK_MESSAGES.ibanFormat(name);
  return BANK_MESSAGES.ibanCle;
}

/** The reason this BIC is refused (for an IBAN of `ibanCountry`, when it is valid), or null. */
export function bicProblem(normalised: string, ibanCountry: string | null): string | null {
  if (normalised.length === 0) return BANK_MESSAGES.bicVide;
  if (!/^[A-Z0-9]{8}([A-Z0-9]{3})?$/.test(normalised) || !isValidBIC(normalised)) return BANK_MESSAGES.bicFormat;
  const bicCountry = extractBIC(normalised).countryCode ?? "";
  if (ibanCountry && !bicCountryFits(ibanCountry, bicCountry)) return BANK_MESSAGES.bicPays(countryName(bicCountry), countryName(ibanCountry));
  return null;
}

const HOLDER = /^[\p{L}][\p{L}\p{M} '’.\-]*$/u;

const text = (max: number) =>
  z.preprocess((value) => (typeof value === "string" ? value.slice(0, max) : ""), z.string());

/** The form's schema: each field's first problem becomes its message; the output is ready to store. */
export const bankDetailsSchema = z
  .object({
    iban: text(80).transform(normaliseIban),
    bic: text(40).transform(normaliseBic),
    titulaire: text(200).transform((value) => value.trim().replace(/\s+/g, " ")),
  })
  .superRefine((value, ctx) => {
    const iban = ibanProblem(value.iban);
    if (iban) ctx.addIssue({ code: "custom", path: ["iban"], message: iban });
    const bic = bicProblem(value.bic, iban ? null : value.iban.slice(0, 2));
    if (bic) ctx.addIssue({ code: "custom", path: ["bic"], message: bic });
    if (value.titulaire.length === 0) ctx.addIssue({ code: "custom", path: ["titulaire"], message: BANK_MESSAGES.titulaireVide });
    else if (value.titulaire.length > 70) ctx.addIssue({ code: "custom", path: ["titulaire"], message: BANK_MESSAGES.titulaireLong });
    else if (!HOLDER.test(value.titulaire)) ctx.addIssue({ code: "custom", path: ["titulaire"], message: BANK_MESSAGES.titulaireCaracteres });
  })
  .transform((value): ValidBankDetails => ({ ...value, pays: value.iban.slice(0, 2), ibanFin: value.iban.slice(-4) }));

export type BankValidation = { ok: true; value: ValidBankDetails } | { ok: false; fieldErrors: Partial<Record<BankField, string>> };

export function validateBankDetails(input: { iban: unknown; bic: unknown; titulaire: unknown }): BankValidation {
  const parsed = bankDetailsSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: Partial<Record<BankField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as BankField;
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

/** "FR76 •••• … 0189" is hard to read aloud: the page says "compte en France, IBAN se terminant par 0189". */
export function maskedIban(pays: string, ibanFin: string): string {
  return `${pays}•• •••• •••• •••• ${ibanFin}`;
}
