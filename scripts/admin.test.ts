// The operator command line refuses bad arguments with one sentence and exit code 2, before touching any database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function admin(...args: string[]) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/admin.ts", ...args], {
    cwd: root,
    // A database that cannot exist: argument errors must be reported before any connection is tried.
    env: { ...process.env, DATABASE_URL: "postgresql://personne@127.0.0.1:1/aucune", MON_COMPTE_MODE: "production" },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm run admin -- compte:reinitialiser", () => {
  it("sans identifiant, la commande est refusée avec son mode d'emploi et ne fait rien", () => {
    const { status, output } = admin("compte:reinitialiser");
    expect(status).toBe(2);
    expect(output).toContain("Identifiant manquant.");
    expect(output).toContain("compte:reinitialiser");
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it("une action inconnue est refusée avec la liste des actions, dont compte:reinitialiser", () => {
    const { status, output } = admin("compte:reinitialise", "288036912304529");
    expect(status).toBe(2);
    expect(output).toContain("Action inconnue.");
    expect(output).toMatch(/Actions : .*compte:reinitialiser/);
  });

  it("un motif de plus de 200 caractères est refusé", () => {
    const { status, output } = admin("compte:reinitialiser", "288036912304529", "--motif", "x".repeat(201));
    expect(status).toBe(2);
    expect(output).toContain("Le motif ne peut pas dépasser 200 caractères.");
  });
});

describe("npm run admin -- dossier:voir", () => {
  it("sans numéro allocataire, la commande est refusée avec son mode d'emploi, sans ouvrir la base", () => {
    const { status, output } = admin("dossier:voir", "--pour", "290013306308710");
    expect(status).toBe(2);
    expect(output).toContain("Numéro allocataire manquant.");
    expect(output).toContain("dossier:voir <numéro allocataire> --pour <identifiant>");
  });

  it("sans --pour, la commande est refusée : on ne lit pas un dossier sans savoir à qui on parle", () => {
    const { status, output } = admin("dossier:voir", "0523456");
    expect(status).toBe(2);
    expect(output).toContain("Identifiant de la personne manquant (--pour).");
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
