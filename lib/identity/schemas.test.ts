import { describe, it, expect } from "vitest";
import { EMAIL_MESSAGES } from "./email";
import { LOGIN_IDENTIFIER_MESSAGES } from "./login-identifier";
import { MOBILE_MESSAGES } from "./mobile";
import { NIR_MESSAGES } from "./nir";
import { NUMERO_ALLOCATAIRE_MESSAGES } from "./numero-allocataire";
import {
  emailSchema,
  loginIdentifierSchema,
  mobileSchema,
  nirDetailsSchema,
  nirSchema,
  numeroAllocataireSchema,
} from "./schemas";

function messagesOf(result: { success: boolean; error?: { issues: Array<{ message: string }> } }): string[] {
  return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
}

describe("schémas zod", () => {
  it("le schéma NIR renvoie le NIR normalisé", () => {
    expect(nirSchema.parse("2 88 03 69 123 045 29")).toBe("288036912304529");
  });

  it("le schéma NIR porte le message précis du parseur", () => {
    expect(messagesOf(nirSchema.safeParse("288036912304528"))).toEqual([NIR_MESSAGES.cle]);
  });

  it("le schéma NIR détaillé renvoie le NIR décomposé", () => {
    expect(nirDetailsSchema.parse("295072a00402138")).toMatchObject({ commune: "2A004", sexe: "F" });
  });

  it("le schéma d'identifiant de connexion accepte un NIR ou un identifiant provisoire", () => {
    expect(loginIdentifierSchema.parse(" p12345678 ")).toBe("P12345678");
    expect(loginIdentifierSchema.parse("2 88 03 69 123 045 29")).toBe("288036912304529");
    expect(messagesOf(loginIdentifierSchema.safeParse(""))).toEqual([LOGIN_IDENTIFIER_MESSAGES.obligatoire]);
  });

  it("le schéma mobile renvoie le format E.164 et le message précis en cas d'erreur", () => {
    expect(mobileSchema.parse("06 39 98 10 01")).toBe("+33639981001");
    expect(messagesOf(mobileSchema.safeParse("01 23 45 67 89"))).toEqual([MOBILE_MESSAGES.fixe]);
  });

  it("le schéma e-mail renvoie l'adresse normalisée et le message précis en cas d'erreur", () => {
    expect(emailSchema.parse(" claire@Example.ORG")).toBe("claire@example.org");
    expect(messagesOf(emailSchema.safeParse("claire"))).toEqual([EMAIL_MESSAGES.format]);
  });

  it("le schéma numéro allocataire renvoie les 7 chiffres sans espace", () => {
    expect(numeroAllocataireSchema.parse("123 4567")).toBe("1234567");
    expect(messagesOf(numeroAllocataireSchema.safeParse("123"))).toEqual([NUMERO_ALLOCATAIRE_MESSAGES.longueur]);
  });

  it("un champ absent ou qui n'est pas du texte reçoit le message « obligatoire » du champ", () => {
    expect(messagesOf(nirSchema.safeParse(undefined))).toEqual([NIR_MESSAGES.obligatoire]);
    expect(messagesOf(mobileSchema.safeParse(null))).toEqual([MOBILE_MESSAGES.obligatoire]);
    expect(messagesOf(emailSchema.safeParse(42))).toEqual([EMAIL_MESSAGES.obligatoire]);
    expect(messagesOf(numeroAllocataireSchema.safeParse(undefined))).toEqual([
      NUMERO_ALLOCATAIRE_MESSAGES.obligatoire,
    ]);
    expect(messagesOf(loginIdentifierSchema.safeParse(undefined))).toEqual([LOGIN_IDENTIFIER_MESSAGES.obligatoire]);
  });
});
