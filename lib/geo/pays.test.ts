import { describe, expect, it } from "vitest";
import { FRANCE_CODE_PAYS, isFranceCode, paysByCode, paysByNomEnregistre, resolvePays, searchPays } from "./pays";

describe("pays — codes Insee (99xxx)", () => {
  it("donne le nom d'un pays et le nom tel que les dossiers l'écrivent", () => {
    expect(paysByCode("99341")).toMatchObject({ nom: "Sénégal", nomEnregistre: "SENEGAL", territoire: false });
    expect(paysByCode("99350")?.nomEnregistre).toBe("MAROC");
    expect(paysByCode("99351")?.nomEnregistre).toBe("TUNISIE");
    expect(paysByCode("99352")?.nomEnregistre).toBe("ALGERIE");
    expect(paysByCode("99326")?.nomEnregistre).toBe("COTE D'IVOIRE");
  });

  it("un territoire à code propre est rattaché à son pays", () => {
    expect(paysByCode("99230")).toMatchObject({ nom: "Hong Kong", territoire: true, rattachement: "99216" });
  });

  it("un code inconnu ne donne rien", () => {
    expect(paysByCode("99999")).toBeNull();
    expect(paysByCode("69123")).toBeNull();
  });

  it("retrouve un pays depuis le nom enregistré dans un dossier", () => {
    expect(paysByNomEnregistre("SENEGAL")?.code).toBe("99341");
    expect(paysByNomEnregistre("ROYAUME-UNI")?.code).toBe("99132");
    expect(paysByNomEnregistre("ATLANTIDE")).toBeNull();
  });
});

describe("searchPays", () => {
  it("ignore accents et casse, nom exact d'abord", () => {
    expect(searchPays("senegal")[0]?.code).toBe("99341");
    expect(searchPays("ALGÉRIE")[0]?.code).toBe("99352");
    expect(searchPays("mar")[0]?.code).toBe("99350");
  });

  it("la France n'est jamais proposée comme pays de naissance à l'étranger", () => {
    expect(searchPays("France").map((p) => p.code)).not.toContain(FRANCE_CODE_PAYS);
    expect(searchPays("fr").map((p) => p.code)).not.toContain(FRANCE_CODE_PAYS);
    expect(searchPays("99100")).toEqual([]);
    expect(isFranceCode("99100")).toBe(true);
  });

  it("respecte la limite et ne renvoie rien pour un texte vide", () => {
    expect(searchPays("a", 4)).toHaveLength(4);
    expect(searchPays("  ")).toEqual([]);
  });
});

describe("resolvePays — le champ simple, sans JavaScript", () => {
  it("un nom exact ou un code donnent le pays", () => {
    expect(resolvePays("Sénégal")).toMatchObject({ kind: "found", pays: { code: "99341" } });
    expect(resolvePays("99341")).toMatchObject({ kind: "found", pays: { code: "99341" } });
    expect(resolvePays("république du sénégal")).toMatchObject({ kind: "found", pays: { code: "99341" } });
  });

  it("France est signalée à part : ce n'est pas une naissance à l'étranger", () => {
    expect(resolvePays("france")).toEqual({ kind: "france" });
    expect(resolvePays("99100")).toEqual({ kind: "france" });
  });

  it("un début de nom donne une liste, un nom inconnu rien", () => {
    expect(resolvePays("Gui").kind).toBe("ambiguous");
    expect(resolvePays("Atlantide")).toEqual({ kind: "none" });
    expect(resolvePays("")).toEqual({ kind: "none" });
  });
});
