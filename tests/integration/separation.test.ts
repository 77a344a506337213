// "Déclarer une séparation" (docs/regles/delegation-et-separation.md): open to the two members of a couple
// (DECLARER_SEPARATION), never to an adult child, a single allocataire or a stranger; one request "en cours" per
// foyer whatever the number of submissions; the délégation ended at once (the delegataire's sessions too); the other
// member told on their confirmed contact details only; journaled; bad dates refused with nothing recorded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError, can, decideAccess } from "../../lib/access";
import { declareSeparation, separationEnCours } from "../../lib/separation";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { seedTestFixtures } from "../../prisma/seed/test-fixtures";
import { demoKeys } from "../support/demo-keys";
import { confirmedContactsOf, queuedNotices } from "../support/notices";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const ip = "192.0.2.20";
const keys = demoKeys();

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, { log: () => {} });
  await seedTestFixtures(t.db, keys);
});
afterAll(async () => t?.dispose());

const idOf = async (nom: string, prenom: string) => (await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } } })).id;
const grantOf = async (personneId: string, numeroAllocataire: string) => (await decideAccess(t.db, personneId, { numeroAllocataire }, new Date()))!;
const foyerId = async (numeroAllocataire: string) => (await t.db.foyer.findUniqueOrThrow({ where: { numeroAllocataire } })).id;
const ddmmyyyy = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
const valid = { dateSeparation: "15/03/2026", confirmation: "oui" };

describe(`déclarer une séparation (${testDatabaseKind()})`, () => {
  it("l'allocataire et le conjoint (avec ou sans délégation, allocataire) peuvent déclarer ; ni l'enfant majeur, ni l'allocataire seul, ni une personne extérieure", async () => {
    const allowed = [
      ["BERNARD", "Sophie", "0523456"],
      ["BERNARD", "Karim", "0523456"],
      ["MOREAU", "Thomas", "0698765"],
      ["ROCHE", "Inès", "0698765"],
      ["PETIT", "Marc", "0634567"],
      ["HADDAD", "Nadia", "0634567"],
      ["DURAND", "Julien", "0412345"],
    ] as const;
    for (const [nom, prenom, numero] of allowed) expect(can(await grantOf(await idOf(nom, prenom), numero), "DECLARER_SEPARATION"), prenom).toBe(true);
    const refused = [
      ["MOREAU", "Lucas", "0698765"],
      ["LEFEBVRE", "Léa", "0745678"],
      ["GIRARD", "Jeanne", "0967890"],
      ["BERNARD", "Sophie", "0698765"],
    ] as const;
    for (const [nom, prenom, numero] of refused) {
      const grant = await grantOf(await idOf(nom, prenom), numero);
      expect(can(grant, "DECLARER_SEPARATION"), prenom).toBe(false);
      await expect(declareSeparation(t.db, keys, grant, valid, { ip })).rejects.toBeInstanceOf(AccessDeniedError);
      // A single allocataire sees their dossier ("Mon dossier" asks with VOIR_DOSSIER): no request there. Others: nothing.
      if (can(grant, "VOIR_DOSSIER")) expect(await separationEnCours(grant, t.db)).toBeNull();
      else await expect(separationEnCours(grant, t.db)).rejects.toBeInstanceOf(AccessDeniedError);
    }
    expect(await t.db.declarationSeparation.count()).toBe(0);
    expect(await t.db.journalAudit.count({ where: { type: "SEPARATION_DECLAREE" } })).toBe(0);
  });

  it("une date absente, illisible, inexistante, future ou antérieure au couple, ou la case non cochée : message précis, rien d'enregistré", async () => {
    const grant = await grantOf(await idOf("PETIT", "Marc"), "0634567");
    const tomorrow = new Date(Date.now() + 36 * 3600_000);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...valid, dateSeparation: "" }, "dateSeparation", "Indiquez la date de votre séparation."],
      [{ ...valid, dateSeparation: undefined }, "dateSeparation", "Indiquez la date de votre séparation."],
      [{ ...valid, dateSeparation: "hier" }, "dateSeparation", "n'est pas lisible"],
      [{ ...valid, dateSeparation: "30/02/2026" }, "dateSeparation", "La date du 30/02/2026 n'existe pas"],
      [{ ...valid, dateSeparation: "2026-13-01" }, "dateSeparation", "n'existe pas"],
      [{ ...valid, dateSeparation: ddmmyyyy(tomorrow) }, "dateSeparation", "ne peut pas être dans le futur"],
      [{ ...valid, dateSeparation: "31/08/2014" }, "dateSeparation", "ne peut pas précéder le 1er septembre 2014"],
      [{ ...valid, confirmation: undefined }, "confirmation", "Cochez la case"],
      [{ ...valid, confirmation: "non" }, "confirmation", "Cochez la case"],
    ];
    for (const [input, field, message] of cases) {
      const outcome = await declareSeparation(t.db, keys, grant, input as typeof valid, { ip });
      expect(outcome, JSON.stringify(input)).toMatchObject({ ok: false, reason: "SAISIE_INVALIDE" });
      expect(outcome.ok ? "" : outcome.fieldErrors[field as "dateSeparation"], JSON.stringify(input)).toContain(message);
    }
    expect(await t.db.declarationSeparation.count()).toBe(0);
    expect(await t.db.journalAudit.count({ where: { type: "SEPARATION_DECLAREE" } })).toBe(0);
    // The first day of the couple and today are accepted.
    const today = ddmmyyyy(new Date());
    expect(await declareSeparation(t.db, keys, grant, { ...valid, dateSeparation: today }, { ip })).toMatchObject({ ok: true, enregistree: true });
    expect(await t.db.declarationSeparation.count({ where: { foyerId: await foyerId("0634567") } })).toBe(1);
  });

  it("vingt déclarations simultanées des deux membres du couple donnent une seule demande, un seul journal et un seul avis", async () => {
    const thomas = await idOf("MOREAU", "Thomas");
    const ines = await idOf("ROCHE", "Inès");
    const grants = [await grantOf(thomas, "0698765"), await grantOf(ines, "0698765")];
    const since = new Date();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => declareSeparation(t.db, keys, grants[i % 2]!, valid, { ip })));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.filter((o) => o.ok && o.enregistree)).toHaveLength(1);
    const foyer = await foyerId("0698765");
    expect(await t.db.declarationSeparation.count({ where: { foyerId: foyer } })).toBe(1);
    expect(await t.db.journalAudit.count({ where: { type: "SEPARATION_DECLAREE", foyerId: foyer } })).toBe(1);
    const row = await t.db.declarationSeparation.findFirstOrThrow({ where: { foyerId: foyer } });
    const other = row.declareePar === thomas ? ines : thomas;
    const notices = await queuedNotices(t.db, keys, since);
    expect(notices.map((n) => n.destinataire).sort()).toEqual(await confirmedContactsOf(t.db, keys, other));
    // Declaring again later still gives the same single request.
    expect(await declareSeparation(t.db, keys, grants[0]!, valid, { ip })).toMatchObject({ ok: true, enregistree: false });
    expect(await t.db.declarationSeparation.count({ where: { foyerId: foyer } })).toBe(1);
  });

  it("Sophie déclare : la délégation de Karim prend fin (sessions closes), Karim seul est prévenu, tout est journalisé, le dossier montre la demande en cours", async () => {
    const sophie = await idOf("BERNARD", "Sophie");
    const karim = await idOf("BERNARD", "Karim");
    const before = await t.db.compte.findUniqueOrThrow({ where: { personneId: karim } });
    const since = new Date();
    const outcome = await declareSeparation(t.db, keys, await grantOf(sophie, "0523456"), valid, { ip });
    expect(outcome).toMatchObject({ ok: true, enregistree: true, versionSessionDeclarant: null });
    expect(await t.db.delegation.count({ where: { foyerId: await foyerId("0523456"), retireeLe: null } })).toBe(0);
    expect((await t.db.compte.findUniqueOrThrow({ where: { personneId: karim } })).versionSession).toBe(before.versionSession + 1);
    expect(can(await grantOf(karim, "0523456"), "VOIR_DOSSIER")).toBe(false);

    const ended = await t.db.journalAudit.findFirstOrThrow({ where: { type: "DELEGATION_TERMINEE_SEPARATION", sujetId: karim } });
    expect(ended).toMatchObject({ acteur: sophie, foyerId: await foyerId("0523456") });
    const declared = await t.db.journalAudit.findFirstOrThrow({ where: { type: "SEPARATION_DECLAREE", acteur: sophie } });
    expect(declared.details).toMatchObject({ titre: "titulaire", dateSeparation: "2026-03-15", delegationTerminee: true, autreMembre: karim });

    const notices = await queuedNotices(t.db, keys, since);
    expect(notices.map((n) => n.destinataire).sort()).toEqual(await confirmedContactsOf(t.db, keys, karim));
    expect(notices.length).toBe(1);
    expect(notices[0]!.texte).toContain("separation");
    expect(await t.db.journalAudit.count({ where: { type: "DELEGATION_RETIREE", sujetId: karim, survenuLe: { gte: since } } })).toBe(0);

    // Each member sees the request awaiting the Caf (the other one at their next visit).
    expect(await separationEnCours(await grantOf(sophie, "0523456"), t.db)).toMatchObject({ parVous: true, declarant: "Sophie BERNARD" });
    expect(await separationEnCours(await grantOf(karim, "0523456"), t.db)).toMatchObject({ parVous: false, declarant: "Sophie BERNARD" });
  });

  it("un conjoint délégataire qui déclare garde sa session en cours (nouvelle version) ; Julien déclare et Claire, sans coordonnée confirmée, le verra à sa prochaine visite", async () => {
    // Marc's foyer has a request already: use Claire and Julien, with a délégation given to Julien.
    const claire = await idOf("MARTIN", "Claire");
    const julien = await idOf("DURAND", "Julien");
    await t.db.delegation.create({ data: { foyerId: await foyerId("0412345"), delegantId: claire, delegataireId: julien } });
    expect((await grantOf(julien, "0412345")).role).toBe("CONJOINT_DELEGATAIRE");
    const before = await t.db.compte.findUniqueOrThrow({ where: { personneId: julien } });
    const since = new Date();
    const outcome = await declareSeparation(t.db, keys, await grantOf(julien, "0412345"), valid, { ip });
    expect(outcome).toMatchObject({ ok: true, enregistree: true, avis: [], versionSessionDeclarant: before.versionSession + 1 });
    expect(await queuedNotices(t.db, keys, since)).toEqual([]);
    const declared = await t.db.journalAudit.findFirstOrThrow({ where: { type: "SEPARATION_DECLAREE", acteur: julien } });
    expect(declared.details).toMatchObject({ titre: "delegation", avisEnvoyes: 0 });
    expect(await separationEnCours(await grantOf(claire, "0412345"), t.db)).toMatchObject({ parVous: false, declarant: "Julien DURAND" });
  });
});
