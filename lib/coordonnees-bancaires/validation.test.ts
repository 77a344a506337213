// The bank details rules (docs/regles/coordonnees-bancaires.md): SEPA accounts only, one precise message per failure,
// a BIC of the IBAN's country. Table-driven, plus properties over every SEPA country's IBAN format.
import fc from "fast-check";
import { composeIBAN, getCountrySpecifications, isValidIBAN } from "ibantools";
import { describe, expect, it } from "vitest";
import { BANK_MESSAGES, bicCountryFits, normaliseIban, validateBankDetails } from "./validation";

const VALID = { iban: "FR76 3000 6000 0112 3456 7890 189", bic: "BNPAFRPP", titulaire: "Sophie Bernard" };
const errorsOf = (input: Partial<typeof VALID>) => {
  const result = validateBankDetails({ ...VALID, ...input });
  return result.ok ? {} : result.fieldErrors;
};

describe("coordonnées bancaires : ce qui est accepté", () => {
  it.each([
    ["un IBAN français saisi en groupes de 4, en minuscules", { iban: "fr76 3000 6000 0112 3456 7890 189", bic: "bnpa fr pp" }],
    ["un IBAN allemand et le BIC à 11 caractères de sa banque", { iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" }],
    ["un IBAN de Monaco (zone SEPA)", { iban: "MC58 1122 2000 0101 2345 6789 030", bic: "CFMOMCMX" }],
    ["un IBAN français avec le BIC d'une banque de La Réunion", { bic: "BFCORERX" }],
    ["un IBAN avec des tirets", { iban: "FR76-3000-6000-0112-3456-7890-189" }],
  ])("%s", (_label, input) => {
    const result = validateBankDetails({ ...VALID, ...input });
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it("la forme enregistrée est l'IBAN sans espaces, en capitales, avec son pays et ses 4 derniers caractères", () => {
    expect(validateBankDetails({ ...VALID, titulaire: "  Sophie   Bernard " })).toEqual({
      ok: true,
      value: { iban: "FR7630006000011234567890189", bic: "BNPAFRPP", titulaire: "Sophie Bernard", pays: "FR", ibanFin: "0189" },
    });
  });
});

describe("coordonnées bancaires : chaque erreur a son message précis", () => {
  it.each([
    ["IBAN vide", { iban: "   " }, "iban", BANK_MESSAGES.ibanVide],
    ["IBAN avec un caractère interdit", { iban: "FR76 3000 6000 0112 3456 7890 18*" }, "iban", BANK_MESSAGES.ibanCaracteres],
    ["IBAN sans code pays", { iban: "7630006000011234567890189" }, "iban", BANK_MESSAGES.ibanPays],
    ["IBAN d'un pays inconnu", { iban: "XX76 3000 6000 0112 3456 7890 189" }, "iban", BANK_MESSAGES.ibanPays],
    ["IBAN d'un pays hors SEPA (États-Unis)", { iban: "US12 3456 7890 1234" }, "iban", BANK_MESSAGES.ibanHorsSepa("États-Unis")],
    ["IBAN d'un pays hors SEPA valide par ailleurs (Brésil)", { iban: "BR18 0036 0305 0000 1000 9795 493C 1" }, "iban", BANK_MESSAGES.ibanHorsSepa("Brésil")],
    ["IBAN d'un pays hors SEPA valide par ailleurs (Turquie)", { iban: "TR33 0006 1005 1978 6457 8413 26" }, "iban", BANK_MESSAGES.ibanHorsSepa("Turquie")],
    ["IBAN commençant par GP (outre-mer)", { iban: "GP76 3000 6000 0112 3456 7890 189" }, "iban", BANK_MESSAGES.ibanOutreMer("Guadeloupe")],
    ["IBAN français trop court", { iban: "FR76 3000 6000 0112 3456 7890 18" }, "iban", BANK_MESSAGES.ibanLongueur("France", 27, 26)],
    ["IBAN français trop long", { iban: "FR76 3000 6000 0112 3456 7890 1890" }, "iban", BANK_MESSAGES.ibanLongueur("France", 27, 28)],
    ["IBAN français avec une lettre à la place d'un chiffre", { iban: "FR76 3000 6000 0112 3456 7890 1A9" }, "iban", BANK_MESSAGES.ibanFormat("France")],
    ["IBAN avec une clé de contrôle fausse", { iban: "FR76 3000 6000 0112 3456 7890 188" }, "iban", BANK_MESSAGES.ibanCle],
    ["IBAN avec deux chiffres inversés", { iban: "FR76 3000 6000 0112 3456 7809 189" }, "iban", BANK_MESSAGES.ibanCle],
    ["BIC vide", { bic: "" }, "bic", BANK_MESSAGES.bicVide],
    ["BIC de 7 caractères", { bic: "BNPAFRP" }, "bic", BANK_MESSAGES.bicFormat],
    ["BIC de 10 caractères", { bic: "BNPAFRPPXX" }, "bic", BANK_MESSAGES.bicFormat],
    ["BIC avec un chiffre dans le code banque", { bic: "BN1AFRPP" }, "bic", BANK_MESSAGES.bicFormat],
    ["BIC d'un pays inconnu", { bic: "BNPAXXPP" }, "bic", BANK_MESSAGES.bicFormat],
    ["BIC allemand avec un IBAN français", { bic: "COBADEFFXXX" }, "bic", BANK_MESSAGES.bicPays("Allemagne", "France")],
    ["BIC français avec un IBAN allemand", { iban: "DE89 3704 0044 0532 0130 00" }, "bic", BANK_MESSAGES.bicPays("France", "Allemagne")],
    ["titulaire vide", { titulaire: "  " }, "titulaire", BANK_MESSAGES.titulaireVide],
    ["titulaire trop long", { titulaire: "A".repeat(71) }, "titulaire", BANK_MESSAGES.titulaireLong],
    ["titulaire avec des chiffres", { titulaire: "Sophie B4rnard" }, "titulaire", BANK_MESSAGES.titulaireCaracteres],
    ["titulaire avec un chevron", { titulaire: "<script>" }, "titulaire", BANK_MESSAGES.titulaireCaracteres],
  ] as const)("%s", (_label, input, field, message) => {
    expect(errorsOf(input)).toEqual({ [field]: message });
  });

  it("un champ absent ou qui n'est pas du texte est traité comme vide, sans exception", () => {
    expect(validateBankDetails({ iban: null, bic: 42, titulaire: undefined })).toEqual({
      ok: false,
      fieldErrors: { iban: BANK_MESSAGES.ibanVide, bic: BANK_MESSAGES.bicVide, titulaire: BANK_MESSAGES.titulaireVide },
    });
  });

  it("les BIC de France, de Monaco et de l'outre-mer vont ensemble ; ceux du Royaume-Uni, de Jersey et de Guernesey aussi ; pas les autres", () => {
    expect(bicCountryFits("FR", "MC")).toBe(true);
    expect(bicCountryFits("MC", "FR")).toBe(true);
    expect(bicCountryFits("FR", "GP")).toBe(true);
    expect(bicCountryFits("GB", "JE")).toBe(true);
    expect(bicCountryFits("FR", "BE")).toBe(false);
    expect(bicCountryFits("GB", "FR")).toBe(false);
  });
});

// ── Properties over every SEPA country's format ──────────────────────────────────────────────────────────────
const specs = getCountrySpecifications();
const SEPA = Object.entries(specs).filter(([, s]) => s.SEPA && s.bban_regexp && s.chars);
const DIGITS = "0123456789";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A random BBAN matching a country's pattern, e.g. ^[0-9]{10}[A-Z0-9]{11}[0-9]{2}$. */
function bbanArbitrary(pattern: string): fc.Arbitrary<string> {
  const parts = [...pattern.matchAll(/\[([^\]]+)\]\{(\d+)\}/g)].map(([, set = "", count]) => {
    const alphabet = (set.includes("0-9") ? DIGITS : "") + (set.includes("A-Z") ? LETTERS : "") + (set.includes("a-z") ? LETTERS.toLowerCase() : "");
    return fc.array(fc.constantFrom(...alphabet), { minLength: Number(count), maxLength: Number(count) }).map((chars) => chars.join(""));
  });
  return fc.tuple(...parts).map((p) => p.join(""));
}

const validSepaIban = fc
  .constantFrom(...SEPA)
  .chain(([country, spec]) => bbanArbitrary(spec.bban_regexp!).map((bban) => composeIBAN({ countryCode: country, bban })))
  .filter((iban): iban is string => iban !== null && isValidIBAN(iban));

describe("coordonnées bancaires : propriétés sur tous les formats de la zone SEPA", () => {
  it("tout IBAN valide d'un pays SEPA, saisi en groupes de 4 et en minuscules, est accepté et retrouvé tel quel", () => {
    fc.assert(
      fc.property(validSepaIban, fc.boolean(), (iban, lower) => {
        const typed = (iban.match(/.{1,4}/g) ?? []).join(" ");
        const input = lower ? typed.toLowerCase() : typed;
        expect(normaliseIban(input)).toBe(iban);
        const bic = `ABCD${iban.slice(0, 2)}PP`;
        const result = validateBankDetails({ iban: input, bic, titulaire: "Jeanne Dupont" });
        expect(result.ok, `${iban} ${JSON.stringify(result)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("changer un seul caractère d'un IBAN valide (un chiffre pour un autre, une lettre pour une autre) le fait toujours refuser", () => {
    fc.assert(
      fc.property(validSepaIban, fc.nat(), fc.nat(), (iban, at, by) => {
        const position = 2 + (at % (iban.length - 2));
        const original = iban[position]!;
        const alphabet = DIGITS.includes(original) ? DIGITS : LETTERS;
        const others = [...alphabet].filter((c) => c !== original);
        const changed = iban.slice(0, position) + others[by % others.length] + iban.slice(position + 1);
        const result = validateBankDetails({ iban: changed, bic: `ABCD${iban.slice(0, 2)}PP`, titulaire: "Jeanne Dupont" });
        expect(result.ok, `${iban} → ${changed}`).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
