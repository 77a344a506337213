import { describe, expect, it } from "vitest";
import {
  CODE_MESSAGES,
  EMAIL_CODE_VALIDITY_MINUTES,
  EMAIL_CODE_VALIDITY_MS,
  SMS_CODE_VALIDITY_MINUTES,
  SMS_CODE_VALIDITY_MS,
  codeSentMessage,
  codeValiditySentence,
  newCodeDetails,
  remainingValidity,
} from "./code-messages";

const at = (ms: number) => new Date(Date.UTC(2025, 0, 15, 10, 0, 0) + ms);

describe("messages des codes de vérification", () => {
  it("un code par SMS vaut 10 minutes, un code par courriel 15 minutes", () => {
    expect(SMS_CODE_VALIDITY_MINUTES).toBe(10);
    expect(EMAIL_CODE_VALIDITY_MINUTES).toBe(15);
    expect(SMS_CODE_VALIDITY_MS).toBe(600_000);
    expect(EMAIL_CODE_VALIDITY_MS).toBe(900_000);
  });

  it("un code incorrect dit combien d'essais il reste, au singulier comme au pluriel", () => {
    expect(CODE_MESSAGES.incorrect(4)).toBe("Le code saisi est incorrect. Il vous reste 4 essais avant que ce code ne soit plus valable.");
    expect(CODE_MESSAGES.incorrect(1)).toBe("Le code saisi est incorrect. Il vous reste 1 essai avant que ce code ne soit plus valable.");
  });

  it("chaque refus dit pourquoi et quoi faire", () => {
    expect(CODE_MESSAGES.expire("SMS")).toBe("Ce code a expiré : un code envoyé par SMS n'est valable que 10 minutes. Demandez un nouveau code.");
    expect(CODE_MESSAGES.expire("EMAIL")).toBe("Ce code a expiré : un code envoyé par courriel n'est valable que 15 minutes. Demandez un nouveau code.");
    expect(CODE_MESSAGES.dejaUtilise).toMatch(/déjà été utilisé/);
    expect(CODE_MESSAGES.remplace).toMatch(/remplacé par un code plus récent/);
    expect(CODE_MESSAGES.tropDEssais).toMatch(/nombre maximal de 5 essais/);
    expect(CODE_MESSAGES.incorrectDernierEssai).toMatch(/incorrect.*n'est plus valable.*nouveau code/);
    expect(CODE_MESSAGES.introuvable).toMatch(/demandez un nouveau code/);
    expect(CODE_MESSAGES.tropDeNouveauxCodes).toBe(
      "Vous avez demandé trop de nouveaux codes pour cette adresse. Réessayez demain, modifiez vos coordonnées, ou contactez votre Caf.",
    );
  });

  it("le message d'envoi dit où le code est parti, sans phrase de validité (l'écran la dit une seule fois)", () => {
    expect(codeSentMessage("SMS", "06 39 98 10 01")).toBe(
      "Nous venons de vous envoyer un code de vérification par SMS au numéro suivant 06 39 98 10 01. Merci de le saisir.",
    );
    expect(codeSentMessage("EMAIL", "claire.martin@example.org")).toBe(
      "Nous venons de vous envoyer un code de vérification par courriel à l'adresse suivante claire.martin@example.org. Merci de le saisir.",
    );
    expect(codeSentMessage("SMS", "06 39 98 10 01")).not.toMatch(/valable/);
  });

  it("la phrase de validité de l'écran dit ce qui reste et l'heure de fin, heure de Paris", () => {
    const expireLe = new Date("2026-12-02T13:32:00Z"); // 14 h 32 à Paris
    expect(codeValiditySentence(expireLe, new Date("2026-12-02T13:23:00Z"))).toBe("Ce code est valable encore 9 minutes (jusqu'à 14 h 32).");
    expect(codeValiditySentence(expireLe, new Date("2026-12-02T13:33:00Z"))).toBe("Ce code a expiré : demandez un nouveau code.");
    expect(newCodeDetails({ expireLe, nouveauxCodesRestants: 2 }, new Date("2026-12-02T13:22:00Z"))).toEqual({
      validite: "Ce code est valable encore 10 minutes (jusqu'à 14 h 32).",
      nouveauxCodesRestants: 2,
    });
  });

  it("la validité restante s'affiche en minutes entières, arrondies vers le bas", () => {
    const expireLe = at(SMS_CODE_VALIDITY_MS);
    expect(remainingValidity(expireLe, at(0))).toEqual({ expired: false, totalSeconds: 600, minutes: 10, seconds: 0, message: "Ce code est valable encore 10 minutes." });
    expect(remainingValidity(expireLe, at(60_000)).message).toBe("Ce code est valable encore 9 minutes.");
    expect(remainingValidity(expireLe, at(61_000)).message).toBe("Ce code est valable encore 8 minutes.");
    expect(remainingValidity(expireLe, at(61_000))).toMatchObject({ minutes: 8, seconds: 59 });
    expect(remainingValidity(expireLe, at(540_000)).message).toBe("Ce code est valable encore 1 minute.");
  });

  it("la dernière minute se compte en secondes", () => {
    const expireLe = at(SMS_CODE_VALIDITY_MS);
    expect(remainingValidity(expireLe, at(599_000)).message).toBe("Ce code est valable encore 1 seconde.");
    expect(remainingValidity(expireLe, at(570_000)).message).toBe("Ce code est valable encore 30 secondes.");
  });

  it("un code arrivé à échéance est annoncé comme expiré", () => {
    const expireLe = at(SMS_CODE_VALIDITY_MS);
    expect(remainingValidity(expireLe, at(600_000))).toMatchObject({ expired: true, totalSeconds: 0, message: "Ce code a expiré : demandez un nouveau code." });
    expect(remainingValidity(expireLe, at(3_600_000)).expired).toBe(true);
    expect(remainingValidity(expireLe, at(599_500))).toMatchObject({ expired: false, totalSeconds: 0 });
  });
});
