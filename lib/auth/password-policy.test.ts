// The password policy of SPEC §2: the published rules (checked by properties over generated passwords), the
// common-password list, and the person's own names, birth date and NIR.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import personasFile from "../../prisma/seed/personas.json" with { type: "json" };
import {
  PASSWORD_MESSAGES,
  PASSWORD_RULES,
  birthDatePatterns,
  checkPassword,
  commonPasswordCount,
  foldText,
  isCommonPassword,
  type PasswordIdentity,
} from "./password-policy";

const ruleMessage = (id: string) => PASSWORD_RULES.find((r) => r.id === id)!.message;
const RULE_MESSAGES = PASSWORD_RULES.map((r) => r.message);

/** Thomas MOREAU, born 11 June 1979 (a demo persona). */
const thomas: PasswordIdentity = { nomNaissance: "MOREAU", prenoms: ["Thomas"], dateNaissance: new Date("1979-06-11T00:00:00Z"), nir: "179067505612310" };
/** Someone with a married name, two first names, a compound one, and a Corsican NIR. */
const lea: PasswordIdentity = {
  nomNaissance: "LEFEBVRE",
  nomUsage: "DE LA FONTAINE",
  prenoms: ["Léa", "Marie-Éloïse"],
  dateNaissance: "1995-07-04",
  nir: "2 95 07 2A 004 021 38",
};

const errorsOf = (password: string, person: PasswordIdentity = thomas) => {
  const result = checkPassword(password, person);
  return result.ok ? [] : result.errors;
};

// Passwords made of letters and digits that are not in the common list by construction (random mix).
const lower = fc.constantFrom(..."abcdefghijkmnpqrstuvwxyz");
const upper = fc.constantFrom(..."ABCDEFGHJKLMNPQRSTUVWXYZ");
const digit = fc.constantFrom(..."23456789");
const anyChar = fc.oneof(lower, upper, digit, fc.constantFrom(..."-_.,;:?*%#&"));

describe("règles publiées : 8 à 24 caractères, au moins 1 chiffre, 1 minuscule et 1 majuscule", () => {
  it("un mot de passe de moins de 8 caractères est refusé avec le message sur la longueur", () => {
    fc.assert(
      fc.property(fc.array(anyChar, { minLength: 0, maxLength: 7 }), (chars) => {
        expect(errorsOf(chars.join(""))).toContain(ruleMessage("longueur"));
      }),
    );
  });

  it("un mot de passe de plus de 24 caractères est refusé avec le message sur la longueur", () => {
    fc.assert(
      fc.property(fc.array(anyChar, { minLength: 25, maxLength: 128 }), (chars) => {
        expect(errorsOf(chars.join(""))).toContain(ruleMessage("longueur"));
      }),
    );
  });

  it("la longueur se compte en caractères : 8 lettres accentuées ou emoji suffisent, 25 sont de trop", () => {
    expect(errorsOf("Éé1ààààà")).not.toContain(ruleMessage("longueur"));
    expect(errorsOf("Aa1😀😀😀😀😀")).not.toContain(ruleMessage("longueur")); // 8 characters, 13 UTF-16 units
    expect(errorsOf(`Aa1${"😀".repeat(22)}`)).toContain(ruleMessage("longueur"));
  });

  it("sans chiffre, le mot de passe est refusé avec le message sur le chiffre", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(lower, upper), { minLength: 8, maxLength: 24 }), (chars) => {
        expect(errorsOf(chars.join(""))).toContain(ruleMessage("chiffre"));
      }),
    );
  });

  it("sans minuscule, le mot de passe est refusé avec le message sur la minuscule", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(upper, digit), { minLength: 8, maxLength: 24 }), (chars) => {
        expect(errorsOf(chars.join(""))).toContain(ruleMessage("minuscule"));
      }),
    );
  });

  it("sans majuscule, le mot de passe est refusé avec le message sur la majuscule", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(lower, digit), { minLength: 8, maxLength: 24 }), (chars) => {
        expect(errorsOf(chars.join(""))).toContain(ruleMessage("majuscule"));
      }),
    );
  });

  it("un mot de passe de 8 à 24 caractères avec chiffre, minuscule et majuscule respecte les quatre règles", () => {
    const valid = fc
      .tuple(lower, upper, digit, fc.array(anyChar, { minLength: 5, maxLength: 21 }))
      .chain(([l, u, d, rest]) => fc.shuffledSubarray([l, u, d, ...rest], { minLength: rest.length + 3 }))
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(valid, (password) => {
        const errors = errorsOf(password);
        for (const message of RULE_MESSAGES) expect(errors).not.toContain(message);
        for (const rule of PASSWORD_RULES) expect(rule.test(password)).toBe(true);
      }),
    );
  });

  it("les règles de la liste de contrôle disent la même chose que la vérification du serveur", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (password) => {
        const errors = errorsOf(password);
        for (const rule of PASSWORD_RULES) expect(errors.includes(rule.message)).toBe(!rule.test(password));
      }),
    );
  });

  it("les lettres accentuées comptent comme minuscules et majuscules", () => {
    expect(errorsOf("ÉCRIN8é%")).not.toContain(ruleMessage("minuscule"));
    expect(errorsOf("écrin8É%")).not.toContain(ruleMessage("majuscule"));
  });

  it("toutes les règles non respectées sont données en une fois, en français", () => {
    expect(errorsOf("kqz")).toEqual([ruleMessage("longueur"), ruleMessage("chiffre"), ruleMessage("majuscule")]);
  });
});

describe("mots de passe trop courants", () => {
  it("la liste compte au moins 10 000 mots de passe et mots courants, dont des français", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    for (const word of ["azerty", "motdepasse", "soleil", "bonjour", "doudou", "chouchou", "marseille", "loulou"]) {
      expect(isCommonPassword(word), word).toBe(true);
    }
  });

  it("un mot de passe courant est refusé sans tenir compte des majuscules", () => {
    expect(errorsOf("Azerty123")).toContain(PASSWORD_MESSAGES.courant);
    expect(errorsOf("PassWORD123")).toContain(PASSWORD_MESSAGES.courant);
  });

  it("un mot courant suivi de chiffres ou de symboles est refusé : « Soleil2024! » est « soleil »", () => {
    expect(errorsOf("Soleil2024!")).toEqual([PASSWORD_MESSAGES.courant]);
    expect(errorsOf("Bonjour123")).toEqual([PASSWORD_MESSAGES.courant]);
    expect(errorsOf("2024Marseille!")).toContain(PASSWORD_MESSAGES.courant);
  });

  it("un mot courant aux accents retirés ou aux lettres remplacées par des chiffres est refusé", () => {
    expect(errorsOf("Ecureuil2024")).toContain(PASSWORD_MESSAGES.courant);
    expect(errorsOf("P@ssw0rd1")).toContain(PASSWORD_MESSAGES.courant);
    expect(errorsOf("Ch0uch0u88")).toContain(PASSWORD_MESSAGES.courant);
  });

  it("les chiffres au milieu ne sont jamais retirés : « Soleil2026Caf » n'est pas « soleil »", () => {
    expect(isCommonPassword("Soleil2026Caf")).toBe(false);
    expect(errorsOf("Soleil2026Caf")).toEqual([]);
  });

  it("un mot de passe sans rapport avec les listes est accepté", () => {
    expect(errorsOf("Trombone7Vapeur")).toEqual([]);
    expect(errorsOf("kX9#mQ2vLp")).toEqual([]);
  });
});

describe("mots de passe construits sur l'identité de la personne", () => {
  it("le nom de naissance est refusé, en majuscules, minuscules ou sans accents", () => {
    expect(errorsOf("Moreau2024x")).toContain(PASSWORD_MESSAGES.nom);
    expect(errorsOf("xxMOREAUxx9")).toContain(PASSWORD_MESSAGES.nom);
  });

  it("le prénom est refusé, même écrit avec des chiffres à la place des lettres", () => {
    expect(errorsOf("Thomas!Xyz9")).toContain(PASSWORD_MESSAGES.nom);
    expect(errorsOf("Th0m4sKp92")).toContain(PASSWORD_MESSAGES.nom);
  });

  it("le nom d'usage, chaque prénom et les prénoms composés sont refusés, accents ou pas", () => {
    expect(errorsOf("Fontaine42Kw", lea)).toContain(PASSWORD_MESSAGES.nom);
    expect(errorsOf("Lefebvre42Kw", lea)).toContain(PASSWORD_MESSAGES.nom);
    expect(errorsOf("Eloise42Kwz", lea)).toContain(PASSWORD_MESSAGES.nom);
    expect(errorsOf("MarieEloise4K", lea)).toContain(PASSWORD_MESSAGES.nom);
    expect(errorsOf("LéaKpz42Wq", lea)).toContain(PASSWORD_MESSAGES.nom);
  });

  it("les particules de moins de 3 lettres (DE, LA) ne sont pas cherchées", () => {
    expect(errorsOf("Delta42Kwz!", lea)).not.toContain(PASSWORD_MESSAGES.nom);
  });

  it("l'année de naissance est refusée", () => {
    expect(errorsOf("Vapeur1979Kz")).toEqual([PASSWORD_MESSAGES.dateNaissance]);
  });

  it("la date de naissance est refusée sous ses formes usuelles (JJMM, JJMMAA, JJMMAAAA, AAAAMMJJ, AAMMJJ…)", () => {
    for (const digits of ["1106", "110679", "11061979", "19790611", "790611", "06111979"]) {
      expect(errorsOf(`Vapeur${digits}Kz`), digits).toContain(PASSWORD_MESSAGES.dateNaissance);
    }
    expect(errorsOf("Vap11/06/79Kz")).toContain(PASSWORD_MESSAGES.dateNaissance);
    expect(birthDatePatterns("1995-07-04")).toEqual(["1995", "0407", "040795", "04071995", "19950704", "950704", "07041995"]);
  });

  it("une date qui n'est pas celle de la personne est acceptée", () => {
    expect(errorsOf("Vapeur1983Kz")).toEqual([]);
  });

  it("6 chiffres consécutifs du NIR sont refusés, 5 sont acceptés", () => {
    expect(errorsOf("Kz7505612Vp")).toContain(PASSWORD_MESSAGES.nir);
    expect(errorsOf("Kz750562Vp")).not.toContain(PASSWORD_MESSAGES.nir);
    expect(errorsOf("Kz12310xVp5")).toEqual([]);
  });

  it("le NIR corse (2A, 2B) est découpé autour de sa lettre", () => {
    expect(errorsOf("Kz00402138Vp", lea)).toContain(PASSWORD_MESSAGES.nir);
    expect(errorsOf("Kz295072Vp", lea)).toContain(PASSWORD_MESSAGES.nir);
  });

  it("une personne sans NIR n'a pas de règle sur le NIR", () => {
    expect(errorsOf("Kz7505612Vp", { ...thomas, nir: null })).toEqual([]);
  });

  it("les lettres sans accents sont comparées sans accents", () => {
    expect(foldText("Éloïse ŒUVRE")).toBe("eloise oeuvre");
  });
});

describe("les mots de passe des personas de démonstration", () => {
  type Membre = { prenoms: string[]; nomNaissance: string; nomUsage?: string | null; dateNaissance: string; nir: string | null; motDePasse?: string };
  const people: Membre[] = [...personasFile.foyers.flatMap((f) => f.membres as Membre[]), ...(personasFile.protecteurs as Membre[])];
  const withPassword = people.filter((p) => p.motDePasse);

  it("restent acceptés pour leurs titulaires (« Garonne2026Caf », « Soleil2026Caf »…)", () => {
    expect(withPassword.length).toBeGreaterThanOrEqual(9);
    for (const person of withPassword) expect(checkPassword(person.motDePasse!, person), person.motDePasse).toEqual({ ok: true });
  });
});
