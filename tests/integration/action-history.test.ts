// "Historique des actions" (issue 11): whoever may see the dossier reads the foyer's démarches, with who acted and on
// what basis — "Coordonnées bancaires modifiées par Karim BERNARD (délégation) pour le dossier 0523456" — and every
// person reads the actions on their own data. The data functions check the grant: no journal without the right.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError, decideAccess, decideSelfAccess, journalDemarche, type AccessGrant } from "../../lib/access";
import { ACTIONS_PER_PAGE, foyerActions, ownDataActions } from "../../lib/audit/action-history";
import { journal } from "../../lib/audit/journal";
import { grantDelegation, withdrawDelegation } from "../../lib/delegation/delegation-service";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { ADULT_CHILD, seedTestFixtures } from "../../prisma/seed/test-fixtures";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const ids: Record<string, string> = {};
const KARIM_IP = "192.0.2.44";
const SOPHIE_IP = "198.51.100.7";

beforeAll(async () => {
  t = await createTestDatabase();
  const keys = demoKeys();
  await seedPersonas(t.db, keys, { log: () => {} });
  await seedTestFixtures(t.db, keys);
  for (const [key, nom, prenom] of [
    ["sophie", "BERNARD", "Sophie"],
    ["karim", "BERNARD", "Karim"],
    ["thomas", "MOREAU", "Thomas"],
    ["ines", "ROCHE", "Inès"],
    ["lucas", ADULT_CHILD.nomNaissance, "Lucas"],
    ["lea", "LEFEBVRE", "Léa"],
  ] as const) {
    ids[key] = (await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } } })).id;
  }
});
afterAll(async () => t?.dispose());

const grantOf = async (who: string, numeroAllocataire: string) => (await decideAccess(t.db, ids[who]!, { numeroAllocataire }))!;

describe(`historique des actions du dossier (${testDatabaseKind()})`, () => {
  it("Karim (délégation) change les coordonnées bancaires : Sophie lit « par Karim BERNARD (délégation) pour le dossier 0523456 »", async () => {
    const karim = await grantOf("karim", "0523456");
    expect(karim.basis).toBe("delegation");
    await journalDemarche(t.db, karim, { type: "COORDONNEES_BANCAIRES_MODIFIEES", ip: KARIM_IP, details: { pays: "FR" } });

    const forSophie = await foyerActions(t.db, await grantOf("sophie", "0523456"));
    expect(forSophie.entries[0]).toMatchObject({ phrase: "Coordonnées bancaires modifiées par Karim BERNARD (délégation) pour le dossier 0523456", categorie: "demarche" });
    // Karim's client address is his personal data: Sophie does not see it.
    expect(forSophie.entries[0]!.adresse).toBeNull();
    expect(JSON.stringify(forSophie)).not.toContain(KARIM_IP);

    const forKarim = await foyerActions(t.db, karim);
    expect(forKarim.entries[0]).toMatchObject({ phrase: "Coordonnées bancaires modifiées par vous (délégation) pour le dossier 0523456", adresse: KARIM_IP });
  });

  it("la conjointe allocataire voit le journal de son dossier ; le conjoint sans délégation, l'enfant majeur et un tiers non", async () => {
    const nadia = (await decideAccess(t.db, (await t.db.personne.findFirstOrThrow({ where: { prenoms: { has: "Nadia" } } })).id, { numeroAllocataire: "0634567" }))!;
    await expect(foyerActions(t.db, nadia)).resolves.toMatchObject({ page: 1 });
    for (const [who, numero] of [["ines", "0698765"], ["lucas", "0698765"], ["lea", "0523456"]] as const) {
      await expect(foyerActions(t.db, await grantOf(who, numero)), who).rejects.toBeInstanceOf(AccessDeniedError);
    }
  });

  it("un droit fabriqué à la main (pas délivré par decideAccess) ne lit rien", async () => {
    const real = await grantOf("thomas", "0698765");
    const forged = { ...real, capabilities: [...real.capabilities] } as AccessGrant;
    await expect(foyerActions(t.db, forged)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("les entrées internes (connexions, accès refusés, guichet sans réponse) et celles d'un autre foyer n'y figurent pas", async () => {
    const thomas = await grantOf("thomas", "0698765");
    const otherFoyer = (await grantOf("sophie", "0523456")).dossier.id;
    for (const type of ["ACCES_REFUSE", "CONNEXION_REUSSIE", "GUICHET_RIEN_COMMUNIQUE"]) {
      await journal(t.db, { type, acteur: ids.ines!, sujetId: ids.ines!, foyerId: thomas.dossier.id, ip: "203.0.113.9" });
    }
    await journal(t.db, { type: "SEPARATION_DECLAREE", acteur: ids.sophie!, sujetId: ids.sophie!, foyerId: otherFoyer, details: { titre: "titulaire" } });
    const history = await foyerActions(t.db, thomas);
    expect(history.entries).toEqual([]);
  });

  it("les actions sont les plus récentes d'abord, 50 par page, avec une page suivante tant qu'il en reste", async () => {
    const sophie = await grantOf("sophie", "0523456");
    const base = Date.UTC(2026, 0, 1);
    await t.db.journalAudit.createMany({
      data: Array.from({ length: 2 * ACTIONS_PER_PAGE + 5 }, (_, i) => ({
        type: "SEPARATION_DECLAREE",
        acteur: ids.sophie!,
        sujetId: ids.sophie!,
        foyerId: sophie.dossier.id,
        survenuLe: new Date(base + i * 60_000),
        details: { titre: "titulaire", rang: i },
      })),
    });
    const first = await foyerActions(t.db, sophie, 1);
    expect(first.entries).toHaveLength(ACTIONS_PER_PAGE);
    expect(first.hasNext).toBe(true);
    const dates = first.entries.map((e) => e.survenuLe.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const third = await foyerActions(t.db, sophie, 3);
    // 105 séparations + the bank details change and the séparation of the previous tests → 7 on page 3.
    expect(third.entries.length).toBeGreaterThan(0);
    expect(third.entries.length).toBeLessThan(ACTIONS_PER_PAGE);
    expect(third.hasNext).toBe(false);
    expect(third.entries.at(-1)!.survenuLe.getTime()).toBe(base);
    // A page outside the range is the first page.
    expect((await foyerActions(t.db, sophie, 0)).page).toBe(1);
  });
});

describe(`actions sur ses propres données (${testDatabaseKind()})`, () => {
  it("chacun voit les actions sur ses données, « par vous » avec son adresse, et les démarches qui le concernent", async () => {
    await journal(t.db, { type: "MOT_DE_PASSE_MODIFIE", acteur: ids.sophie!, sujetId: ids.sophie!, ip: SOPHIE_IP });
    await withdrawDelegation(t.db, demoKeys(), await grantOf("sophie", "0523456"), { ip: SOPHIE_IP });
    await grantDelegation(t.db, demoKeys(), await grantOf("sophie", "0523456"), { ip: SOPHIE_IP });

    const sophie = await ownDataActions(t.db, decideSelfAccess(ids.sophie!));
    expect(sophie.entries.map((e) => e.phrase)).toContain("Mot de passe modifié par vous");
    expect(sophie.entries.find((e) => e.phrase === "Mot de passe modifié par vous")!.adresse).toBe(SOPHIE_IP);
    // Karim's bank details change was for Sophie's account (délégation): it concerns her.
    expect(sophie.entries.map((e) => e.phrase)).toContain("Coordonnées bancaires modifiées par Karim BERNARD (délégation) pour le dossier 0523456");

    const karim = await ownDataActions(t.db, decideSelfAccess(ids.karim!));
    const phrases = karim.entries.map((e) => e.phrase);
    expect(phrases[0]).toBe("Délégation de gestion du dossier accordée par Sophie BERNARD pour le dossier 0523456");
    expect(phrases[1]).toBe("Délégation de gestion du dossier retirée par Sophie BERNARD pour le dossier 0523456");
    expect(phrases.join("\n")).not.toContain("Mot de passe");
    expect(JSON.stringify(karim)).not.toContain(SOPHIE_IP);
  });

  it("une personne sans action enregistrée a un historique vide ; les connexions n'y figurent pas", async () => {
    await journal(t.db, { type: "CONNEXION_REUSSIE", acteur: ids.lucas!, sujetId: ids.lucas!, ip: "203.0.113.5" });
    await journal(t.db, { type: "DECONNEXION", acteur: ids.lucas!, sujetId: ids.lucas!, ip: "203.0.113.5" });
    expect(await ownDataActions(t.db, decideSelfAccess(ids.lucas!))).toEqual({ entries: [], page: 1, hasNext: false });
  });

  it("un droit sur soi fabriqué à la main ne lit rien", async () => {
    const forged = Object.freeze({ acteurId: ids.ines!, sujetId: ids.sophie!, capabilities: ["VOIR_SES_DONNEES"] as const, decidedAt: new Date() });
    await expect(ownDataActions(t.db, forged)).rejects.toThrow(/Accès refusé/);
  });
});
