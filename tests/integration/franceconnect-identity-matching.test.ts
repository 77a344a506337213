// The identity matching query (findPersonnesMatchingIdentity) against the database, on PGlite and PostgreSQL:
// records written the way people and agents write them still match; a near miss never does.
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { CANDIDATES_LIMIT, findPersonnesMatchingIdentity, type IdentityPivot } from "../../lib/franceconnect/match-identity";
import { loginWithFranceConnect } from "../../lib/franceconnect/franceconnect-login";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const ids: Record<string, string> = {};

type Row = { nomNaissance: string; prenoms: string[]; sexe: "M" | "F"; date: string; pays: string; insee: string | null };
const ROWS: Record<string, Row> = {
  helene: { nomNaissance: "Lefèvre", prenoms: ["Hélène", "Marie-Thérèse"], sexe: "F", date: "1975-06-30", pays: "France", insee: "59350" },
  jeanPierre: { nomNaissance: "N'DIAYE", prenoms: ["Jean-Pierre"], sexe: "M", date: "1982-02-11", pays: "FRANCE", insee: "2A004" },
  jean: { nomNaissance: "N'DIAYE", prenoms: ["Jean"], sexe: "M", date: "1982-02-11", pays: "FRANCE", insee: "2A004" },
  youssef: { nomNaissance: "EL AMRANI", prenoms: ["Youssef"], sexe: "M", date: "1979-09-03", pays: "MAROC", insee: null },
  jumeau1: { nomNaissance: "ROBIN", prenoms: ["Lou"], sexe: "F", date: "2000-01-01", pays: "FRANCE", insee: "35238" },
  jumeau2: { nomNaissance: "ROBIN", prenoms: ["Lou", "Anne"], sexe: "F", date: "2000-01-01", pays: "FRANCE", insee: "35238" },
};

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [key, row] of Object.entries(ROWS)) {
    const created = await t.db.personne.create({
      data: {
        nomNaissance: row.nomNaissance,
        prenoms: row.prenoms,
        sexe: row.sexe,
        dateNaissance: new Date(`${row.date}T00:00:00Z`),
        lieuNaissancePays: row.pays,
        lieuNaissanceCodeInsee: row.insee,
        fictif: true,
      },
    });
    ids[key] = created.id;
  }
});
afterAll(async () => t?.dispose());

const pivot = (overrides: Partial<IdentityPivot>): IdentityPivot => ({
  given_name: "Hélène Marie-Thérèse",
  family_name: "LEFEVRE",
  birthdate: "1975-06-30",
  gender: "female",
  birthplace: "59350",
  birthcountry: "99100",
  ...overrides,
});

describe("rapprochement d'identité en base", () => {
  it("accents, casse et prénom composé enregistrés autrement n'empêchent pas le rapprochement", async () => {
    expect(await findPersonnesMatchingIdentity(t.db, pivot({}))).toEqual({ ok: true, matches: [ids.helene] });
    expect(await findPersonnesMatchingIdentity(t.db, pivot({ given_name: "HELENE MARIE-THERESE", family_name: "Lefèvre" }))).toEqual({ ok: true, matches: [ids.helene] });
  });

  it("un prénom composé ne se confond pas avec son premier élément", async () => {
    const base = { family_name: "N’DIAYE", birthdate: "1982-02-11", gender: "male" as const, birthplace: "2A004" };
    expect(await findPersonnesMatchingIdentity(t.db, pivot({ ...base, given_name: "Jean-Pierre" }))).toEqual({ ok: true, matches: [ids.jeanPierre] });
    expect(await findPersonnesMatchingIdentity(t.db, pivot({ ...base, given_name: "Jean Paul" }))).toEqual({ ok: true, matches: [ids.jean] });
  });

  it("né à l'étranger : le code COG du pays est rapproché du pays enregistré", async () => {
    const youssef = pivot({ given_name: "Youssef", family_name: "EL AMRANI", birthdate: "1979-09-03", gender: "male", birthplace: "", birthcountry: "99350" });
    expect(await findPersonnesMatchingIdentity(t.db, youssef)).toEqual({ ok: true, matches: [ids.youssef] });
    expect(await findPersonnesMatchingIdentity(t.db, { ...youssef, birthcountry: "99352" })).toEqual({ ok: true, matches: [] });
  });

  it("deux personnes compatibles avec la même identité sont rendues toutes les deux (donc aucune connexion)", async () => {
    const lou = pivot({ given_name: "Lou Anne", family_name: "ROBIN", birthdate: "2000-01-01", birthplace: "35238" });
    const found = await findPersonnesMatchingIdentity(t.db, lou);
    expect(found.ok && [...found.matches].sort()).toEqual([ids.jumeau1, ids.jumeau2].sort());
  });

  it("un seul élément différent (sexe, date, commune, nom) ne rend personne", async () => {
    for (const change of [{ gender: "male" as const }, { birthdate: "1975-06-29" }, { birthplace: "59351" }, { family_name: "LEFEBVRE" }]) {
      expect(await findPersonnesMatchingIdentity(t.db, pivot(change))).toEqual({ ok: true, matches: [] });
    }
  });

  it(`plus de ${CANDIDATES_LIMIT} personnes de même date de naissance et même sexe : aucune connexion, orientation vers la Caf`, async () => {
    // One personne who matches, then the limit's worth of namesakes born the same day, then a second one who matches:
    // a cut list would hold only the first and open her session.
    const born = new Date("1990-05-17T00:00:00Z");
    const base = { sexe: "F" as const, dateNaissance: born, lieuNaissancePays: "FRANCE", lieuNaissanceCodeInsee: "75056", fictif: true };
    const first = await t.db.personne.create({ data: { ...base, nomNaissance: "VASSEUR", prenoms: ["Maëlle"] } });
    await t.db.personne.createMany({ data: Array.from({ length: CANDIDATES_LIMIT }, (_, i) => ({ ...base, nomNaissance: `HOMONYME${i}`, prenoms: ["Anne"] })) });
    await t.db.personne.create({ data: { ...base, nomNaissance: "VASSEUR", prenoms: ["Maëlle", "Rose"] } });
    const maelle = pivot({ given_name: "Maëlle Rose", family_name: "VASSEUR", birthdate: "1990-05-17", birthplace: "75056" });

    expect(await findPersonnesMatchingIdentity(t.db, maelle)).toEqual({ ok: false, reason: "TROP_DE_CANDIDATS" });
    const before = await t.db.journalAudit.count({ where: { type: "FRANCECONNECT_PLUSIEURS_CORRESPONDANCES" } });
    const outcome = await loginWithFranceConnect(t.db, demoKeys(), { sub: "a".repeat(64), identity: maelle, ip: "192.0.2.80", userAgent: null });
    expect(outcome).toEqual({ kind: "plusieurs-correspondances" });
    expect(await t.db.journalAudit.count({ where: { type: "FRANCECONNECT_PLUSIEURS_CORRESPONDANCES" } })).toBe(before + 1);
    expect(await t.db.personne.count({ where: { franceConnectSub: { not: null } } })).toBe(0);
    expect(await t.db.compte.count({ where: { personneId: first.id } })).toBe(0);
  });
});

