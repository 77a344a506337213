import { describe, expect, it } from "vitest";
import { formatEuros, formatPeriode, nextPaymentDay, prestationLabel } from "./prestations";

describe("prestations et paiements", () => {
  it("le prochain paiement est le 5 du mois, ou le 5 du mois suivant une fois le 5 passé", () => {
    expect(nextPaymentDay(new Date("2026-12-02T10:00:00Z")).toISOString()).toBe("2026-12-05T00:00:00.000Z");
    expect(nextPaymentDay(new Date("2026-12-05T10:00:00Z")).toISOString()).toBe("2026-12-05T00:00:00.000Z");
    expect(nextPaymentDay(new Date("2026-12-06T00:00:00Z")).toISOString()).toBe("2027-01-05T00:00:00.000Z");
  });

  it("les montants s'écrivent en euros à la française", () => {
    expect(formatEuros(103_332).replace(/\s/g, " ")).toBe("1 033,32 €");
    expect(formatPeriode(new Date("2026-11-01T00:00:00Z"))).toBe("novembre 2026");
  });

  it("une prestation inconnue garde son code plutôt qu'un libellé inventé", () => {
    expect(prestationLabel("AAH")).toBe("Allocation aux adultes handicapés");
    expect(prestationLabel("XYZ")).toBe("XYZ");
  });
});
