import { describe, expect, it } from "vitest";
import { accountActivated, delegationGranted, escapeHtml, formatDateHeure, franceConnectConnection, identifierReminder, isGsm7, newConnection, passwordChanged, repeatedLoginFailures, verificationCode, type MessageContent, type UsageCode } from "./templates";

const date = new Date("2026-09-12T12:05:00Z");
const USAGES: UsageCode[] = ["confirmation des coordonnées", "double authentification", "connexion protégée", "mot de passe oublié", "identifiant oublié", "coordonnées bancaires"];

const ALL: [string, MessageContent][] = [
  ...USAGES.map((usage): [string, MessageContent] => [`code (${usage})`, verificationCode({ code: "482913", validiteMinutes: 15, usage })]),
  ["mot de passe modifié", passwordChanged({ date })],
  ["rappel d'identifiant provisoire", identifierReminder({ identifiantProvisoire: "P17917680" })],
  ["rappel d'identifiant (NIR)", identifierReminder({ nirFinissantPar: "7830" })],
  ["connexion avec FranceConnect", franceConnectConnection({ date })],
  ["espace activé", accountActivated({ date: new Date("2026-09-30T21:59:00Z") })],
  ["espace activé (au protecteur)", accountActivated({ date: new Date("2026-09-30T21:59:00Z"), protege: "Paul ROUX" })],
  ["délégation accordée", delegationGranted({ date: new Date("2026-09-30T21:59:00Z"), delegataire: "Julien DURAND" })],
  ["délégation accordée (au protecteur)", delegationGranted({ date: new Date("2026-09-30T21:59:00Z"), delegataire: "Marie-Bernadette DE LA ROCHEFOUCAULD", protege: "Paul ROUX" })],
  ["plusieurs tentatives de connexion", repeatedLoginFailures({ date })],
  ...(["MOT_DE_PASSE", "MOT_DE_PASSE_DOSSIER", "FRANCECONNECT"] as const).map((methode): [string, MessageContent] => [
    `nouvelle connexion (${methode})`,
    newConnection({ date, methode }),
  ]),
];

describe("modèles de messages", () => {
  it.each(ALL)("%s : aucun lien, ni adresse web, ni balise de lien", (_name, content) => {
    for (const text of [content.email.sujet, content.email.texte, content.email.html, content.sms.texte]) {
      expect(text.toLowerCase()).not.toContain("http");
      expect(text.toLowerCase()).not.toContain("www.");
      expect(text.toLowerCase()).not.toContain("<a ");
      expect(text).not.toMatch(/\b[a-z0-9-]+\.(fr|gouv|com|org|net)\b/i);
    }
  });

  it.each(ALL)("%s : le courriel rappelle de taper soi-même l'adresse du portail", (_name, content) => {
    expect(content.email.texte).toContain("tapez vous-même l'adresse du portail");
    expect(content.email.html).toContain("tapez vous-même l&#39;adresse du portail");
  });

  it.each(ALL)("%s : le sujet commence par « Mon Compte — »", (_name, content) => {
    expect(content.email.sujet.startsWith("Mon Compte — ")).toBe(true);
    expect(content.email.sujet.length).toBeLessThanOrEqual(200);
  });

  it.each(ALL)("%s : le SMS tient en un seul SMS de 160 caractères de l'alphabet GSM", (_name, content) => {
    expect(content.sms.texte.length).toBeLessThanOrEqual(160);
    expect(isGsm7(content.sms.texte), content.sms.texte).toBe(true);
    expect(content.sms.texte.startsWith("Mon Compte :")).toBe(true);
  });

  it.each(ALL)("%s : le HTML est une page simple en français, styles en ligne, sans script ni image", (_name, content) => {
    expect(content.email.html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(content.email.html).not.toMatch(/<script|<img|<link|<style/i);
  });

  it("le code figure dans le courriel et le SMS, avec sa durée de validité, mais pas dans le sujet", () => {
    const { email, sms } = verificationCode({ code: "482913", validiteMinutes: 10, usage: "confirmation des coordonnées" });
    expect(email.texte).toContain("482913");
    expect(email.texte).toContain("valable 10 minutes");
    expect(email.html).toContain("482913");
    expect(email.sujet).not.toContain("482913");
    expect(sms.texte).toContain("482913");
    expect(sms.texte).toContain("10 min");
    expect(email.texte).toMatch(/Ne communiquez ce code à personne/);
  });

  it("la double authentification dit quoi faire si ce n'est pas la personne qui se connecte", () => {
    expect(verificationCode({ code: "1", validiteMinutes: 15, usage: "double authentification" }).email.texte).toMatch(/changez-le au plus vite/);
  });

  it("le rappel d'un identifiant provisoire le donne en entier, sans lien", () => {
    const { email, sms } = identifierReminder({ identifiantProvisoire: "P17917680" });
    expect(email.texte).toContain("P17917680");
    expect(sms.texte).toContain("P17917680");
  });

  it("le rappel d'un NIR renvoie à la carte Vitale et n'en montre que les 4 derniers caractères", () => {
    const { email, sms } = identifierReminder({ nirFinissantPar: "7830" });
    for (const text of [email.texte, email.html, sms.texte]) {
      expect(text).toContain("carte Vitale");
      expect(text).toContain("7830");
    }
    expect(sms.texte.length).toBeLessThanOrEqual(160);
  });

  it("une connexion par FranceConnect est annoncée comme telle, avec la date à l'heure de Paris", () => {
    const { email, sms } = newConnection({ date, methode: "FRANCECONNECT" });
    expect(email.texte).toContain("12 septembre 2026 à 14 h 05");
    expect(email.texte).toContain("avec FranceConnect");
    expect(email.texte).toMatch(/Si ce n'est pas vous/);
    expect(sms.texte).toContain("FranceConnect");
  });

  it("le changement de mot de passe donne sa date et la marche à suivre", () => {
    const { email } = passwordChanged({ date: new Date("2026-01-05T08:00:00Z") });
    expect(email.texte).toContain("5 janvier 2026 à 09 h 00");
    expect(email.texte).toContain("Mot de passe oublié");
  });

  it("les caractères spéciaux sont échappés dans le HTML, pas dans le texte", () => {
    expect(escapeHtml(`<b>"Tom" & 'Jerry'</b>`)).toBe("&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;");
    const { email } = identifierReminder({ identifiantProvisoire: "<script>alert(1)</script>&" });
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&amp;");
    expect(email.html).not.toContain("<script>");
    expect(email.texte).toContain("<script>alert(1)</script>&");
  });

  it("l'alphabet GSM accepte é, è, à mais pas ê, ç ni les guillemets typographiques", () => {
    expect(isGsm7("Mon Compte : code valable, demandé à l'accueil, très bien")).toBe(true);
    expect(isGsm7("fenêtre")).toBe(false);
    expect(isGsm7("reçu")).toBe(false);
    expect(isGsm7("« code »")).toBe(false);
    expect(isGsm7("l’accueil")).toBe(false);
  });

  it("les dates sont à l'heure de Paris, été comme hiver", () => {
    expect(formatDateHeure(new Date("2026-07-01T22:30:00Z"))).toBe("2 juillet 2026 à 00 h 30");
    expect(formatDateHeure(new Date("2026-12-31T23:59:00Z"))).toBe("1 janvier 2027 à 00 h 59");
  });

  it("la connexion avec FranceConnect donne la date et l'heure et dit quoi faire si ce n'est pas la personne", () => {
    const { email } = franceConnectConnection({ date: new Date("2026-09-12T12:05:00Z") });
    expect(email.sujet).toBe("Mon Compte — connexion avec FranceConnect");
    expect(email.texte).toContain("le 12 septembre 2026 à 14 h 05 avec FranceConnect");
    expect(email.texte).toMatch(/Si ce n'est pas vous, quelqu'un a pu utiliser votre compte FranceConnect/);
    expect(email.texte).toMatch(/prévenez votre Caf/);
  });
});
