// Changing one's password from one's space or because the Caf required it (SPEC §2, QUALITY-BARS 1, 3, 5, 6, 9,
// 11), on a real database seeded with the personas — on PGlite and on PostgreSQL.
import argon2 from "argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "../../lib/auth/authenticate-password";
import { CHANGE_PASSWORD_MESSAGES, changePassword } from "../../lib/auth/change-password";
import { PASSWORD_MESSAGES, PASSWORD_RULES } from "../../lib/auth/password-policy";
import { decryptField } from "../../lib/crypto/field-encryption";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
let t: TestDatabase;
let ipCounter = 0;
/** A fresh IP per call, so that the per-IP counters of one test do not leak into another. */
const freshIp = () => `203.0.113.${++ipCounter}`;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys);
});
afterAll(async () => t?.dispose());

async function accountOf(nom: string, prenom: string) {
  const personne = await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } }, select: { id: true, compte: { select: { id: true } } } });
  return { personneId: personne.id, compteId: personne.compte!.id };
}

/** Everything a change would touch: the account, its journal entries and its queued messages. */
async function snapshot(personneId: string) {
  const compte = await t.db.compte.findUniqueOrThrow({
    where: { personneId },
    select: { motDePasseHash: true, etat: true, versionSession: true, motDePasseModifieLe: true },
  });
  const modifications = await t.db.journalAudit.count({ where: { sujetId: personneId, type: "MOT_DE_PASSE_MODIFIE" } });
  const messages = await t.db.messageSortant.count();
  return { compte, modifications, messages };
}

type Change = { motDePasseActuel?: unknown; nouveauMotDePasse?: unknown; confirmation?: unknown; now?: Date; ip?: string };
function change(account: { personneId: string; compteId: string }, { motDePasseActuel, nouveauMotDePasse, confirmation = nouveauMotDePasse, now, ip = freshIp() }: Change) {
  return changePassword(t.db, keys, { ...account, motDePasseActuel, nouveauMotDePasse, confirmation, ip, now });
}

const login = (identifiant: string, motDePasse: string) => authenticateWithPassword(t.db, keys, { identifiant, motDePasse, ip: freshIp(), userAgent: null });

async function recipientsOf(ids: string[]) {
  const rows = await t.db.messageSortant.findMany({ where: { id: { in: ids } }, select: { canal: true, destinataireChiffre: true, sujet: true, texteChiffre: true } });
  return rows.map((r) => ({ canal: r.canal, destinataire: decryptField(r.destinataireChiffre, keys), sujet: r.sujet, texte: decryptField(r.texteChiffre!, keys) }));
}

describe("changer son mot de passe depuis son espace", () => {
  it("le changement réussit : l'ancien mot de passe ne fonctionne plus, le nouveau si", async () => {
    const marc = await accountOf("PETIT", "Marc");
    const before = await snapshot(marc.personneId);
    const now = new Date("2026-11-20T10:15:00Z");
    const outcome = await change(marc, { motDePasseActuel: "Garonne2026Caf", nouveauMotDePasse: "Trombone7Vapeur", now });
    expect(outcome).toMatchObject({ ok: true, versionSession: before.compte.versionSession + 1 });

    expect(await login("182023155507830", "Garonne2026Caf")).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
    expect(await login("182023155507830", "Trombone7Vapeur")).toMatchObject({ ok: true, kind: "mot-de-passe", mustChangePassword: false });

    const after = await t.db.compte.findUniqueOrThrow({ where: { personneId: marc.personneId } });
    expect(after.etat).toBe("ACTIF");
    expect(after.motDePasseModifieLe?.toISOString()).toBe(now.toISOString());
    expect(after.motDePasseHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await argon2.verify(after.motDePasseHash!, "Trombone7Vapeur")).toBe(true);
  });

  it("le changement est journalisé (MOT_DE_PASSE_MODIFIE, par la personne, avec son adresse IP), sans le mot de passe", async () => {
    const marc = await accountOf("PETIT", "Marc");
    const entry = await t.db.journalAudit.findFirstOrThrow({ where: { type: "MOT_DE_PASSE_MODIFIE", sujetId: marc.personneId } });
    expect(entry.acteur).toBe(marc.personneId);
    expect(entry.ip).toMatch(/^203\.0\.113\.\d+$/);
    expect(JSON.stringify(entry.details)).not.toMatch(/Trombone|Garonne/);
  });

  it("toutes les sessions sont fermées : la version de session du compte augmente de 1", async () => {
    const ines = await accountOf("ROCHE", "Inès");
    const before = await snapshot(ines.personneId);
    const outcome = await change(ines, { motDePasseActuel: "Nanterre2026Caf", nouveauMotDePasse: "Girafe9Lanterne" });
    expect(outcome.ok).toBe(true);
    const after = await snapshot(ines.personneId);
    expect(after.compte.versionSession).toBe(before.compte.versionSession + 1);
    if (outcome.ok) expect(outcome.versionSession).toBe(after.compte.versionSession);
  });
});

describe("ce qui est refusé ne change rien", () => {
  it("un mauvais mot de passe actuel est refusé avec un message clair, et rien ne change", async () => {
    const thomas = await accountOf("MOREAU", "Thomas");
    const before = await snapshot(thomas.personneId);
    const outcome = await change(thomas, { motDePasseActuel: "Mauvais2026Caf", nouveauMotDePasse: "Trombone7Vapeur" });
    expect(outcome).toEqual({ ok: false, reason: "SAISIE_INVALIDE", fieldErrors: { motDePasseActuel: CHANGE_PASSWORD_MESSAGES.actuelIncorrect } });
    expect(await snapshot(thomas.personneId)).toEqual(before);
    expect(await login("179067505612310", "Seine2026Caf")).toMatchObject({ ok: true });
    const refusal = await t.db.journalAudit.findFirstOrThrow({ where: { type: "CHANGEMENT_MOT_DE_PASSE_REFUSE", sujetId: thomas.personneId } });
    expect(refusal.details).toEqual({ raison: "MOT_DE_PASSE_ACTUEL_INCORRECT" });
  });

  it("un nouveau mot de passe qui ne respecte pas une règle est refusé avec le message précis de la règle", async () => {
    const thomas = await accountOf("MOREAU", "Thomas");
    const before = await snapshot(thomas.personneId);
    const message = (id: string) => PASSWORD_RULES.find((r) => r.id === id)!.message;
    const cases: [string, string][] = [
      ["Court7a", message("longueur")],
      ["Unmotdepassebienplustroplong7", message("longueur")],
      ["TromboneVapeur", message("chiffre")],
      ["TROMBONE7VAPEUR", message("minuscule")],
      ["trombone7vapeur", message("majuscule")],
    ];
    for (const [nouveauMotDePasse, expected] of cases) {
      const outcome = await change(thomas, { motDePasseActuel: "Seine2026Caf", nouveauMotDePasse });
      expect(outcome, nouveauMotDePasse).toEqual({ ok: false, reason: "SAISIE_INVALIDE", fieldErrors: { nouveauMotDePasse: expected } });
    }
    expect(await snapshot(thomas.personneId)).toEqual(before);
  });

  it("un nouveau mot de passe qui enfreint plusieurs règles : une phrase par règle, toutes en une fois, rien ne change", async () => {
    const thomas = await accountOf("MOREAU", "Thomas");
    const before = await snapshot(thomas.personneId);
    const message = (id: string) => PASSWORD_RULES.find((r) => r.id === id)!.message;
    expect(await change(thomas, { motDePasseActuel: "Seine2026Caf", nouveauMotDePasse: "azerty123" })).toEqual({
      ok: false,
      reason: "SAISIE_INVALIDE",
      fieldErrors: { nouveauMotDePasse: "Ce mot de passe ne respecte pas 2 règles, détaillées sous le champ." },
      reglesNonRespectees: [message("majuscule"), PASSWORD_MESSAGES.courant],
    });
    expect(await snapshot(thomas.personneId)).toEqual(before);
  });

  it("un nouveau mot de passe égal à l'actuel est refusé", async () => {
    const thomas = await accountOf("MOREAU", "Thomas");
    const before = await snapshot(thomas.personneId);
    expect(await change(thomas, { motDePasseActuel: "Seine2026Caf", nouveauMotDePasse: "Seine2026Caf" })).toEqual({
      ok: false,
      reason: "SAISIE_INVALIDE",
      fieldErrors: { nouveauMotDePasse: CHANGE_PASSWORD_MESSAGES.identique },
    });
    expect(await snapshot(thomas.personneId)).toEqual(before);
  });

  it("un nouveau mot de passe construit sur le nom, le prénom, la date de naissance ou le NIR est refusé", async () => {
    const thomas = await accountOf("MOREAU", "Thomas"); // born 11 June 1979, NIR 1 79 06 75 056 123 10
    const before = await snapshot(thomas.personneId);
    const cases: [string, string][] = [
      ["Moreau2025Kz", PASSWORD_MESSAGES.nom],
      ["Thomas!Vapeur8", PASSWORD_MESSAGES.nom],
      ["Vapeur1979Kz", PASSWORD_MESSAGES.dateNaissance],
      ["Vapeur1106Kz", PASSWORD_MESSAGES.dateNaissance],
      ["Kz7505612Vp", PASSWORD_MESSAGES.nir],
      ["Soleil2024!", PASSWORD_MESSAGES.courant],
    ];
    for (const [nouveauMotDePasse, expected] of cases) {
      const outcome = await change(thomas, { motDePasseActuel: "Seine2026Caf", nouveauMotDePasse });
      expect(outcome, nouveauMotDePasse).toEqual({ ok: false, reason: "SAISIE_INVALIDE", fieldErrors: { nouveauMotDePasse: expected } });
    }
    expect(await snapshot(thomas.personneId)).toEqual(before);
  });

  it("une confirmation différente est refusée", async () => {
    const thomas = await accountOf("MOREAU", "Thomas");
    const before = await snapshot(thomas.personneId);
    expect(await change(thomas, { motDePasseActuel: "Seine2026Caf", nouveauMotDePasse: "Trombone7Vapeur", confirmation: "Trombone7Vapeux" })).toEqual({
      ok: false,
      reason: "SAISIE_INVALIDE",
      fieldErrors: { confirmation: CHANGE_PASSWORD_MESSAGES.confirmationDifferente },
    });
    expect(await snapshot(thomas.personneId)).toEqual(before);
  });

  it("des champs vides, trop longs ou d'un autre type sont refusés, tous en une fois, sans rien changer", async () => {
    const thomas = await accountOf("MOREAU", "Thomas");
    const before = await snapshot(thomas.personneId);
    expect(await change(thomas, { motDePasseActuel: "", nouveauMotDePasse: null, confirmation: 42 })).toEqual({
      ok: false,
      reason: "SAISIE_INVALIDE",
      fieldErrors: {
        motDePasseActuel: "Saisissez votre mot de passe actuel.",
        nouveauMotDePasse: "Saisissez votre nouveau mot de passe.",
        confirmation: "Saisissez une deuxième fois votre nouveau mot de passe.",
      },
    });
    const long = `Aa1${"x".repeat(200)}`;
    expect(await change(thomas, { motDePasseActuel: long, nouveauMotDePasse: long })).toMatchObject({
      ok: false,
      fieldErrors: { motDePasseActuel: expect.stringContaining("trop long"), nouveauMotDePasse: expect.stringContaining("trop long") },
    });
    expect(await snapshot(thomas.personneId)).toEqual(before);
  });

  it("5 mauvais mots de passe actuels verrouillent le changement, même avec le bon, jusqu'à l'heure annoncée", async () => {
    const nadia = await accountOf("HADDAD", "Nadia");
    const start = new Date("2026-11-20T08:00:00Z");
    for (let i = 0; i < 5; i++) {
      const outcome = await change(nadia, { motDePasseActuel: `Mauvais${i}Caf`, nouveauMotDePasse: "Girafe9Lanterne", now: new Date(start.getTime() + i * 1000) });
      expect(outcome).toMatchObject({ ok: false, reason: "SAISIE_INVALIDE" });
    }
    const before = await snapshot(nadia.personneId);
    const locked = await change(nadia, { motDePasseActuel: "Loire2026Caf", nouveauMotDePasse: "Girafe9Lanterne", now: new Date(start.getTime() + 10_000) });
    expect(locked).toMatchObject({ ok: false, reason: "LIMITE_ATTEINTE" });
    if (!locked.ok && locked.reason === "LIMITE_ATTEINTE") expect(locked.until.getTime()).toBe(start.getTime() + 4_000 + 5 * 60_000);
    expect(await snapshot(nadia.personneId)).toEqual(before);

    // The counter is the person's, whatever the IP address; after the lockout, the right password works.
    const later = await change(nadia, { motDePasseActuel: "Loire2026Caf", nouveauMotDePasse: "Girafe9Lanterne", now: new Date(start.getTime() + 6 * 60_000) });
    expect(later).toMatchObject({ ok: true });
  });

  it("un compte suspendu, ou un compte qui n'est pas celui de la personne, ne change pas de mot de passe", async () => {
    const jeanne = await accountOf("GIRARD", "Jeanne");
    const marc = await accountOf("PETIT", "Marc");
    await t.db.compte.update({ where: { id: jeanne.compteId }, data: { etat: "SUSPENDU" } });
    const before = await snapshot(jeanne.personneId);
    expect(await change(jeanne, { motDePasseActuel: "Calanque2026Caf", nouveauMotDePasse: "Girafe9Lanterne" })).toEqual({ ok: false, reason: "COMPTE_INDISPONIBLE" });
    expect(await snapshot(jeanne.personneId)).toEqual(before);
    await t.db.compte.update({ where: { id: jeanne.compteId }, data: { etat: "ACTIF" } });

    const active = await snapshot(jeanne.personneId);
    expect(await change({ compteId: jeanne.compteId, personneId: marc.personneId }, { motDePasseActuel: "Calanque2026Caf", nouveauMotDePasse: "Girafe9Lanterne" })).toEqual({
      ok: false,
      reason: "COMPTE_INDISPONIBLE",
    });
    expect(await snapshot(jeanne.personneId)).toEqual(active);
  });

  it("deux changements simultanés avec le même mot de passe actuel : un seul réussit", async () => {
    const jeanne = await accountOf("GIRARD", "Jeanne");
    const before = await snapshot(jeanne.personneId);
    const outcomes = await Promise.all(
      ["Girafe9Lanterne", "Trombone7Vapeur", "Cerf8Volant", "Pelican5Rose"].map((nouveauMotDePasse) => change(jeanne, { motDePasseActuel: "Calanque2026Caf", nouveauMotDePasse })),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    // The others lose the race at the conditional update (or, if they read the account after the winner, on its new hash).
    expect(outcomes.filter((o) => !o.ok)).toHaveLength(3);
    const after = await snapshot(jeanne.personneId);
    expect(after.compte.versionSession).toBe(before.compte.versionSession + 1);
    expect(after.modifications).toBe(before.modifications + 1);
  });
});

describe("la personne est prévenue", () => {
  it("un message « mot de passe modifié » part à chaque coordonnée vérifiée : courriel et SMS pour Sophie", async () => {
    const sophie = await accountOf("BERNARD", "Sophie");
    const outcome = await change(sophie, { motDePasseActuel: "Soleil2026Caf", nouveauMotDePasse: "Girafe9Lanterne" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const messages = await recipientsOf(outcome.notifications);
    expect(messages.map((m) => [m.canal, m.destinataire]).sort()).toEqual([
      ["EMAIL", "sophie.bernard@example.org"],
      ["SMS", "+33639981003"],
    ]);
    const email = messages.find((m) => m.canal === "EMAIL")!;
    expect(email.sujet).toBe("Mon Compte — votre mot de passe a été modifié");
    expect(email.texte).not.toContain("Girafe9Lanterne");
    expect(messages.find((m) => m.canal === "SMS")!.texte).toMatch(/^Mon Compte : mot de passe modifié le /);
  });

  it("et seulement aux coordonnées vérifiées : Karim, courriel non confirmé, ne reçoit que le SMS", async () => {
    const karim = await accountOf("BERNARD", "Karim");
    const outcome = await change(karim, { motDePasseActuel: "Mistral2026Caf", nouveauMotDePasse: "Girafe9Lanterne" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect((await recipientsOf(outcome.notifications)).map((m) => [m.canal, m.destinataire])).toEqual([["SMS", "+33639981004"]]);
    const toUnconfirmed = await t.db.messageSortant.findMany({ where: { canal: "EMAIL" }, select: { destinataireChiffre: true } });
    expect(toUnconfirmed.map((m) => decryptField(m.destinataireChiffre, keys))).not.toContain("karim.bernard@example.net");
  });
});

describe("changement de mot de passe exigé par la Caf", () => {
  it("le compte de Léa, dont la Caf exigeait le changement, redevient ACTIF et se connecte normalement", async () => {
    const lea = await accountOf("LEFEBVRE", "Léa");
    await t.db.compte.update({ where: { id: lea.compteId }, data: { etat: "CHANGEMENT_MOT_DE_PASSE_REQUIS" } });
    expect(await login("295072A00402138", "Maquis2026Caf")).toMatchObject({ ok: true, mustChangePassword: true });

    const outcome = await change(lea, { motDePasseActuel: "Maquis2026Caf", nouveauMotDePasse: "Girafe9Lanterne" });
    expect(outcome).toMatchObject({ ok: true });
    expect((await t.db.compte.findUniqueOrThrow({ where: { id: lea.compteId } })).etat).toBe("ACTIF");
    expect(await login("295072A00402138", "Girafe9Lanterne")).toMatchObject({ ok: true, mustChangePassword: false });
    const entry = await t.db.journalAudit.findFirstOrThrow({ where: { type: "MOT_DE_PASSE_MODIFIE", sujetId: lea.personneId } });
    expect(entry.details).toMatchObject({ changementExige: true });
  });
});
