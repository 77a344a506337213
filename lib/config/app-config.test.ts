import { describe, expect, it } from "vitest";
import { ConfigurationError, resolveDatabaseConfig } from "../db/database-config";
import { loadAppConfig, resolveMode } from "./app-config";

const key = Buffer.alloc(32, 7).toString("base64");

describe("configuration", () => {
  it("sans DATABASE_URL, le portail utilise la base embarquée dans .data/pglite", () => {
    const config = resolveDatabaseConfig({});
    expect(config).toMatchObject({ kind: "pglite" });
    expect(config.kind === "pglite" && config.dataDir.endsWith(".data/pglite")).toBe(true);
  });

  it("PGLITE_DATA_DIR choisit un autre dossier pour la base embarquée", () => {
    expect(resolveDatabaseConfig({ PGLITE_DATA_DIR: "/tmp/ailleurs" })).toEqual({ kind: "pglite", dataDir: "/tmp/ailleurs" });
  });

  it("une DATABASE_URL postgresql:// désigne un serveur PostgreSQL, mot de passe masqué dans les messages", () => {
    const config = resolveDatabaseConfig({ DATABASE_URL: "postgresql://app:secret@db.interne:5432/moncompte" });
    expect(config).toMatchObject({ kind: "postgres", url: "postgresql://app:secret@db.interne:5432/moncompte" });
    expect(config.kind === "postgres" && config.displayUrl).toBe("postgresql://app:****@db.interne:5432/moncompte");
  });

  it.each([
    ["pas une adresse", /n'est pas une adresse valide/],
    ["mysql://u@h/b", /doit commencer par postgresql/],
    ["postgresql://u@h:5432", /ne précise pas de base/],
  ])("la DATABASE_URL « %s » est refusée avec une phrase qui dit quoi corriger", (url, message) => {
    expect(() => resolveDatabaseConfig({ DATABASE_URL: url })).toThrow(ConfigurationError);
    expect(() => resolveDatabaseConfig({ DATABASE_URL: url })).toThrow(message);
  });

  it("sans configuration, c'est la démonstration ; avec une DATABASE_URL, la production", () => {
    expect(resolveMode({})).toBe("demo");
    expect(resolveMode({ DATABASE_URL: "postgresql://h/b" })).toBe("production");
    expect(resolveMode({ DATABASE_URL: "postgresql://h/b", MON_COMPTE_MODE: "demo" })).toBe("demo");
    expect(() => resolveMode({ MON_COMPTE_MODE: "test" })).toThrow(/les valeurs possibles sont demo et production/);
  });

  it("la production exige ses propres clés, jamais celles de la démonstration", () => {
    const production = { MON_COMPTE_MODE: "production", DATABASE_URL: "postgresql://h/b" };
    expect(() => loadAppConfig(production)).toThrow(/DATA_ENCRYPTION_KEY est obligatoire/);
    const demo = loadAppConfig({});
    expect(() =>
      loadAppConfig({ ...production, DATA_ENCRYPTION_KEY: demo.dataEncryptionKey.toString("base64"), DATA_LOOKUP_KEY: key }),
    ).toThrow(/clé de démonstration, interdite en production/);
    expect(() => loadAppConfig({ ...production, DATA_ENCRYPTION_KEY: "court", DATA_LOOKUP_KEY: key })).toThrow(/32 octets/);
    const keys = { DATA_ENCRYPTION_KEY: key, DATA_LOOKUP_KEY: Buffer.alloc(32, 8).toString("base64") };
    expect(() => loadAppConfig({ ...production, ...keys })).toThrow(/AUTH_SECRET est obligatoire/);
    expect(() => loadAppConfig({ ...production, ...keys, AUTH_SECRET: "court" })).toThrow(/au moins 32 caractères/);
    expect(loadAppConfig({ ...production, ...keys, AUTH_SECRET: "x".repeat(44) }).mode).toBe("production");
  });

  it("le nom de l'organisme affiché est réglable par OPERATOR_NAME", () => {
    expect(loadAppConfig({}).operatorName).toBe("Caisse d'allocations familiales");
    expect(loadAppConfig({ OPERATOR_NAME: "Caf du Rhône" }).operatorName).toBe("Caf du Rhône");
  });
});
