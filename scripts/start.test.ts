// Start-up refuses a bad configuration with one clear sentence and no stack trace (issue: "Bad input").
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquirePgliteLock } from "../lib/db/pglite-lock";

const root = path.resolve(import.meta.dirname, "..");

function start(env: Record<string, string>) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, PORT: "3999", DATABASE_URL: "", MON_COMPTE_MODE: "", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function expectOneClearSentence(output: string, pattern: RegExp) {
  expect(output).toMatch(pattern);
  expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
}

describe("démarrage : une configuration fautive arrête le portail avec une phrase claire", () => {
  it("une DATABASE_URL mal formée est refusée en disant quoi corriger", () => {
    const { status, output } = start({ DATABASE_URL: "pas une adresse" });
    expect(status).toBe(1);
    expectOneClearSentence(output, /DATABASE_URL n'est pas une adresse valide : attendu postgresql:\/\//);
  });

  it("une TRUSTED_PROXIES qui n'est ni adresse ni plage CIDR est refusée avant tout démarrage", () => {
    const { status, output } = start({ TRUSTED_PROXIES: "10.0.0.0/8, proxy.interne" });
    expect(status).toBe(1);
    expectOneClearSentence(output, /TRUSTED_PROXIES contient « proxy\.interne », qui n'est ni une adresse IP ni une plage CIDR/);
  });

  it("une DATABASE_URL d'un autre moteur que PostgreSQL est refusée", () => {
    const { status, output } = start({ DATABASE_URL: "mysql://u:p@localhost:3306/base" });
    expect(status).toBe(1);
    expectOneClearSentence(output, /DATABASE_URL doit commencer par postgresql:\/\//);
  });

  it("un serveur PostgreSQL injoignable est signalé sans afficher le mot de passe", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const { status, output } = start({
      DATABASE_URL: `postgresql://moncompte:motdepassesecret@127.0.0.1:${closedPort}/moncompte`,
      MON_COMPTE_MODE: "demo",
    });
    expect(status).toBe(1);
    expectOneClearSentence(output, /Impossible de joindre le serveur PostgreSQL .*ECONNREFUSED.*vérifiez qu'il est démarré/);
    expect(output).not.toContain("motdepassesecret");
  });

  it("une base embarquée déjà utilisée par un autre processus n'est pas ouverte une seconde fois", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mon-compte-verrou-"));
    const release = acquirePgliteLock(dataDir);
    try {
      const { status, output } = start({ PGLITE_DATA_DIR: dataDir });
      expect(status).toBe(1);
      expectOneClearSentence(output, new RegExp(`est déjà utilisée par un autre processus \\(pid ${process.pid}\\) : arrêtez-le`));
    } finally {
      release();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("la production refuse de démarrer sans serveur d'envoi des courriels, avant de construire quoi que ce soit", () => {
    const { status, output } = start({
      MON_COMPTE_MODE: "production",
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
      DATA_LOOKUP_KEY: Buffer.alloc(32, 2).toString("base64"),
      AUTH_SECRET: "x".repeat(44),
      SMTP_URL: "",
    });
    expect(status).toBe(1);
    expectOneClearSentence(output, /SMTP_URL est obligatoire en production/);
    expect(output).not.toMatch(/construction du portail/);
  });

  it("la production refuse de démarrer sans ses clés de chiffrement", () => {
    const { status, output } = start({ MON_COMPTE_MODE: "production", DATA_ENCRYPTION_KEY: "", DATA_LOOKUP_KEY: "" });
    expect(status).toBe(1);
    expectOneClearSentence(output, /DATA_ENCRYPTION_KEY est obligatoire en production/);
  });

  it("un PORT qui n'est pas un numéro de port est refusé", () => {
    const { status, output } = start({ PORT: "http" });
    expect(status).toBe(1);
    expectOneClearSentence(output, /PORT vaut « http » : indiquez un numéro de port entre 1 et 65535/);
  });
});
