// The access table in docs/regles/acces.md is the one the module applies: same rows, same cells.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS_TABLE, CAPABILITIES, type AccessRole } from "./capabilities";

const COLUMNS: AccessRole[] = ["ALLOCATAIRE", "CONJOINT", "CONJOINT_DELEGATAIRE", "CONJOINT_ALLOCATAIRE", "AUTRE_MEMBRE"];

describe("la table des accès de la documentation", () => {
  it("dit exactement ce que le module applique, capacité par capacité et rôle par rôle", () => {
    const doc = fs.readFileSync(path.join(import.meta.dirname, "../../docs/regles/acces.md"), "utf8");
    const rows = doc.split("\n").filter((line) => /^\| [A-Z_]+ —/.test(line));
    expect(rows.map((r) => r.slice(2).split(" ")[0])).toEqual([...CAPABILITIES]);
    for (const row of rows) {
      const cells = row.split("|").slice(1, -1).map((c) => c.trim());
      const capability = cells[0]!.split(" ")[0] as (typeof CAPABILITIES)[number];
      COLUMNS.forEach((role, i) => {
        expect({ capability, role, allowed: cells[i + 1] === "✔" }).toEqual({ capability, role, allowed: ACCESS_TABLE[role].includes(capability) });
      });
    }
    expect(ACCESS_TABLE.TIERS).toEqual([]);
  });
});
