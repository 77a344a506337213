import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../db/database-config";
import { DEMO_MAIL_FROM, DEMO_TWILIO_ACCOUNT_SID, loadMessagingConfig } from "./messaging-config";

const production = {
  SMTP_URL: "smtp://portail:secret@smtp.caf.interne:587",
  MAIL_FROM: '"Mon Compte" <ne-pas-repondre@moncompte.caf.example>',
  TWILIO_ACCOUNT_SID: "AC0123456789abcdef0123456789abcdef",
  TWILIO_AUTH_TOKEN: "jeton",
  TWILIO_FROM: "+33639980000",
};

describe("configuration des envois", () => {
  it("sans configuration, la démonstration envoie vers les puits locaux de 127.0.0.1 (2525 et 2526)", () => {
    const config = loadMessagingConfig({}, "demo");
    expect(config.smtpUrl).toBe("smtp://127.0.0.1:2525");
    expect(config.mailFrom).toBe(DEMO_MAIL_FROM);
    expect(config.mailFrom).toContain("démonstration");
    expect(config.sms).toMatchObject({ accountSid: DEMO_TWILIO_ACCOUNT_SID, baseUrl: "http://127.0.0.1:2526" });
    expect(config.sms.accountSid).toMatch(/^ACdemo/);
    expect(config.localSinks).toEqual({ smtpPort: 2525, smsPort: 2526 });
  });

  it("DEV_SMTP_PORT et DEV_SMS_PORT déplacent les puits de la démonstration", () => {
    const config = loadMessagingConfig({ DEV_SMTP_PORT: "3525", DEV_SMS_PORT: "3526" }, "demo");
    expect(config.smtpUrl).toBe("smtp://127.0.0.1:3525");
    expect(config.sms.baseUrl).toBe("http://127.0.0.1:3526");
    expect(() => loadMessagingConfig({ DEV_SMTP_PORT: "abc" }, "demo")).toThrow(/DEV_SMTP_PORT doit être un numéro de port/);
    expect(() => loadMessagingConfig({ DEV_SMTP_PORT: "4000", DEV_SMS_PORT: "4000" }, "demo")).toThrow(/même port/);
  });

  it("en démonstration, un vrai serveur configuré remplace le puits correspondant", () => {
    const config = loadMessagingConfig({ SMTP_URL: production.SMTP_URL }, "demo");
    expect(config.smtpUrl).toBe(production.SMTP_URL);
    expect(config.localSinks).toEqual({ smsPort: 2526 });
  });

  it("la production exige le serveur SMTP, l'expéditeur et les identifiants SMS, avec une phrase claire", () => {
    const without = (name: keyof typeof production) => ({ ...production, [name]: "" });
    expect(() => loadMessagingConfig(without("SMTP_URL"), "production")).toThrow(ConfigurationError);
    expect(() => loadMessagingConfig(without("SMTP_URL"), "production")).toThrow(/SMTP_URL est obligatoire en production/);
    expect(() => loadMessagingConfig(without("MAIL_FROM"), "production")).toThrow(/MAIL_FROM est obligatoire en production/);
    expect(() => loadMessagingConfig({ ...production, TWILIO_ACCOUNT_SID: "", TWILIO_AUTH_TOKEN: "", TWILIO_FROM: "" }, "production")).toThrow(
      /TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN et TWILIO_FROM sont obligatoires en production/,
    );
    expect(() => loadMessagingConfig(without("TWILIO_AUTH_TOKEN"), "production")).toThrow(/configuré à moitié : TWILIO_AUTH_TOKEN manque/);
  });

  it("une configuration de production complète vise Twilio, ou la passerelle de TWILIO_BASE_URL", () => {
    const config = loadMessagingConfig(production, "production");
    expect(config).toMatchObject({ mode: "production", smtpUrl: production.SMTP_URL, localSinks: {} });
    expect(config.sms).toEqual({ accountSid: production.TWILIO_ACCOUNT_SID, authToken: "jeton", from: "+33639980000", baseUrl: "https://api.twilio.com" });
    expect(loadMessagingConfig({ ...production, TWILIO_BASE_URL: "https://sms.caf.interne/twilio/" }, "production").sms.baseUrl).toBe(
      "https://sms.caf.interne/twilio",
    );
  });

  it.each([
    [{ SMTP_URL: "http://smtp.example:25" }, /SMTP_URL n'est pas une adresse valide/],
    [{ SMTP_URL: "n'importe quoi" }, /SMTP_URL n'est pas une adresse valide/],
    [{ TWILIO_ACCOUNT_SID: "XX123456789" }, /TWILIO_ACCOUNT_SID doit commencer par AC/],
    [{ TWILIO_FROM: "06 39 98 00 00" }, /TWILIO_FROM doit être un numéro au format international/],
    [{ TWILIO_BASE_URL: "ftp://passerelle" }, /TWILIO_BASE_URL n'est pas une adresse valide/],
    [{ MAIL_FROM: "Mon Compte" }, /MAIL_FROM vaut « Mon Compte »/],
  ])("un réglage mal formé (%o) est refusé en disant quoi corriger", (override, message) => {
    expect(() => loadMessagingConfig({ ...production, ...override }, "production")).toThrow(message);
  });

  it("la production refuse l'identifiant SMS de démonstration", () => {
    expect(() => loadMessagingConfig({ ...production, TWILIO_ACCOUNT_SID: DEMO_TWILIO_ACCOUNT_SID }, "production")).toThrow(/identifiant de démonstration/);
  });

  it("le mode suit MON_COMPTE_MODE et DATABASE_URL comme le reste du portail", () => {
    expect(loadMessagingConfig({}).mode).toBe("demo");
    expect(() => loadMessagingConfig({ DATABASE_URL: "postgresql://h/b" })).toThrow(/SMTP_URL est obligatoire en production/);
  });
});
