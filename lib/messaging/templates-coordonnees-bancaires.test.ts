import { describe, expect, it } from "vitest";
import { isGsm7, type MessageContent } from "./templates";
import { bankDetailsChanged, bankDetailsChangedByYou } from "./templates-coordonnees-bancaires";

const date = new Date("2026-12-02T07:05:00Z");
const base = { date, numeroAllocataire: "0523456", ibanFin: "0189" };
const ALL: [string, MessageContent][] = [
  ["à l'allocataire, par délégation", bankDetailsChanged({ ...base, auteur: "Karim BERNARD", titre: "délégation", parVous: false })],
  ["à l'allocataire, par lui-même", bankDetailsChanged({ ...base, auteur: "Sophie BERNARD", titre: null, parVous: true })],
  ["à l'allocataire, nom très long", bankDetailsChanged({ ...base, auteur: "Marie-Bernadette DE LA ROCHEFOUCAULD-MONTMORENCY", titre: "conjoint allocataire", parVous: false })],
  ["à l'auteur du changement", bankDetailsChangedByYou({ ...base, titre: "délégation" })],
];

describe("avis de changement des coordonnées bancaires", () => {
  it.each(ALL)("%s : ni lien, ni IBAN entier ; sujet « Mon Compte — » ; SMS d'un seul segment GSM", (_name, content) => {
    for (const text of [content.email.sujet, content.email.texte, content.email.html, content.sms.texte]) {
      expect(text.toLowerCase()).not.toMatch(/http|www\.|<a /);
      expect(text).not.toContain("FR76");
    }
    expect(content.email.sujet.startsWith("Mon Compte — ")).toBe(true);
    expect(content.sms.texte.length).toBeLessThanOrEqual(160);
    expect(isGsm7(content.sms.texte), content.sms.texte).toBe(true);
  });

  it("dit à l'allocataire quand, par qui et à quel titre, avec les 4 derniers caractères de l'IBAN", () => {
    const { email } = ALL[0]![1];
    expect(email.texte).toContain("Les coordonnées bancaires de votre dossier 0523456 ont été modifiées le 2 décembre 2026 à 08 h 05, par Karim BERNARD (délégation)");
    expect(email.texte).toContain("se termine par 0189");
    expect(email.texte).toContain("contactez votre Caf");
    expect(ALL[0]![1].sms.texte).toContain("par Karim BERNARD (délégation)");
  });
});
