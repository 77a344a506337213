// Demo data and real people never share a database (issue 10, point 10), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SEPARATION_MESSAGES, demoSeparationRefusal, enforceDemoSeparation } from "../../lib/demo/demo-separation";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t?.dispose();
});

const realPerson = {
  nomNaissance: "REEL",
  prenoms: ["Personne"],
  sexe: "F" as const,
  dateNaissance: new Date("1980-05-04"),
  lieuNaissancePays: "FRANCE",
};

describe(`séparation de la démonstration et des vraies personnes (${testDatabaseKind()})`, () => {
  it("une base vide peut servir la démonstration comme la production", async () => {
    expect(await demoSeparationRefusal(t.db, "demo")).toBeNull();
    expect(await demoSeparationRefusal(t.db, "production")).toBeNull();
  });

  it("une instance de production refuse de démarrer tant que des personas de démonstration sont présents, en une phrase qui dit pourquoi", async () => {
    await seedPersonas(t.db, demoKeys(), { log: () => {} });
    expect(await demoSeparationRefusal(t.db, "demo")).toBeNull();
    const refusal = await demoSeparationRefusal(t.db, "production");
    expect(refusal).toBe(DEMO_SEPARATION_MESSAGES.productionAvecPersonnesFictives);
    expect(refusal!.split(/[.!?]\s/).length).toBe(1);
  });

  it("une instance de démonstration refuse de démarrer sur une base qui contient une seule personne non marquée fictive", async () => {
    const real = await t.db.personne.create({ data: realPerson, select: { id: true } });
    try {
      const refusal = await demoSeparationRefusal(t.db, "demo");
      expect(refusal).toBe(DEMO_SEPARATION_MESSAGES.demoSurPersonnesReelles);
      expect(refusal).not.toMatch(/REEL/);
    } finally {
      await t.db.personne.delete({ where: { id: real.id } });
    }
    expect(await demoSeparationRefusal(t.db, "demo")).toBeNull();
  });

  // A second process on one PGlite directory is not allowed: the start-up wrapper is exercised on the server.
  it.runIf(testDatabaseKind() === "postgres")("le démarrage s'arrête sur ce refus avec sa phrase (ConfigurationError)", async () => {
    await expect(enforceDemoSeparation(t.config, "production")).rejects.toThrow(DEMO_SEPARATION_MESSAGES.productionAvecPersonnesFictives);
    await expect(enforceDemoSeparation(t.config, "demo")).resolves.toBeUndefined();
  });
});
