// The front desk (SPEC §1, "the same rules apply at the front desk"): `npm run admin -- dossier:voir <numéro> --pour
// <identifiant>` tells the agent what may be said to this person about this dossier, from the same access module as
// the space. A conjoint without délégation, another adult member or a stranger is told nothing; every consultation
// is journaled.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frontDeskView } from "../../lib/access/front-desk";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { ADULT_CHILD, seedTestFixtures } from "../../prisma/seed/test-fixtures";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";
import { openPrisma } from "../../lib/db/open-prisma";

const keys = demoKeys();
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, { log: () => {} });
  await seedTestFixtures(t.db, keys);
});
afterAll(async () => t?.dispose());

const NIR = { sophie: "290013306308710", karim: "187051305520164", ines: "281109205004516", nadia: "284064410903322", lea: "295072A00402138", thomas: "179067505612310" };
const view = (numeroAllocataire: string, identifiant: string) => frontDeskView(t.db, keys, { numeroAllocataire, identifiant, operateur: "agent.test" });
const text = (r: Awaited<ReturnType<typeof view>>) => (r.ok ? r.lines.join("\n") : r.message);
const NOTHING = "Rien ne peut être communiqué à cette personne sur ce dossier";

describe(`accueil : dossier:voir (${testDatabaseKind()})`, () => {
  it("l'allocataire se voit lire les membres, les prestations en cours et les derniers paiements, avec montants", async () => {
    const result = await view("0523456", NIR.sophie);
    expect(result).toMatchObject({ ok: true, told: true });
    const out = text(result);
    expect(out).toContain("Rôle : allocataire");
    expect(out).toContain("Sophie BERNARD, allocataire");
    expect(out).toContain("Karim BERNARD, conjoint");
    expect(out).toMatch(/AF \(Allocations familiales\) : [\d\s ,]+€ par mois/);
    expect(out).toMatch(/Derniers paiements :\n  - \d\d\/\d\d\/\d{4} : /);
    expect(out).not.toContain(NOTHING);
  });

  it("le conjoint avec délégation se voit lire le dossier, et son rôle dit la délégation", async () => {
    const out = text(await view("0523456", "1 87 05 13 055 201 64"));
    expect(out).toContain("Rôle : conjoint avec délégation");
    expect(out).toContain("voir le dossier");
    expect(out).toContain("Membres du foyer :");
  });

  it("la conjointe allocataire (AAH) se voit lire le dossier", async () => {
    const result = await view("0634567", NIR.nadia);
    expect(result).toMatchObject({ ok: true, told: true });
    expect(text(result)).toContain("Rôle : conjoint allocataire");
    expect(text(result)).toContain("Nadia PETIT, conjoint allocataire");
  });

  it("à la conjointe sans délégation, rien n'est dit du dossier : ni membres, ni prestations, ni paiements", async () => {
    const result = await view("0698765", NIR.ines);
    expect(result).toMatchObject({ ok: true, told: false });
    const out = text(result);
    expect(out).toContain("Rôle : conjoint sans délégation");
    expect(out).toContain(`${NOTHING} : conjoint sans délégation`);
    expect(out).not.toMatch(/Thomas|MOREAU, |€|Membres|Prestations en cours|paiements/);
  });

  it("à l'enfant majeur du foyer, rien n'est dit du dossier", async () => {
    const result = await view("0698765", ADULT_CHILD.nir);
    expect(result).toMatchObject({ ok: true, told: false });
    expect(text(result)).toContain("Rôle : autre membre majeur du foyer");
    expect(text(result)).toContain(`${NOTHING} : autre membre majeur du foyer`);
    expect(text(result)).not.toMatch(/€|Thomas/);
  });

  it("à une personne d'un autre foyer, rien n'est dit, pas même qui en est membre", async () => {
    const result = await view("0523456", NIR.lea);
    expect(result).toMatchObject({ ok: true, told: false });
    expect(text(result)).toContain(`${NOTHING} : elle n'est pas membre de ce dossier`);
    expect(text(result)).toContain("Cette personne ne peut rien faire sur ce dossier.");
    expect(text(result)).not.toMatch(/Sophie|Karim|€/);
  });

  it("un numéro allocataire inconnu, un identifiant inconnu ou mal formé sont refusés en une phrase", async () => {
    expect(await view("0999999", NIR.sophie)).toEqual({ ok: false, message: "Aucun dossier ne porte le numéro allocataire 0999999." });
    expect(await view("0523456", "190017505612345")).toMatchObject({ ok: false });
    expect(await view("0523456", "P12345678")).toEqual({ ok: false, message: "Aucune personne ne correspond à cet identifiant." });
    expect(await view("12", NIR.sophie)).toMatchObject({ ok: false });
    expect(await view("0523456", "pas un identifiant")).toMatchObject({ ok: false });
  });

  it("chaque consultation est journalisée : l'agent comme acteur, la personne comme sujet, et si quelque chose a été dit", async () => {
    const before = await t.db.journalAudit.count({ where: { type: { in: ["DOSSIER_CONSULTE_GUICHET", "GUICHET_RIEN_COMMUNIQUE"] } } });
    await view("0698765", NIR.thomas);
    await view("0698765", NIR.ines);
    await view("0999999", NIR.ines);
    const rows = await t.db.journalAudit.findMany({ where: { type: { in: ["DOSSIER_CONSULTE_GUICHET", "GUICHET_RIEN_COMMUNIQUE"] } }, orderBy: { id: "asc" }, skip: before });
    expect(rows.map((r) => r.type)).toEqual(["DOSSIER_CONSULTE_GUICHET", "GUICHET_RIEN_COMMUNIQUE"]);
    const foyer = await t.db.foyer.findUniqueOrThrow({ where: { numeroAllocataire: "0698765" } });
    const ines = await t.db.personne.findFirstOrThrow({ where: { nomNaissance: "ROCHE" } });
    expect(rows[1]).toMatchObject({ acteur: "operateur:agent.test", sujetId: ines.id, foyerId: foyer.id, details: { numeroAllocataire: "0698765", role: "CONJOINT" } });
    expect(JSON.stringify(rows.map((r) => r.details))).not.toContain(NIR.ines);
  });
});

describe(`accueil : la commande elle-même (${testDatabaseKind()})`, () => {
  it("npm run admin -- dossier:voir imprime ce qui peut être dit, et se termine en erreur pour un dossier inconnu", async () => {
    // The command opens the database itself: this test's own copy, closed here first (PGlite has one process at a time).
    const own = await createTestDatabase();
    await seedPersonas(own.db, keys, { log: () => {} });
    await own.db.close();
    const env: NodeJS.ProcessEnv = { ...process.env, OPERATEUR: "agent.accueil", MON_COMPTE_MODE: "demo" };
    delete env.DATABASE_URL;
    delete env.PGLITE_DATA_DIR;
    if (own.config.kind === "postgres") env.DATABASE_URL = own.config.url;
    else env.PGLITE_DATA_DIR = own.config.dataDir;
    const root = path.resolve(import.meta.dirname, "../..");
    const run = (...args: string[]) => {
      const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/admin.ts", "dossier:voir", ...args], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    try {
      const sophie = run("0523456", "--pour", "2 90 01 33 063 087 10");
      expect(sophie.stderr).toBe("");
      expect(sophie.status).toBe(0);
      expect(sophie.stdout).toContain("Rôle : allocataire");
      expect(sophie.stdout).toContain("Derniers paiements :");
      const unknown = run("0999999", "--pour", NIR.ines);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr.trim()).toBe("Aucun dossier ne porte le numéro allocataire 0999999.");
      const reopened = await openPrisma(own.config);
      try {
        expect(await reopened.journalAudit.count({ where: { type: { in: ["DOSSIER_CONSULTE_GUICHET", "GUICHET_RIEN_COMMUNIQUE"] }, acteur: "operateur:agent.accueil" } })).toBe(1);
      } finally {
        await reopened.close();
      }
    } finally {
      own.db.close = async () => {};
      await own.dispose();
    }
  }, 150_000);
});
