import { describe, expect, it } from "vitest";
import { ARG_MESSAGES, ArgumentError, formatCount, formatDuration, parseGenerateArgs, progressLine, summaryTable } from "./generate-foyers";

const errorOf = (argv: string[]) => {
  try {
    parseGenerateArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(ArgumentError);
    return (error as Error).message;
  }
  throw new Error(`aucune erreur pour ${argv.join(" ")}`);
};

describe("arguments du générateur de foyers", () => {
  it("accepte le nombre de foyers, la graine et la taille des lots", () => {
    expect(parseGenerateArgs(["--foyers", "100000", "--seed", "7", "--batch", "2000"])).toEqual({ foyers: 100_000, seed: 7, batch: 2_000, help: false });
    expect(parseGenerateArgs(["--foyers=250"])).toEqual({ foyers: 250, seed: 42, batch: 1_000, help: false });
    expect(parseGenerateArgs(["--foyers", "2000000", "--seed", "0"])).toMatchObject({ foyers: 2_000_000, seed: 0 });
  });

  it("--foyers est obligatoire", () => {
    expect(errorOf([])).toBe(ARG_MESSAGES.foyersManquant);
    expect(errorOf(["--seed", "3"])).toBe(ARG_MESSAGES.foyersManquant);
  });

  it("--foyers doit être un entier entre 1 et 2 000 000", () => {
    for (const bad of ["0", "-5", "2000001", "1.5", "abc", "1e5", "", "10 000"]) {
      expect(errorOf(["--foyers", bad]), bad).toBe("--foyers doit être un entier entre 1 et 2 000 000.");
    }
  });

  it("--seed et --batch sont des entiers bornés", () => {
    expect(errorOf(["--foyers", "10", "--seed", "-1"])).toBe(ARG_MESSAGES.seed);
    expect(errorOf(["--foyers", "10", "--seed", "4294967296"])).toBe(ARG_MESSAGES.seed);
    expect(errorOf(["--foyers", "10", "--batch", "0"])).toBe(ARG_MESSAGES.batch);
    expect(errorOf(["--foyers", "10", "--batch", "10001"])).toBe(ARG_MESSAGES.batch);
  });

  it("une option inconnue, une valeur manquante ou un argument isolé sont refusés en français", () => {
    expect(errorOf(["--foyer", "10"])).toBe("Option inconnue : --foyer.");
    expect(errorOf(["--foyers"])).toMatch(/^L'option --foyers attend une valeur/);
    expect(errorOf(["--foyers", "--seed", "3"])).toMatch(/^L'option --foyers attend une valeur/);
    expect(errorOf(["100000"])).toMatch(/^Argument inattendu : 100000\./);
    expect(errorOf(["--foyers", "10", "--foyers", "20"])).toBe("L'option --foyers est donnée deux fois.");
    expect(errorOf(["-f", "10"])).toBe("Option inconnue : -f.");
  });

  it("--help ne demande rien d'autre", () => {
    expect(parseGenerateArgs(["--help"]).help).toBe(true);
  });
});

describe("affichage du générateur", () => {
  it("écrit les nombres et les durées à la française", () => {
    expect(formatCount(100_000)).toBe("100 000");
    expect(formatCount(3_200.4)).toBe("3 200");
    expect(formatDuration(12_300)).toBe("12 s");
    expect(formatDuration(125_000)).toBe("2 min 05 s");
    expect(formatDuration(3_723_000)).toBe("1 h 02 min");
  });

  it("la barre de progression dit l'avancement, le débit et le temps restant", () => {
    expect(progressLine(60_000, 100_000, 18_750, 10)).toBe("[██████░░░░] 60 % 60 000/100 000 foyers · 3 200 foyers/s · reste ~13 s");
    expect(progressLine(0, 100_000, 0, 10)).toBe("[░░░░░░░░░░] 0 % 0/100 000 foyers");
    expect(progressLine(100_000, 100_000, 50_000, 10)).toBe("[██████████] 100 % 100 000/100 000 foyers · 2 000 foyers/s");
  });

  it("le résumé final donne les comptes, la durée, le débit et les mots de passe fictifs", () => {
    const table = summaryTable({
      foyers: 1_000, couples: 550, seuls: 450, personnes: 2_900, enfants: 1_350, membres: 2_900, comptes: 1_550, comptesActifs: 1_080,
      coordonnees: 1_300, prestations: 1_400, paiements: 4_200, premierNumero: "2000000", dernierNumero: "2000999", elapsedMs: 2_000,
      motsDePasseDossier: ["11235813"], motsDePasseCompte: ["Tilleul2026Caf"],
    });
    expect(table).toContain("numéros allocataires 2000000 à 2000999");
    expect(table).toMatch(/paiements\s+4 200/);
    expect(table).toContain("2 s (500 foyers/s)");
    expect(table).toContain("Tilleul2026Caf");
  });
});
