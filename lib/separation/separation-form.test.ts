import { describe, expect, it } from "vitest";
import { parseDateSaisie, separationSchema, todayInParis } from "./separation-form";

const schema = separationSchema({ debutCouple: new Date("2014-09-01"), today: new Date("2026-12-02") });
const errorOf = (dateSeparation: unknown) => {
  const result = schema.safeParse({ dateSeparation, confirmation: "oui" });
  return result.success ? null : result.error.issues[0]!.message;
};

describe("date de séparation", () => {
  it("accepte JJ/MM/AAAA et AAAA-MM-JJ, du premier jour du couple jusqu'à aujourd'hui inclus", () => {
    expect(schema.parse({ dateSeparation: "01/09/2014", confirmation: "oui" }).dateSeparation).toEqual(new Date("2014-09-01"));
    expect(schema.parse({ dateSeparation: "2026-12-02", confirmation: "oui" }).dateSeparation).toEqual(new Date("2026-12-02"));
    expect(schema.parse({ dateSeparation: " 5/3/2026 ", confirmation: "oui" }).dateSeparation).toEqual(new Date("2026-03-05"));
  });

  it("refuse une date inexistante, future, antérieure au couple ou illisible, avec un message précis", () => {
    expect(errorOf("29/02/2026")).toBe("La date du 29/02/2026 n'existe pas : vérifiez le jour et le mois.");
    expect(parseDateSaisie("29/02/2024")).toEqual(new Date("2024-02-29"));
    expect(errorOf("03/12/2026")).toContain("ne peut pas être dans le futur");
    expect(errorOf("31/08/2014")).toContain("ne peut pas précéder le 1er septembre 2014");
    expect(errorOf("le 3 mars")).toContain("n'est pas lisible");
    expect(errorOf("")).toBe("Indiquez la date de votre séparation.");
    expect(errorOf(42)).toBe("Indiquez la date de votre séparation.");
  });

  it("la case de confirmation est obligatoire", () => {
    const result = schema.safeParse({ dateSeparation: "15/03/2026" });
    expect(result.success ? null : result.error.issues[0]!.message).toBe("Cochez la case pour confirmer que vous déclarez votre séparation.");
  });

  it("aujourd'hui se lit à l'heure de Paris (le 1er janvier à 0 h 30 à Paris est encore le 31 décembre en UTC)", () => {
    expect(todayInParis(new Date("2026-12-31T23:30:00Z"))).toEqual(new Date("2027-01-01"));
  });
});
