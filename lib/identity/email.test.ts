import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { EMAIL_MESSAGES, maskEmail, parseEmail } from "./email";

const ko = (error: string) => ({ ok: false, error });

describe("parseEmail", () => {
  it("une adresse simple est acceptée", () => {
    expect(parseEmail("claire.martin@example.org")).toEqual({ ok: true, value: "claire.martin@example.org" });
    expect(parseEmail("c.martin+caf@mail.example.fr")).toEqual({ ok: true, value: "c.martin+caf@mail.example.fr" });
  });

  it("les espaces autour sont retirés et le domaine est mis en minuscules, pas la partie locale", () => {
    expect(parseEmail("  Claire.Martin@Example.ORG ")).toEqual({ ok: true, value: "Claire.Martin@example.org" });
  });

  it("une saisie vide est signalée comme obligatoire", () => {
    expect(parseEmail(" ")).toEqual(ko(EMAIL_MESSAGES.obligatoire));
  });

  it("une adresse de plus de 254 caractères est refusée", () => {
    const long = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(59)}.fr`;
    expect(long.length).toBe(255);
    expect(parseEmail(long)).toEqual(ko(EMAIL_MESSAGES.tropLongue));
    expect(parseEmail(long.slice(1)).ok).toBe(true);
  });

  it("une adresse contenant une espace est refusée avec un message précis", () => {
    expect(parseEmail("claire martin@example.org")).toEqual(ko(EMAIL_MESSAGES.espaces));
    expect(parseEmail("claire@example .org")).toEqual(ko(EMAIL_MESSAGES.espaces));
  });

  it("les accents et les caractères d'autres alphabets (sosies) sont refusés avec un message précis", () => {
    expect(parseEmail("élodie@example.fr")).toEqual(ko(EMAIL_MESSAGES.nonAscii));
    expect(parseEmail("cl\u0430ire@example.org")).toEqual(ko(EMAIL_MESSAGES.nonAscii)); // Cyrillic а
    expect(parseEmail("claire\uff20example.org")).toEqual(ko(EMAIL_MESSAGES.nonAscii)); // full-width @
    expect(parseEmail("claire@exampl\u0435.org")).toEqual(ko(EMAIL_MESSAGES.nonAscii)); // Cyrillic е
  });

  it.each([
    "claire.martin",
    "claire@@example.org",
    "claire@martin@example.org",
    "@example.org",
    "claire@",
    "claire@example",
    "claire@.example.org",
    "claire@example..org",
    "claire@-example.org",
    "claire@example-.org",
    "claire@exa_mple.org",
    "claire@example.o",
    "claire@example.123",
    ".claire@example.org",
    "claire.@example.org",
    "cla..ire@example.org",
    "cla(ire)@example.org",
    `${"a".repeat(65)}@example.org`,
  ])("l'adresse mal formée « %s » est refusée : forme nom@domaine.fr", (bad) => {
    expect(parseEmail(bad)).toEqual(
      ko("L'adresse électronique n'est pas valide : vérifiez qu'elle a la forme nom@domaine.fr."),
    );
  });

  it("une adresse acceptée est déjà sous sa forme normalisée", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        const r = parseEmail(address);
        if (r.ok) expect(parseEmail(r.value)).toEqual(r);
      }),
    );
  });

  it("les adresses courantes générées sont acceptées", () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9_+-]{1,20}(?:\.[a-z0-9_+-]{1,20}){0,2}$/),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[a-z]{2,6}$/),
        (local, labels, tld) => {
          const address = `${local}@${[...labels, tld].join(".")}`;
          expect(parseEmail(address)).toEqual({ ok: true, value: address });
        },
      ),
    );
  });

  it("une chaîne quelconque ne fait jamais planter l'analyse", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ maxLength: 400 })), (s) => {
        const r = parseEmail(s);
        expect(r.ok ? r.value : r.error).toEqual(expect.any(String));
      }),
    );
  });
});

describe("maskEmail", () => {
  it("seules la première et la dernière lettre de la partie locale restent visibles", () => {
    expect(maskEmail("claire.martin@example.org")).toBe("c***n@example.org");
  });

  it("une partie locale très courte ne laisse voir que sa première lettre", () => {
    expect(maskEmail("cm@example.org")).toBe("c***@example.org");
    expect(maskEmail("c@example.org")).toBe("c***@example.org");
  });

  it("une valeur sans arobase est entièrement masquée", () => {
    expect(maskEmail("inconnu")).toBe("***");
  });
});
