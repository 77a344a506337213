import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { formatMobileForDisplay, maskMobile, MOBILE_MESSAGES, parseMobile } from "./mobile";

const ok = (value: string) => ({ ok: true, value });
const ko = (error: string) => ({ ok: false, error });

describe("parseMobile — formats acceptés", () => {
  it.each([
    "06 39 98 10 01",
    "0639981001",
    "+33 6 39 98 10 01",
    "+33639981001",
    "0033639981001",
    "0033 6 39 98 10 01",
    "06.39.98.10.01",
    "06-39-98-10-01",
    " 06 39 98 10 01\u00a0",
    "+33 (0)6 39 98 10 01",
  ])("la saisie « %s » est normalisée en +33639981001", (input) => {
    expect(parseMobile(input)).toEqual(ok("+33639981001"));
  });

  it("les mobiles métropolitains en 07 sont acceptés", () => {
    expect(parseMobile("07 45 67 89 01")).toEqual(ok("+33745678901"));
  });

  it("la tranche 06 39 98 (réservée à la fiction par l'ARCEP, nos personas) reste un numéro +33", () => {
    expect(parseMobile("0639981001")).toEqual(ok("+33639981001"));
    expect(parseMobile("06 39 98 99 99")).toEqual(ok("+33639989999"));
    expect(parseMobile("+33 6 39 98 10 01")).toEqual(ok("+33639981001"));
    expect(parseMobile("+262 6 39 98 10 01")).toEqual(ko(MOBILE_MESSAGES.indicatif));
  });

  it("hors de la tranche de fiction, un mobile en 0639 est un numéro de Mayotte (+262)", () => {
    expect(parseMobile("06 39 01 23 45")).toEqual(ok("+262639012345"));
    expect(parseMobile("06 39 40 12 34")).toEqual(ok("+262639401234"));
    expect(parseMobile("+262 639 01 23 45")).toEqual(ok("+262639012345"));
    expect(parseMobile("+33 6 39 01 23 45")).toEqual(ko(MOBILE_MESSAGES.indicatif));
  });

  it.each([
    ["0690 12 34 56", "+590690123456"],
    ["0691 22 34 56", "+590691223456"],
    ["0694 12 34 56", "+594694123456"],
    ["0696 12 34 56", "+596696123456"],
    ["0697 12 34 56", "+596697123456"],
    ["0692 12 34 56", "+262692123456"],
    ["0693 12 34 56", "+262693123456"],
    ["+590 690 12 34 56", "+590690123456"],
    ["00262 692 12 34 56", "+262692123456"],
  ])("le mobile d'outre-mer « %s » reçoit son indicatif : %s", (input, expected) => {
    expect(parseMobile(input)).toEqual(ok(expected));
  });
});

describe("parseMobile — messages d'erreur", () => {
  it("une saisie vide est signalée comme obligatoire", () => {
    expect(parseMobile("  ")).toEqual(ko(MOBILE_MESSAGES.obligatoire));
  });

  it("un numéro de fixe (01 à 05, 09) est refusé avec un message qui demande un mobile", () => {
    for (const fixe of ["01 23 45 67 89", "02 23 45 67 89", "03 23 45 67 89", "04 78 12 34 56", "05 23 45 67 89", "09 72 12 34 56", "+33 1 23 45 67 89"]) {
      expect(parseMobile(fixe)).toEqual(
        ko("Ce numéro est un numéro de téléphone fixe : saisissez un numéro de mobile (06 ou 07)."),
      );
    }
  });

  it("un numéro spécial en 08 est refusé avec un message précis", () => {
    expect(parseMobile("08 00 12 34 56")).toEqual(ko(MOBILE_MESSAGES.special));
  });

  it("un numéro étranger est refusé : les SMS ne partent que vers les mobiles français, le message le dit", () => {
    for (const foreign of ["+44 7911 123456", "+1 415 555 2671", "0044 7911 123456", "+32 470 12 34 56"]) {
      expect(parseMobile(foreign)).toEqual(ko(MOBILE_MESSAGES.etranger));
    }
    expect(MOBILE_MESSAGES.etranger).toContain("nos SMS ne sont envoyés qu'à ces numéros");
  });

  it("un 06 ou 07 hors des tranches attribuées aux mobiles est refusé comme inexistant", () => {
    for (const unassigned of ["07 00 00 00 00", "06 39 80 00 00", "0691 12 34 56"]) {
      expect(parseMobile(unassigned)).toEqual(ko(MOBILE_MESSAGES.inexistant));
    }
  });

  it("un numéro fixe d'outre-mer (0590, 0262…) est refusé comme fixe", () => {
    for (const fixe of ["05 90 12 34 56", "02 62 12 34 56", "+596 596 30 12 34"]) {
      expect(parseMobile(fixe)).toEqual(ko(MOBILE_MESSAGES.fixe));
    }
  });

  it("un nombre de chiffres incorrect est refusé avec un message sur la longueur", () => {
    for (const bad of ["06 39 98 10", "06 39 98 10 01 2", "+33 6 39 98 10", "+33", "639981001"]) {
      expect(parseMobile(bad)).toEqual(ko(MOBILE_MESSAGES.longueur));
    }
  });

  it("des lettres ou des symboles sont refusés avec un message sur les caractères", () => {
    for (const bad of ["06 39 98 10 O1", "06 39 98 10 01 poste 2", "06+39981001", "06#39981001"]) {
      expect(parseMobile(bad)).toEqual(ko(MOBILE_MESSAGES.caracteres));
    }
  });

  it("dix chiffres qui ne commencent pas par 0 sont refusés avec un message sur le début du numéro", () => {
    expect(parseMobile("6639981001")).toEqual(ko(MOBILE_MESSAGES.debut));
    expect(parseMobile("+33 0 39 98 10 01")).toEqual(ko(MOBILE_MESSAGES.debut));
  });

  it("un indicatif qui ne correspond pas à la tranche du mobile est signalé", () => {
    expect(parseMobile("+33 6 90 12 34 56")).toEqual(ko(MOBILE_MESSAGES.indicatif));
    expect(parseMobile("+590 6 12 34 56 78")).toEqual(ko(MOBILE_MESSAGES.indicatif));
    expect(parseMobile("+262 6 12 34 56 78")).toEqual(ko(MOBILE_MESSAGES.indicatif));
  });
});

describe("affichage des mobiles", () => {
  it("un numéro E.164 est affiché au format national par paires", () => {
    expect(formatMobileForDisplay("+33639981001")).toBe("06 39 98 10 01");
    expect(formatMobileForDisplay("+590690123456")).toBe("06 90 12 34 56");
    expect(formatMobileForDisplay("+262639012345")).toBe("06 39 01 23 45");
  });

  it("un numéro étranger valide (jamais produit par parseMobile) est affiché au format international", () => {
    expect(formatMobileForDisplay("+447911123456")).toBe("+44 7911 123456");
  });

  it("une valeur inattendue est affichée telle quelle", () => {
    expect(formatMobileForDisplay("n'importe quoi")).toBe("n'importe quoi");
  });

  it("le masquage ne laisse voir que la première et la dernière paire", () => {
    expect(maskMobile("+33639981001")).toBe("06 ** ** ** 01");
    expect(maskMobile("+262692123456")).toBe("06 ** ** ** 56");
    expect(maskMobile("inconnu")).toBe("** ** ** ** **");
  });
});

describe("parseMobile — propriétés", () => {
  // Any 06/07 number: some are allocated mobiles, some are not; the properties hold for those accepted.
  const nationalMobileArb = fc
    .tuple(fc.constantFrom("6", "7"), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }))
    .map(([first, rest]) => `0${first}${rest.join("")}`);
  // Numbers surely accepted: the fiction range, and real ranges of each region.
  const acceptedArb = fc
    .tuple(fc.constantFrom("063998", "061234", "074567", "063901", "069212", "069312", "069000", "069420", "069620", "069720"), fc.integer({ min: 0, max: 9999 }))
    .map(([prefix, n]) => `${prefix}${String(n).padStart(4, "0")}`);

  it("parse(format(x)) = x : la normalisation fait l'aller-retour par le format d'affichage", () => {
    fc.assert(
      fc.property(fc.oneof(nationalMobileArb, acceptedArb), (national) => {
        const r = parseMobile(national);
        if (!r.ok) {
          expect(r.error).toBe(MOBILE_MESSAGES.inexistant);
          return;
        }
        expect(r.value).toMatch(/^\+(33|262|590|594|596)[67]\d{8}$/);
        expect(formatMobileForDisplay(r.value).replace(/ /g, "")).toBe(national);
        expect(parseMobile(formatMobileForDisplay(r.value))).toEqual(r);
        expect(parseMobile(r.value)).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it("les numéros des tranches attribuées (et de la fiction) sont toujours acceptés", () => {
    fc.assert(
      fc.property(acceptedArb, (national) => {
        expect(parseMobile(national).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("les séparateurs (espaces, points, tirets) n'importe où ne changent pas le résultat", () => {
    const sepArb = fc.constantFrom("", "", " ", ".", "-", "\u00a0");
    fc.assert(
      fc.property(fc.oneof(nationalMobileArb, acceptedArb), fc.array(sepArb, { minLength: 10, maxLength: 10 }), (national, seps) => {
        const spaced = [...national].map((c, i) => c + (seps[i] ?? "")).join("");
        expect(parseMobile(spaced)).toEqual(parseMobile(national));
      }),
    );
  });

  it("une chaîne quelconque ne fait jamais planter l'analyse", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[+0-9 .()-]{0,20}$/)), (s) => {
        const r = parseMobile(s);
        expect(r.ok ? r.value : r.error).toEqual(expect.any(String));
      }),
    );
  });
});
