import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "./errors";

describe("reconnaître un refus d'unicité de la base", () => {
  it("sous ses trois formes : P2002 de Prisma, SQLSTATE 23505 de l'adaptateur, violation typée", () => {
    expect(isUniqueViolation(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("duplicate key"), { name: "DriverAdapterError", cause: { kind: "postgres", code: "23505" } }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("x"), { cause: { kind: "UniqueConstraintViolation" } }))).toBe(true);
  });

  it("et rien d'autre : une autre erreur de contrainte, une panne, une valeur quelconque", () => {
    expect(isUniqueViolation(Object.assign(new Error("check"), { cause: { kind: "postgres", code: "23514" } }))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(false);
    for (const value of [null, undefined, "P2002", 23505, {}]) expect(isUniqueViolation(value)).toBe(false);
  });
});
