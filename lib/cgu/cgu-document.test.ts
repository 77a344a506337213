import { describe, expect, it } from "vitest";
import { blocksOf, parseCguFile } from "./cgu-document";
import { compareVersions } from "./cgu-versions";
import { readCguDocument } from "./cgu-files";

const valid = `---\nversion: "1.2"\ndate: 2027-03-01\n---\n# Conditions\n\n## 1. Objet\nUn paragraphe.\n- un\n- deux\n\nFin.\n`;

describe("documents des CGU conservés dans le dépôt", () => {
  it("se lisent avec leur version, leur date et leur texte", () => {
    expect(parseCguFile(valid)).toEqual({ ok: true, document: { version: "1.2", date: "2027-03-01", texte: expect.stringMatching(/^# Conditions/) } });
  });

  it("refusent un en-tête absent, une version ou une date mal écrites, un texte vide, avec un message précis", () => {
    expect(parseCguFile("# Conditions\ntexte")).toMatchObject({ ok: false, error: expect.stringContaining("en-tête") });
    expect(parseCguFile(valid.replace('"1.2"', '"v2"'))).toMatchObject({ ok: false, error: expect.stringContaining("chiffres et des points") });
    expect(parseCguFile(valid.replace("2027-03-01", "01/03/2027"))).toMatchObject({ ok: false, error: expect.stringContaining("AAAA-MM-JJ") });
    expect(parseCguFile(valid.replace("2027-03-01", "2027-02-30"))).toMatchObject({ ok: false });
    expect(parseCguFile(`---\nversion: "1.2"\ndate: 2027-03-01\n---\n\n`)).toMatchObject({ ok: false, error: expect.stringContaining("vide") });
    expect(parseCguFile(`---\nversion: "1.2"\ndate: 2027-03-01\n---\nPas de titre mais un texte assez long.`)).toMatchObject({ ok: false, error: expect.stringContaining("titre") });
  });

  it("se découpent en titres, paragraphes et listes, sans jamais interpréter de HTML", () => {
    expect(blocksOf("# T\n## S\nP <script>alert(1)</script>\n- a\n- b\nQ")).toEqual([
      { kind: "h1", text: "T" },
      { kind: "h2", text: "S" },
      { kind: "p", text: "P <script>alert(1)</script>" },
      { kind: "ul", items: ["a", "b"] },
      { kind: "p", text: "Q" },
    ]);
  });

  it("les versions du dépôt sont valides et se suivent", () => {
    const first = readCguDocument("1.0");
    const second = readCguDocument("1.1");
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(compareVersions(second.document.version, first.document.version)).toBeGreaterThan(0);
    expect(readCguDocument("9.9")).toMatchObject({ ok: false, error: expect.stringContaining("introuvable") });
  });

  it("les numéros de version se comparent comme des nombres (1.10 après 1.9)", () => {
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("2", "1.9.9")).toBeGreaterThan(0);
    expect(compareVersions("1.0", "1")).toBe(0);
  });
});
