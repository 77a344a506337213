// The identity matching rules (match-identity.ts), one test per rule, with property-based tests where a rule is
// about every name rather than a few examples.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseName } from "../identity/person-name";
import { firstNamesAgree, matchAmongCandidates, matchCriteria, personneMatches, type CandidatePersonne, type IdentityPivot } from "./match-identity";

const claire: IdentityPivot = { given_name: "Claire Anne", family_name: "MARTIN", birthdate: "1988-03-14", gender: "female", birthplace: "69123", birthcountry: "99100" };
const claireEnBase: CandidatePersonne = {
  id: "claire",
  nomNaissance: "MARTIN",
  prenoms: ["Claire", "Anne"],
  sexe: "F",
  dateNaissance: new Date("1988-03-14T00:00:00Z"),
  lieuNaissancePays: "FRANCE",
  lieuNaissanceCodeInsee: "69123",
};

function matches(pivot: IdentityPivot, personne: CandidatePersonne): boolean {
  const criteria = matchCriteria(pivot);
  return criteria.ok && personneMatches(criteria.criteria, personne);
}

const fcPrenoms = (givenName: string) => givenName.trim().split(/\s+/).map(normaliseName);

describe("normalisation des noms", () => {
  it("la casse, les accents, œ et les séparateurs (tiret, apostrophe, espaces) ne comptent pas", () => {
    expect(normaliseName("Lefèvre-D’Arc")).toBe(normaliseName("LEFEVRE D'ARC"));
    expect(normaliseName("  cœur  ")).toBe("COEUR");
  });

  it("toute lettre accentuée se compare comme la même lettre sans accent, en majuscules", () => {
    const accented = fc.constantFrom(..."àâäéèêëîïôöùûüçÀÂÉÈÊËÎÏÔÙÛÇ");
    fc.assert(
      fc.property(fc.array(accented, { minLength: 1, maxLength: 12 }), (letters) => {
        const name = letters.join("");
        expect(normaliseName(name)).toBe(name.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase());
      }),
    );
  });

  it("est idempotente et ne laisse ni espace en bord ni espace double", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const once = normaliseName(name);
        expect(normaliseName(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s{2}/);
      }),
    );
  });
});

describe("prénoms : ceux de la Caf sont, dans l'ordre, les premiers prénoms donnés par FranceConnect", () => {
  it("tous les prénoms, ou seulement le premier, conviennent", () => {
    expect(firstNamesAgree(fcPrenoms("Claire Anne"), ["Claire", "Anne"])).toBe(true);
    expect(firstNamesAgree(fcPrenoms("Claire Anne"), ["Claire"])).toBe(true);
  });

  it("un autre ordre, un autre prénom ou seulement le deuxième ne conviennent pas", () => {
    expect(firstNamesAgree(fcPrenoms("Claire Anne"), ["Anne", "Claire"])).toBe(false);
    expect(firstNamesAgree(fcPrenoms("Claire Anne"), ["Anne"])).toBe(false);
    expect(firstNamesAgree(fcPrenoms("Claire Anne"), ["Claire", "Marie"])).toBe(false);
    expect(firstNamesAgree(fcPrenoms("Claire"), ["Claire", "Anne"])).toBe(false);
  });

  it("un prénom composé ne se coupe pas : « Jean » n'est pas « Jean-Pierre »", () => {
    expect(firstNamesAgree(fcPrenoms("Jean-Pierre Marie"), ["Jean"])).toBe(false);
    expect(firstNamesAgree(fcPrenoms("Jean-Pierre Marie"), ["Jean-Pierre"])).toBe(true);
    expect(firstNamesAgree(fcPrenoms("Jean-Pierre Marie"), ["Jean Pierre", "Marie"])).toBe(true);
  });

  it("pour toute liste de prénoms, chaque début de liste convient et rien d'autre", () => {
    const prenom = fc.stringMatching(/^[A-Z][a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.uniqueArray(prenom, { minLength: 1, maxLength: 4 }), fc.nat(), (prenoms, cut) => {
        const given = prenoms.join(" ");
        const count = 1 + (cut % prenoms.length);
        expect(firstNamesAgree(fcPrenoms(given), prenoms.slice(0, count))).toBe(true);
        if (prenoms.length > 1) expect(firstNamesAgree(fcPrenoms(given), prenoms.slice(1))).toBe(false);
      }),
    );
  });
});

describe("rapprochement de l'identité pivot avec une personne", () => {
  it("Claire : nom, prénoms, sexe, date et commune de naissance concordent", () => {
    expect(matches(claire, claireEnBase)).toBe(true);
  });

  it("la casse et les accents de FranceConnect n'empêchent pas le rapprochement", () => {
    expect(matches({ ...claire, family_name: "Martin", given_name: "claire anne" }, claireEnBase)).toBe(true);
    expect(matches({ ...claire, family_name: "LEFÈVRE" }, { ...claireEnBase, nomNaissance: "LEFEVRE" })).toBe(true);
  });

  it("un seul élément différent suffit à refuser le rapprochement", () => {
    expect(matches({ ...claire, family_name: "MARTINEZ" }, claireEnBase)).toBe(false);
    expect(matches({ ...claire, birthdate: "1988-03-15" }, claireEnBase)).toBe(false);
    expect(matches({ ...claire, gender: "male" }, claireEnBase)).toBe(false);
    expect(matches({ ...claire, birthplace: "69381" }, claireEnBase)).toBe(false);
    expect(matches({ ...claire, given_name: "Anne Claire" }, claireEnBase)).toBe(false);
  });

  it("le nom de naissance compte, pas le nom d'usage", () => {
    expect(matches({ ...claire, family_name: "DURAND" }, { ...claireEnBase, nomNaissance: "MARTIN" })).toBe(false);
  });

  it("les codes Insee de Corse (2A, 2B) se comparent sans tenir compte de la casse", () => {
    const lea: CandidatePersonne = { ...claireEnBase, lieuNaissanceCodeInsee: "2A004" };
    expect(matches({ ...claire, birthplace: "2a004" }, lea)).toBe(true);
  });

  it("né à l'étranger : le pays est lu dans son code COG et comparé au pays enregistré", () => {
    const aminaEnBase: CandidatePersonne = { ...claireEnBase, nomNaissance: "DIALLO", prenoms: ["Amina"], dateNaissance: new Date("2001-12-05T00:00:00Z"), lieuNaissancePays: "SENEGAL", lieuNaissanceCodeInsee: null };
    const amina: IdentityPivot = { given_name: "Amina", family_name: "DIALLO", birthdate: "2001-12-05", gender: "female", birthplace: "", birthcountry: "99341" };
    expect(matches(amina, aminaEnBase)).toBe(true);
    expect(matches({ ...amina, birthcountry: "99350" }, aminaEnBase)).toBe(false);
    expect(matches({ ...amina, birthcountry: "99100", birthplace: "75056" }, aminaEnBase)).toBe(false);
  });

  it("né en France selon FranceConnect mais à l'étranger selon la Caf (ou l'inverse) : pas de rapprochement", () => {
    expect(matches(claire, { ...claireEnBase, lieuNaissancePays: "MAROC", lieuNaissanceCodeInsee: null })).toBe(false);
  });

  it("une date incomplète (jour ou mois 00), un code pays inconnu ou une commune invalide ne se rapprochent de personne", () => {
    expect(matchCriteria({ ...claire, birthdate: "1988-00-00" })).toEqual({ ok: false, reason: "DATE_INCOMPLETE" });
    expect(matchCriteria({ ...claire, birthdate: "1988-02-30" })).toEqual({ ok: false, reason: "DATE_INCOMPLETE" });
    expect(matchCriteria({ ...claire, birthcountry: "99999", birthplace: "" })).toEqual({ ok: false, reason: "PAYS_INCONNU" });
    expect(matchCriteria({ ...claire, birthplace: "" })).toEqual({ ok: false, reason: "LIEU_INVALIDE" });
    expect(matchCriteria({ ...claire, given_name: "   " })).toEqual({ ok: false, reason: "NOM_VIDE" });
  });

  it("pour toute identité, changer la date de naissance d'un jour défait le rapprochement", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1920-01-01T00:00:00Z"), max: new Date("2010-12-31T00:00:00Z"), noInvalidDate: true }), fc.integer({ min: -400, max: 400 }).filter((d) => d !== 0), (date, shift) => {
        const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
        const other = new Date(day.getTime() + shift * 86_400_000);
        const personne = { ...claireEnBase, dateNaissance: day };
        expect(matches({ ...claire, birthdate: day.toISOString().slice(0, 10) }, personne)).toBe(true);
        expect(matches({ ...claire, birthdate: other.toISOString().slice(0, 10) }, personne)).toBe(false);
      }),
    );
  });
});

describe("limite du nombre de candidats", () => {
  const criteria = (() => {
    const parsed = matchCriteria(claire);
    if (!parsed.ok) throw new Error("critères attendus");
    return parsed.criteria;
  })();
  const namesake = (id: string): CandidatePersonne => ({ ...claireEnBase, id, nomNaissance: `AUTRE${id}` });

  it("quand la liste des candidats dépasse la limite, personne n'est rapproché, même si un seul candidat lu correspond", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), (limit, position) => {
        const candidates = Array.from({ length: limit + 1 }, (_, i) => namesake(String(i)));
        candidates[position % candidates.length] = claireEnBase;
        expect(matchAmongCandidates(criteria, candidates, limit)).toEqual({ ok: false, reason: "TROP_DE_CANDIDATS" });
      }),
    );
  });

  it("jusqu'à la limite, les candidats qui correspondent sont rendus", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), (limit, position) => {
        const candidates = Array.from({ length: limit }, (_, i) => namesake(String(i)));
        candidates[position % candidates.length] = claireEnBase;
        expect(matchAmongCandidates(criteria, candidates, limit)).toEqual({ ok: true, matches: ["claire"] });
      }),
    );
  });
});
