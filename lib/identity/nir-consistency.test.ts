import { describe, expect, it } from "vitest";
import fc from "fast-check";
import paysData from "../geo/pays-insee.json";
import { communeActuelleDe, communeCodes } from "../geo/communes";
import { checkNirConsistency } from "./nir-consistency";
import { parseLoginIdentifier } from "./login-identifier";
import { checkNirMatchesIdentity, computeNirKey, NIR_IDENTITY_MESSAGES, parseNir, villeDeLArrondissement, type Sexe } from "./nir";

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const withKey = (thirteen: string) => thirteen + computeNirKey(thirteen);

/** A NIR for someone of this sex, born in this year and month, at this place (5-character INSEE code). */
function nirFor(sexe: Sexe, dateNaissance: string, lieu: string, ordre = "045"): string {
  const [yyyy = "", mm = ""] = dateNaissance.split("-");
  return withKey(`${sexe === "M" ? "1" : "2"}${yyyy.slice(2)}${mm}${lieu}${ordre}`);
}

const enFrance = (codeInsee: string) => ({ pays: "FRANCE", codeInsee });
const aLEtranger = (pays: string, codeInsee?: string) => (codeInsee ? { pays, codeInsee } : { pays });

interface Case {
  rule: string;
  nir: string;
  sexe: Sexe;
  dateNaissance: string;
  lieuNaissance: { pays: string; codeInsee?: string };
  errors: string[];
}

const { dateAlgerie: DATE_ALGERIE, dateMaroc: DATE_MAROC, dateTunisie: DATE_TUNISIE } = NIR_IDENTITY_MESSAGES;

const CASES: Case[] = [
  { rule: "née à Alger en 1955 : département 91 (Algérie avant l'indépendance)", nir: nirFor("F", "1955-04-12", "91352"), sexe: "F", dateNaissance: "1955-04-12", lieuNaissance: aLEtranger("ALGERIE"), errors: [] },
  { rule: "né à Oran en 1961, déclaré avec le code pays de l'Algérie : département 92", nir: nirFor("M", "1961-12-01", "92136"), sexe: "M", dateNaissance: "1961-12-01", lieuNaissance: aLEtranger("Algérie", "99352"), errors: [] },
  { rule: "né en Algérie après le 3 juillet 1962 avec un département 91 : la date ne va pas", nir: nirFor("M", "1963-02-01", "91352"), sexe: "M", dateNaissance: "1963-02-01", lieuNaissance: aLEtranger("ALGERIE"), errors: [DATE_ALGERIE] },
  { rule: "né à Tunis en février 1956 : département 96", nir: nirFor("M", "1956-02-10", "96101"), sexe: "M", dateNaissance: "1956-02-10", lieuNaissance: aLEtranger("TUNISIE", "99351"), errors: [] },
  { rule: "né en Tunisie en avril 1956 avec un département 96 : la date ne va pas", nir: nirFor("M", "1956-04-10", "96101"), sexe: "M", dateNaissance: "1956-04-10", lieuNaissance: aLEtranger("TUNISIE"), errors: [DATE_TUNISIE] },
  { rule: "département 96 déclaré né au Maroc : le pays ne va pas", nir: nirFor("M", "1950-04-10", "96101"), sexe: "M", dateNaissance: "1950-04-10", lieuNaissance: aLEtranger("MAROC"), errors: [NIR_IDENTITY_MESSAGES.pays] },
  { rule: "département 96 déclaré né en France", nir: nirFor("M", "1950-04-10", "96101"), sexe: "M", dateNaissance: "1950-04-10", lieuNaissance: enFrance("69123"), errors: [NIR_IDENTITY_MESSAGES.neTunisieDeclareFrance] },
  { rule: "née à Casablanca en 1950 : département 95 (Maroc avant l'indépendance)", nir: nirFor("F", "1950-06-01", "95120"), sexe: "F", dateNaissance: "1950-06-01", lieuNaissance: aLEtranger("MAROC"), errors: [] },
  { rule: "née au Maroc en 1957 avec un département 95 : la date ne va pas", nir: nirFor("F", "1957-06-01", "95120"), sexe: "F", dateNaissance: "1957-06-01", lieuNaissance: aLEtranger("MAROC"), errors: [DATE_MAROC] },
  { rule: "département 91 déclaré né en Espagne : 91 est l'Essonne ou l'Algérie, pas l'Espagne", nir: nirFor("F", "1955-04-12", "91352"), sexe: "F", dateNaissance: "1955-04-12", lieuNaissance: aLEtranger("ESPAGNE"), errors: [NIR_IDENTITY_MESSAGES.neEnFranceDeclareEtranger] },
  { rule: "née à Évry (Essonne) en 1990 : département 91 en France", nir: nirFor("F", "1990-04-12", "91228"), sexe: "F", dateNaissance: "1990-04-12", lieuNaissance: enFrance("91228"), errors: [] },
  { rule: "né à Paris 15e (75115), déclarant Paris", nir: nirFor("M", "1986-11-05", "75115"), sexe: "M", dateNaissance: "1986-11-05", lieuNaissance: enFrance("75056"), errors: [] },
  { rule: "né à Paris 15e (75115), déclarant Paris 15e", nir: nirFor("M", "1986-11-05", "75115"), sexe: "M", dateNaissance: "1986-11-05", lieuNaissance: enFrance("75115"), errors: [] },
  { rule: "née à Lyon 3e (69383), déclarant Lyon", nir: nirFor("F", "1988-03-14", "69383"), sexe: "F", dateNaissance: "1988-03-14", lieuNaissance: enFrance("69123"), errors: [] },
  { rule: "né à Marseille 5e (13205), déclarant Marseille", nir: nirFor("M", "1972-05-30", "13205"), sexe: "M", dateNaissance: "1972-05-30", lieuNaissance: enFrance("13055"), errors: [] },
  { rule: "né à Marseille 5e, déclarant Lyon : le département ne va pas", nir: nirFor("M", "1972-05-30", "13205"), sexe: "M", dateNaissance: "1972-05-30", lieuNaissance: enFrance("69123"), errors: [NIR_IDENTITY_MESSAGES.departement] },
  { rule: "né à Ajaccio en 1970 : département 20 (Corse avant 1976)", nir: nirFor("M", "1970-08-01", "20004"), sexe: "M", dateNaissance: "1970-08-01", lieuNaissance: enFrance("2A004"), errors: [] },
  { rule: "née à Bastia en 1960 : département 20", nir: nirFor("F", "1960-08-01", "20033"), sexe: "F", dateNaissance: "1960-08-01", lieuNaissance: enFrance("2B033"), errors: [] },
  { rule: "née à Ajaccio en 1995 : département 2A", nir: nirFor("F", "1995-07-04", "2A004"), sexe: "F", dateNaissance: "1995-07-04", lieuNaissance: enFrance("2A004"), errors: [] },
  { rule: "né à Bastia en 1980 : département 2B", nir: nirFor("M", "1980-01-04", "2B033"), sexe: "M", dateNaissance: "1980-01-04", lieuNaissance: enFrance("2B033"), errors: [] },
  { rule: "né à Bastia en 1980 (2B), déclarant Ajaccio : le département ne va pas", nir: nirFor("M", "1980-01-04", "2B033"), sexe: "M", dateNaissance: "1980-01-04", lieuNaissance: enFrance("2A004"), errors: [NIR_IDENTITY_MESSAGES.departement] },
  { rule: "née à Basse-Terre (Guadeloupe)", nir: nirFor("F", "1990-02-03", "97105"), sexe: "F", dateNaissance: "1990-02-03", lieuNaissance: enFrance("97105"), errors: [] },
  { rule: "né à Saint-Denis de La Réunion", nir: nirFor("M", "2001-09-09", "97411"), sexe: "M", dateNaissance: "2001-09-09", lieuNaissance: enFrance("97411"), errors: [] },
  { rule: "né à Saint-Denis de La Réunion, déclarant Saint-Denis (93) : le département ne va pas", nir: nirFor("M", "2001-09-09", "97411"), sexe: "M", dateNaissance: "2001-09-09", lieuNaissance: enFrance("93066"), errors: [NIR_IDENTITY_MESSAGES.departement] },
  { rule: "né à Saint-Barthélemy en 1995, quand c'était la Guadeloupe (97123), déclarant Saint-Barthélemy", nir: nirFor("M", "1995-09-09", "97123"), sexe: "M", dateNaissance: "1995-09-09", lieuNaissance: enFrance("97701"), errors: [] },
  { rule: "née à Nouméa (988)", nir: nirFor("F", "1993-10-10", "98818"), sexe: "F", dateNaissance: "1993-10-10", lieuNaissance: enFrance("98818"), errors: [] },
  { rule: "née à Saint-Bois (01340), commune fusionnée dans Arboys en Bugey", nir: nirFor("F", "1970-01-15", "01340"), sexe: "F", dateNaissance: "1970-01-15", lieuNaissance: enFrance("01015"), errors: [] },
  { rule: "né à Annecy-le-Vieux (74011), aujourd'hui Annecy", nir: nirFor("M", "1980-01-15", "74011"), sexe: "M", dateNaissance: "1980-01-15", lieuNaissance: enFrance("74010"), errors: [] },
  { rule: "né à Annecy-le-Vieux, déclarant Chambéry : même région, autre département", nir: nirFor("M", "1980-01-15", "74011"), sexe: "M", dateNaissance: "1980-01-15", lieuNaissance: enFrance("73065"), errors: [NIR_IDENTITY_MESSAGES.departement] },
  { rule: "né à Annecy-le-Vieux, déclarant Thonon-les-Bains : même département, autre commune", nir: nirFor("M", "1980-01-15", "74011"), sexe: "M", dateNaissance: "1980-01-15", lieuNaissance: enFrance("74281"), errors: [NIR_IDENTITY_MESSAGES.commune] },
  { rule: "un code commune que la liste ne garde pas : seul le département est comparé", nir: nirFor("F", "1950-01-15", "01999"), sexe: "F", dateNaissance: "1950-01-15", lieuNaissance: enFrance("01053"), errors: [] },
  { rule: "un code commune que la liste ne garde pas, dans un autre département", nir: nirFor("F", "1950-01-15", "01999"), sexe: "F", dateNaissance: "1950-01-15", lieuNaissance: enFrance("69123"), errors: [NIR_IDENTITY_MESSAGES.departement] },
  { rule: "né à Boulogne-Billancourt en 1960, quand c'était la Seine (75)", nir: nirFor("M", "1960-03-03", "75012"), sexe: "M", dateNaissance: "1960-03-03", lieuNaissance: enFrance("92012"), errors: [] },
  { rule: "né à Versailles en 1960, Seine-et-Oise (78), déclarant Argenteuil (95)", nir: nirFor("M", "1960-03-03", "78646"), sexe: "M", dateNaissance: "1960-03-03", lieuNaissance: enFrance("95018"), errors: [] },
  { rule: "né en 1980 avec un code de Paris, déclarant Boulogne-Billancourt : le département ne va pas", nir: nirFor("M", "1980-03-03", "75115"), sexe: "M", dateNaissance: "1980-03-03", lieuNaissance: enFrance("92012"), errors: [NIR_IDENTITY_MESSAGES.departement] },
  { rule: "Amina, née à Dakar (99341)", nir: nirFor("F", "2001-12-05", "99341"), sexe: "F", dateNaissance: "2001-12-05", lieuNaissance: aLEtranger("SENEGAL", "99341"), errors: [] },
  { rule: "née à Dakar, déclarant le Maroc : le pays ne va pas", nir: nirFor("F", "2001-12-05", "99341"), sexe: "F", dateNaissance: "2001-12-05", lieuNaissance: aLEtranger("MAROC"), errors: [NIR_IDENTITY_MESSAGES.pays] },
  { rule: "né à Hong Kong (99230), déclarant la Chine", nir: nirFor("M", "1990-12-05", "99230"), sexe: "M", dateNaissance: "1990-12-05", lieuNaissance: aLEtranger("CHINE"), errors: [] },
  { rule: "né en Tchécoslovaquie (99115, pays disparu), déclarant la Tchéquie : seule la naissance à l'étranger se compare", nir: nirFor("M", "1980-12-05", "99115"), sexe: "M", dateNaissance: "1980-12-05", lieuNaissance: aLEtranger("Tchéquie", "99116"), errors: [] },
  { rule: "né à l'étranger, déclaré né en France", nir: nirFor("M", "1980-12-05", "99341"), sexe: "M", dateNaissance: "1980-12-05", lieuNaissance: enFrance("69123"), errors: [NIR_IDENTITY_MESSAGES.neEtrangerDeclareFrance] },
  { rule: "né en France, déclaré né au Sénégal", nir: nirFor("M", "1980-12-05", "69123"), sexe: "M", dateNaissance: "1980-12-05", lieuNaissance: aLEtranger("SENEGAL"), errors: [NIR_IDENTITY_MESSAGES.neEnFranceDeclareEtranger] },
  { rule: "un sexe différent", nir: nirFor("F", "1988-03-14", "69383"), sexe: "M", dateNaissance: "1988-03-14", lieuNaissance: enFrance("69123"), errors: [NIR_IDENTITY_MESSAGES.sexe] },
  { rule: "une année différente", nir: nirFor("F", "1988-03-14", "69383"), sexe: "F", dateNaissance: "1989-03-14", lieuNaissance: enFrance("69123"), errors: [NIR_IDENTITY_MESSAGES.annee] },
  { rule: "un mois différent", nir: nirFor("F", "1988-03-14", "69383"), sexe: "F", dateNaissance: "1988-04-14", lieuNaissance: enFrance("69123"), errors: [NIR_IDENTITY_MESSAGES.mois] },
  { rule: "un département différent", nir: nirFor("F", "1988-03-14", "69383"), sexe: "F", dateNaissance: "1988-03-14", lieuNaissance: enFrance("44109"), errors: [NIR_IDENTITY_MESSAGES.departement] },
  { rule: "une date qui n'existe pas", nir: nirFor("F", "1988-02-14", "69383"), sexe: "F", dateNaissance: "1988-02-30", lieuNaissance: enFrance("69123"), errors: [NIR_IDENTITY_MESSAGES.dateInvalide] },
];

describe("checkNirConsistency — cas réels", () => {
  for (const c of CASES) {
    it(`${c.rule}${c.errors.length === 0 ? " : cohérent" : " : signalé"}`, () => {
      const result = checkNirConsistency(c.nir, { sexe: c.sexe, dateNaissance: c.dateNaissance, lieuNaissance: c.lieuNaissance });
      expect(result).toEqual(c.errors.length === 0 ? { ok: true } : { ok: false, errors: c.errors });
    });
  }

  it("les arrondissements sont exactement 75101–75120, 69381–69389 et 13201–13216", () => {
    for (const [code, ville] of [["75101", "75056"], ["75120", "75056"], ["69381", "69123"], ["69389", "69123"], ["13201", "13055"], ["13216", "13055"]]) {
      expect(villeDeLArrondissement(code as string)).toBe(ville);
    }
    for (const code of ["75100", "75121", "75056", "69380", "69390", "69123", "13200", "13217", "13055"]) {
      expect(villeDeLArrondissement(code)).toBeNull();
    }
  });

  it("un NIR du département 96 est accepté à la connexion", () => {
    const nir = nirFor("M", "1956-02-10", "96101");
    expect(parseNir(nir)).toMatchObject({ ok: true, value: { departement: "96", neEtranger: false } });
    expect(parseLoginIdentifier(nir)).toEqual({ ok: true, kind: "nir", value: nir });
  });

  it("une clé fausse donne le message de la clé, sans comparer l'identité", () => {
    const nir = nirFor("F", "1988-03-14", "69383");
    const wrong = nir.slice(0, 13) + pad((Number(nir.slice(13)) % 97) + 1, 2);
    expect(checkNirConsistency(wrong, { sexe: "M", dateNaissance: "1988-03-14", lieuNaissance: enFrance("69123") })).toEqual({
      ok: false,
      errors: ["La clé de contrôle ne correspond pas au numéro saisi."],
    });
  });

  it("les phrases disent ce qui diffère sans jamais citer le numéro", () => {
    for (const c of CASES) {
      const r = checkNirConsistency(c.nir, { sexe: c.sexe, dateNaissance: c.dateNaissance, lieuNaissance: c.lieuNaissance });
      if (r.ok) continue;
      for (const sentence of r.errors) {
        expect(sentence).toMatch(/^[A-ZÉ].*\.$/);
        expect(sentence).not.toContain(c.nir.slice(5, 10));
      }
    }
  });

  it("sans la liste de l'État, une ancienne commune n'est pas reconnue : c'est la liste qui la rattache", () => {
    const nir = parseNir(nirFor("F", "1970-01-15", "01340"));
    if (!nir.ok) throw new Error(nir.error);
    const identity = { sexe: "F" as const, dateNaissance: "1970-01-15", lieuNaissance: enFrance("01015") };
    expect(checkNirMatchesIdentity(nir.value, identity)).toEqual({ ok: false, errors: [NIR_IDENTITY_MESSAGES.commune] });
    expect(checkNirConsistency(nir.value, identity)).toEqual({ ok: true });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const CODES = communeCodes();
const PAYS_ETRANGERS = (paysData as { code: string; nom: string }[]).filter((p) => p.code !== "99100");
const sexeArb = fc.constantFrom<Sexe>("M", "F");
const dateArb = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
const ordreArb = fc.integer({ min: 1, max: 999 }).map((n) => pad(n, 3));

describe("checkNirConsistency — propriétés", () => {
  it("une personne née dans n'importe quelle commune connue, ancienne ou arrondissement, qui déclare la commune d'aujourd'hui, est cohérente", () => {
    fc.assert(
      fc.property(sexeArb, dateArb("1900-01-01", "2026-11-30"), fc.constantFrom(...CODES), ordreArb, fc.boolean(), (sexe, date, code, ordre, declareToday) => {
        const declared = declareToday ? (communeActuelleDe(code) as string) : code;
        expect(checkNirConsistency(nirFor(sexe, date, code, ordre), { sexe, dateNaissance: date, lieuNaissance: enFrance(declared) })).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it("une personne née en Corse avant 1976 avec le département 20 est cohérente avec sa commune 2A ou 2B", () => {
    const corse = CODES.filter((c) => c.startsWith("2A") || c.startsWith("2B"));
    fc.assert(
      fc.property(sexeArb, dateArb("1900-01-01", "1975-12-31"), fc.constantFrom(...corse), (sexe, date, code) => {
        const nir = nirFor(sexe, date, `20${code.slice(2)}`);
        expect(checkNirConsistency(nir, { sexe, dateNaissance: date, lieuNaissance: enFrance(code) })).toEqual({ ok: true });
      }),
    );
  });

  it("une personne née à l'étranger qui déclare son pays, par son nom ou son code, est cohérente", () => {
    fc.assert(
      fc.property(sexeArb, dateArb("1900-01-01", "2026-11-30"), fc.constantFrom(...PAYS_ETRANGERS), fc.boolean(), (sexe, date, pays, byName) => {
        const lieu = byName ? aLEtranger(pays.nom) : aLEtranger("PAYS", pays.code);
        expect(checkNirConsistency(nirFor(sexe, date, pays.code), { sexe, dateNaissance: date, lieuNaissance: lieu })).toEqual({ ok: true });
      }),
    );
  });

  it("une personne née avant l'indépendance en Algérie, au Maroc ou en Tunisie est cohérente avec son pays", () => {
    const territoires = [
      { departements: ["91", "92", "93", "94"], pays: "ALGERIE", avant: "1962-07-02" },
      { departements: ["95"], pays: "MAROC", avant: "1956-03-01" },
      { departements: ["96"], pays: "TUNISIE", avant: "1956-03-19" },
    ];
    fc.assert(
      fc.property(sexeArb, fc.constantFrom(...territoires), fc.nat(), fc.integer({ min: 0, max: 999 }), (sexe, t, i, commune) => {
        const dept = t.departements[i % t.departements.length] as string;
        return fc.assert(
          fc.property(dateArb("1900-01-01", t.avant), (date) => {
            const nir = nirFor(sexe, date, `${dept}${pad(commune, 3)}`);
            expect(checkNirConsistency(nir, { sexe, dateNaissance: date, lieuNaissance: aLEtranger(t.pays) })).toEqual({ ok: true });
          }),
          { numRuns: 5 },
        );
      }),
      { numRuns: 40 },
    );
  });

  it("un sexe inversé donne exactement la phrase sur le sexe", () => {
    fc.assert(
      fc.property(sexeArb, dateArb("1900-01-01", "2026-11-30"), fc.constantFrom(...CODES), (sexe, date, code) => {
        const autre: Sexe = sexe === "M" ? "F" : "M";
        expect(checkNirConsistency(nirFor(sexe, date, code), { sexe: autre, dateNaissance: date, lieuNaissance: enFrance(code) })).toEqual({
          ok: false,
          errors: [NIR_IDENTITY_MESSAGES.sexe],
        });
      }),
      { numRuns: 100 },
    );
  });

  it("une commune d'aujourd'hui d'un autre département (après 1976) donne exactement la phrase sur le département", () => {
    const actuelles = CODES.filter((c) => communeActuelleDe(c) === c);
    const dept = (c: string) => (c.startsWith("97") || c.startsWith("98") ? c.slice(0, 3) : c.slice(0, 2));
    fc.assert(
      fc.property(sexeArb, dateArb("1976-01-01", "2026-11-30"), fc.constantFrom(...actuelles), fc.constantFrom(...actuelles), (sexe, date, ne, declare) => {
        fc.pre(dept(ne) !== dept(declare) && !(dept(ne) === "971" && ["977", "978"].includes(dept(declare))));
        expect(checkNirConsistency(nirFor(sexe, date, ne), { sexe, dateNaissance: date, lieuNaissance: enFrance(declare) })).toEqual({
          ok: false,
          errors: [NIR_IDENTITY_MESSAGES.departement],
        });
      }),
      { numRuns: 100 },
    );
  });
});
