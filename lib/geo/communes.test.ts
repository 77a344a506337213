import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { communeActuelleDe, communeByCode, communeCodes, resolveCommune, searchCommunes } from "./communes";
import { normalisePlaceName } from "./normalise";

const libelles = (query: string, limit?: number) => searchCommunes(query, limit).map((c) => c.libelle);

describe("communes — la liste de l'État", () => {
  it("contient les communes de métropole, de Corse et d'outre-mer", () => {
    expect(communeByCode("69123")).toMatchObject({ nom: "Lyon", departement: "69", kind: "actuelle" });
    expect(communeByCode("2A004")).toMatchObject({ nom: "Ajaccio", departement: "2A" });
    expect(communeByCode("2b033")).toMatchObject({ nom: "Bastia", departement: "2B" });
    expect(communeByCode("97105")).toMatchObject({ nom: "Basse-Terre", departement: "971" });
    expect(communeByCode("97411")).toMatchObject({ nom: "Saint-Denis", departement: "974" });
    expect(communeByCode("97611")).toMatchObject({ departement: "976" });
  });

  it("contient les arrondissements de Paris, Lyon et Marseille, rattachés à leur ville", () => {
    expect(communeByCode("75115")).toMatchObject({ kind: "arrondissement", communeActuelle: "75056" });
    expect(communeByCode("69383")).toMatchObject({ kind: "arrondissement", communeActuelle: "69123" });
    expect(communeByCode("13205")).toMatchObject({ kind: "arrondissement", communeActuelle: "13055" });
  });

  it("une commune déléguée et un ancien code mènent à la commune nouvelle d'aujourd'hui", () => {
    expect(communeByCode("74011")).toMatchObject({ nom: "Annecy-le-Vieux", kind: "deleguee", communeActuelle: "74010" });
    expect(communeActuelleDe("74011")).toBe("74010");
    expect(communeActuelleDe("01340")).toBe("01015");
    expect(communeActuelleDe("75115")).toBe("75056");
    expect(communeActuelleDe("69123")).toBe("69123");
  });

  it("un ancien code sans fiche à lui est connu par son code, sous le nom d'aujourd'hui, jamais proposé par nom", () => {
    expect(communeByCode("01126")).toMatchObject({
      code: "01126",
      nom: "Valserhône",
      departement: "01",
      kind: "ancienne",
      communeActuelle: "01033",
      libelle: "Valserhône (01) — ancien code 01126",
    });
    expect(resolveCommune("01126")).toMatchObject({ kind: "found", commune: { communeActuelle: "01033" } });
    expect(searchCommunes("Valserhône").map((c) => c.code)).toEqual(["01033"]);
  });

  it("un code inconnu ne donne rien", () => {
    expect(communeByCode("00000")).toBeNull();
    expect(communeByCode("n'importe quoi")).toBeNull();
    expect(communeActuelleDe("99999")).toBeNull();
  });

  it("tout code connu mène à une commune actuelle, qui se mène à elle-même", () => {
    const codes = communeCodes();
    expect(codes.length).toBeGreaterThan(37_000);
    fc.assert(
      fc.property(fc.constantFrom(...codes), (code) => {
        const today = communeActuelleDe(code);
        expect(today).not.toBeNull();
        expect(communeByCode(today as string)?.kind).toBe("actuelle");
        expect(communeActuelleDe(today as string)).toBe(today);
      }),
    );
  });
});

describe("searchCommunes", () => {
  it("ignore les accents, la casse, les tirets et lit St comme Saint", () => {
    expect(libelles("st etienne", 1)).toEqual(["Saint-Étienne (42)"]);
    expect(libelles("SAINT-ÉTIENNE", 1)).toEqual(["Saint-Étienne (42)"]);
    expect(libelles("saint etienne", 1)).toEqual(["Saint-Étienne (42)"]);
  });

  it("met le nom exact d'abord, puis les noms qui commencent par le texte", () => {
    const lyon = libelles("lyon");
    expect(lyon[0]).toBe("Lyon (69)");
    expect(lyon).toContain("Lyons-la-Forêt (27)");
    expect(lyon).toContain("Lyon 3e Arrondissement (69)");
  });

  it("propose les communes d'outre-mer et les homonymes avec leur département", () => {
    const saintDenis = libelles("Saint-Denis");
    expect(saintDenis).toEqual(expect.arrayContaining(["Saint-Denis (974)", "Saint-Denis (93)"]));
  });

  it("trouve une ancienne commune sous son nom, avec la commune d'aujourd'hui", () => {
    expect(libelles("Annecy-le-Vieux")).toContain("Annecy-le-Vieux (74) — aujourd'hui Annecy");
    expect(libelles("Arbignieu")).toContain("Arbignieu (01) — aujourd'hui Arboys en Bugey");
  });

  it("accepte un code Insee et un département entre parenthèses", () => {
    expect(libelles("69123")).toEqual(["Lyon (69)"]);
    expect(libelles("Saint-Denis (93)", 1)).toEqual(["Saint-Denis (93)"]);
  });

  it("respecte la limite et ne renvoie rien pour un texte vide ou sans lettre", () => {
    expect(searchCommunes("sa", 3)).toHaveLength(3);
    expect(searchCommunes("   ")).toEqual([]);
    expect(searchCommunes("---")).toEqual([]);
    expect(searchCommunes("zzzzzz")).toEqual([]);
  });

  it("toute suggestion correspond au texte cherché, quel qu'il soit", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (query) => {
        const q = normalisePlaceName(query);
        for (const s of searchCommunes(query, 5)) {
          if (/^\d/.test(q)) continue;
          expect(normalisePlaceName(s.nom)).toContain(q.replace(/ \(.*$/, ""));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("resolveCommune — le champ simple, sans JavaScript", () => {
  it("« Lyon (69) », « Lyon » et « 69123 » donnent Lyon", () => {
    for (const text of ["Lyon (69)", "Lyon", "lyon", "69123", " 69 123 "]) {
      expect(resolveCommune(text)).toMatchObject({ kind: "found", commune: { code: "69123" } });
    }
  });

  it("le libellé d'une ancienne commune, relu tel quel, donne cette commune", () => {
    expect(resolveCommune("Annecy-le-Vieux (74) — aujourd'hui Annecy")).toMatchObject({
      kind: "found",
      commune: { code: "74011", communeActuelle: "74010" },
    });
  });

  it("un nom porté par plusieurs communes donne la liste à choisir", () => {
    const r = resolveCommune("Saint-Denis");
    expect(r.kind).toBe("ambiguous");
    if (r.kind === "ambiguous") {
      expect(r.candidates.map((c) => c.code)).toEqual(expect.arrayContaining(["93066", "97411"]));
    }
    expect(resolveCommune("Saint-Denis (974)")).toMatchObject({ kind: "found", commune: { code: "97411" } });
  });

  it("un début de nom ne choisit jamais à la place de la personne", () => {
    expect(resolveCommune("Lyo").kind).toBe("ambiguous");
  });

  it("une commune qui n'existe pas, un code inconnu ou un champ vide ne donnent rien", () => {
    expect(resolveCommune("Zzyzx-sur-Mer")).toEqual({ kind: "none" });
    expect(resolveCommune("00000")).toEqual({ kind: "none" });
    expect(resolveCommune("")).toEqual({ kind: "none" });
    expect(resolveCommune("Lyon (13)").kind).not.toBe("found");
  });
});
