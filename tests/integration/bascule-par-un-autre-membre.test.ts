// La bascule done by another member of the foyer (issue 10, point 9): whoever knows the dossier password and a
// NIR can activate that person's account. The real owner hears of it on the contact details the dossier held, the
// protector too; the Caf can suspend any account and reset one. Real database, messages delivered over real SMTP
// and real HTTP (the Twilio client) to the local sinks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "../../lib/auth/authenticate-password";
import { runOperatorAction } from "../../lib/auth/operator-actions";
import { acceptCgu, currentCgu } from "../../lib/cgu/cgu-versions";
import { readContacts, saveContacts } from "../../lib/contacts/contact-details";
import { deliverPendingMessages } from "../../lib/messaging/deliver-outbox";
import { activateIfComplete, answerDelegation, chooseFirstPassword, finishContactsStep } from "../../lib/premiere-connexion/wizard-service";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { startLocalSinks, type LocalSinks } from "../support/local-sinks";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

let t: TestDatabase;
let sinks: LocalSinks;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, { log: () => {} });
  sinks = await startLocalSinks();
});

afterAll(async () => {
  await sinks?.close();
  await t?.dispose();
});

const login = (identifiant: string, motDePasse: string) => authenticateWithPassword(t.db, keys, { identifiant, motDePasse, ip: freshIp(), userAgent: null });

async function actorOf(nom: string, prenom: string) {
  const personne = await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } }, select: { id: true, compte: { select: { id: true } } } });
  return { personneId: personne.id, compteId: personne.compte!.id, ip: freshIp() };
}

/** Someone goes through the whole wizard of this account, with contact details of their own. */
async function basculeBySomeoneElse(actor: Awaited<ReturnType<typeof actorOf>>, contacts: { email: string; mobile: string }, delegation?: boolean) {
  const cgu = (await currentCgu(t.db))!;
  expect(await acceptCgu(t.db, { personneId: actor.personneId, versionId: cgu.id, ip: actor.ip })).toEqual({ ok: true });
  expect(await chooseFirstPassword(t.db, keys, { ...actor, nouveauMotDePasse: "Usurpation2026Vite", confirmation: "Usurpation2026Vite" })).toMatchObject({ ok: true });
  expect(await saveContacts(t.db, keys, { ...actor, ...contacts })).toMatchObject({ ok: true });
  expect(await finishContactsStep(t.db, actor)).toEqual({ ok: true });
  if (delegation !== undefined) expect(await answerDelegation(t.db, keys, { ...actor, accorder: delegation })).toMatchObject({ ok: true });
  expect(await activateIfComplete(t.db, keys, actor)).toBe(true);
}

/** Delivers the outbox, then what each recipient received (subject or SMS text). */
async function deliveredTo(recipient: string): Promise<string[]> {
  await deliverPendingMessages(t.db, sinks.transports, keys, { now: new Date(Date.now() + 60_000), log: () => {} });
  return (await sinks.received((m) => m.to.includes(recipient))).map((m) => `${m.subject ?? ""} ${m.text}`);
}

describe(`la bascule faite par un autre membre du foyer (${testDatabaseKind()})`, () => {
  it("la Caf peut suspendre un compte pas encore activé : la bascule est refusée ; réactivé, il redevient non activé", async () => {
    const suspended = await runOperatorAction(t.db, keys, { action: "compte:suspendre", identifiant: "186117505611249", operateur: "agent.test", motif: "signalement" });
    expect(suspended).toMatchObject({ ok: true });
    expect(await login("186117505611249", "48207315")).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
    expect(await runOperatorAction(t.db, keys, { action: "compte:reactiver", identifiant: "186117505611249", operateur: "agent.test" })).toMatchObject({ ok: true });
    const julien = await t.db.compte.findFirstOrThrow({ where: { personne: { nomNaissance: "DURAND", prenoms: { has: "Julien" } } } });
    expect(julien.etat).toBe("NON_ACTIVE");
    expect(await login("186117505611249", "48207315")).toMatchObject({ ok: true, kind: "bascule", activationPending: true });
  });

  it("l'activation prévient les coordonnées que le dossier avait pour la personne, pas celles saisies pendant l'assistant, sans lien", async () => {
    const julien = await actorOf("DURAND", "Julien");
    await basculeBySomeoneElse(julien, { email: "intrus@example.net", mobile: "06 39 98 10 51" });

    const told = await deliveredTo("+33639981002");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/votre espace a ete active le \d+ [^ ]+ \d{4} à \d+ h \d+\. Si ce n'est pas vous, contactez votre Caf/);
    expect(told[0]).not.toMatch(/http|www\./i);
    expect(await deliveredTo("intrus@example.net")).toEqual([]);
    expect(await deliveredTo("+33639981051")).toEqual([]);
    const entry = await t.db.journalAudit.findFirstOrThrow({ where: { type: "COMPTE_ACTIVE", sujetId: julien.personneId } });
    expect(entry.details).toEqual({ avis: 1 });
  });

  it("une délégation accordée pendant une première connexion est annoncée aux coordonnées du dossier de l'allocataire", async () => {
    const claire = await actorOf("MARTIN", "Claire");
    await basculeBySomeoneElse(claire, { email: "julien.en.secret@example.net", mobile: "" }, true);

    const byEmail = await deliveredTo("claire.martin@example.org");
    expect(byEmail).toHaveLength(2);
    expect(byEmail.find((m) => m.includes("délégation"))).toMatch(/la gestion de votre dossier a été déléguée à Julien DURAND/);
    expect(byEmail.find((m) => m.includes("activé"))).toContain("Si ce n'est pas vous");
    const bySms = await deliveredTo("+33639981001");
    expect(bySms).toHaveLength(2);
    expect(bySms.some((m) => m.includes("la gestion de votre dossier a ete deleguee"))).toBe(true);
    expect(await deliveredTo("julien.en.secret@example.net")).toEqual([]);
  });

  it("sous une mesure de protection validée, le tuteur est prévenu de l'activation sur ses propres coordonnées confirmées", async () => {
    const paul = await actorOf("ROUX", "Paul");
    await basculeBySomeoneElse(paul, { email: "paul.nouveau@example.net", mobile: "" });

    const helene = await deliveredTo("helene.roux@example.org");
    expect(helene).toHaveLength(1);
    expect(helene[0]).toContain("L'espace Mon Compte de Paul ROUX, que vous représentez au titre de sa mesure de protection, a été activé");
    expect(await deliveredTo("+33639981009")).toHaveLength(1);
    // Paul's dossier holds no contact detail: the one typed during the wizard is not told.
    expect(await deliveredTo("paul.nouveau@example.net")).toEqual([]);
  });

  it("compte:reinitialiser remet un compte à l'état non activé : sessions fermées, mot de passe et coordonnées saisies retirés, coordonnées du dossier rétablies, journalisé", async () => {
    const claire = await actorOf("MARTIN", "Claire");
    const before = await t.db.compte.findUniqueOrThrow({ where: { id: claire.compteId } });
    expect(before.etat).toBe("ACTIF");
    const julien = await t.db.compte.findFirstOrThrow({ where: { personne: { nomNaissance: "DURAND", prenoms: { has: "Julien" } } } });
    expect(await t.db.delegation.count({ where: { delegantId: claire.personneId, retireeLe: null } })).toBe(1);
    await t.db.navigateurConnu.create({ data: { personneId: claire.personneId, jetonEmpreinte: "b".repeat(64), expireLe: new Date(Date.now() + 86_400_000) } });

    const reset = await runOperatorAction(t.db, keys, { action: "compte:reinitialiser", identifiant: "2 88 03 69 123 045 29", operateur: "agent.test", motif: "bascule contestée" });
    expect(reset).toMatchObject({ ok: true });

    const after = await t.db.compte.findUniqueOrThrow({ where: { id: claire.compteId } });
    expect(after).toMatchObject({ etat: "NON_ACTIVE", motDePasseHash: null, activeLe: null, coordonneesSaisiesLe: null, delegationProposeeLe: null, coordonneesDossierChiffrees: null });
    expect(after.versionSession).toBe(before.versionSession + 1);
    expect(await readContacts(t.db, keys, claire.personneId)).toEqual({
      EMAIL: { type: "EMAIL", value: "claire.martin@example.org", verifiee: false },
      MOBILE: { type: "MOBILE", value: "+33639981001", verifiee: false },
    });
    expect(await t.db.navigateurConnu.count({ where: { personneId: claire.personneId } })).toBe(0);
    // The délégation granted during that first connection is withdrawn: the conjoint's sessions end.
    expect(await t.db.delegation.count({ where: { delegantId: claire.personneId, retireeLe: null } })).toBe(0);
    expect((await t.db.compte.findUniqueOrThrow({ where: { id: julien.id } })).versionSession).toBe(julien.versionSession + 1);
    expect(await login("288036912304529", "Usurpation2026Vite")).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
    expect(await login("288036912304529", "48207315")).toMatchObject({ ok: true, kind: "bascule", activationPending: true });
    const entry = await t.db.journalAudit.findFirstOrThrow({ where: { type: "COMPTE_REINITIALISE", sujetId: claire.personneId } });
    expect(entry.acteur).toBe("operateur:agent.test");
    expect(entry.details).toMatchObject({ motif: "bascule contestée" });
  });

  it("compte:reinitialiser refuse un identifiant inconnu ou mal formé sans rien changer", async () => {
    const count = await t.db.journalAudit.count();
    expect(await runOperatorAction(t.db, keys, { action: "compte:reinitialiser", identifiant: "12345", operateur: "x" })).toMatchObject({ ok: false });
    expect(await runOperatorAction(t.db, keys, { action: "compte:reinitialiser", identifiant: "P00000001", operateur: "x" })).toEqual({
      ok: false,
      message: "Aucun compte ne correspond à cet identifiant.",
    });
    expect(await t.db.journalAudit.count()).toBe(count);
  });
});
