import { describe, expect, it } from "vitest";
import { formatDateTimeFr } from "./format-date";

describe("affichage des dates", () => {
  it("une date s'affiche à la française, à l'heure de Paris", () => {
    expect(formatDateTimeFr(new Date("2026-11-12T17:04:00Z"))).toBe("12 novembre 2026 à 18 h 04");
    expect(formatDateTimeFr(new Date("2026-07-01T06:05:00Z"))).toBe("1er juillet 2026 à 08 h 05");
  });
});
