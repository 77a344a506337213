import { describe, expect, it } from "vitest";
import { isGsm7, type MessageContent } from "./templates";
import { delegationEnded, delegationReceived, separationDeclared } from "./templates-delegation";

const date = new Date("2026-12-02T13:05:00Z");
const all: [string, MessageContent][] = [
  ["délégation reçue", delegationReceived({ date, delegant: "Sophie BERNARD" })],
  ["délégation retirée", delegationEnded({ date, cause: "retrait" })],
  ["délégation finie par une séparation", delegationEnded({ date, cause: "separation" })],
  ["séparation déclarée", separationDeclared({ date, declarant: "Julien DURAND", delegationTerminee: true })],
];

describe("messages de délégation et de séparation", () => {
  it.each(all)("%s : aucun lien, sujet « Mon Compte — », SMS en un seul segment GSM", (_name, content) => {
    for (const text of [content.email.texte, content.email.html, content.sms.texte]) {
      expect(text.toLowerCase()).not.toMatch(/https?:|www\.|href=/);
    }
    expect(content.email.sujet.startsWith("Mon Compte —")).toBe(true);
    expect(isGsm7(content.sms.texte), content.sms.texte).toBe(true);
    expect(content.sms.texte.length).toBeLessThanOrEqual(160);
  });

  it("l'avis de séparation dit la fin de la délégation seulement quand elle concernait le destinataire", () => {
    expect(separationDeclared({ date, declarant: "Julien DURAND", delegationTerminee: true }).email.texte).toContain("délégation de gestion");
    expect(separationDeclared({ date, declarant: "Julien DURAND", delegationTerminee: false }).email.texte).not.toContain("délégation de gestion");
  });
});
