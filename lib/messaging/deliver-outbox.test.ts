import { describe, expect, it } from "vitest";
import { LEASE_MS, MAX_ATTEMPTS, retryDelayMs } from "./deliver-outbox";

describe("calendrier des nouveaux essais", () => {
  it("les premiers essais se rapprochent (15 s, 30 s, 1 min, 2 min, 5 min, 10 min), puis toutes les 30 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 47].map((n) => retryDelayMs(n)! / 1000)).toEqual([15, 30, 60, 120, 300, 600, 1800, 1800, 1800]);
  });

  it("après 48 tentatives, le message est abandonné", () => {
    expect(MAX_ATTEMPTS).toBe(48);
    expect(retryDelayMs(48)).toBeNull();
    expect(retryDelayMs(60)).toBeNull();
  });

  it("l'ensemble des essais couvre environ une journée", () => {
    let total = 0;
    for (let n = 1; n < MAX_ATTEMPTS; n++) total += retryDelayMs(n)!;
    expect(total / 3_600_000).toBeGreaterThan(20);
    expect(total / 3_600_000).toBeLessThan(24);
  });

  it("la réservation d'un message dure plus longtemps que le plus long envoi possible", () => {
    expect(LEASE_MS).toBeGreaterThan(5_000 + 5_000 + 10_000);
  });
});
