// Caf-side actions (issue connexion §8): suspend, reactivate, require a password change — journaled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "../../lib/auth/authenticate-password";
import { runOperatorAction } from "../../lib/auth/operator-actions";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
let t: TestDatabase;
let ip = 0;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys);
});
afterAll(async () => t?.dispose());

const login = (identifiant: string, motDePasse: string) =>
  authenticateWithPassword(t.db, keys, { identifiant, motDePasse, ip: `198.51.100.${++ip}`, userAgent: null });
const compteOf = async (nom: string) =>
  t.db.compte.findFirstOrThrow({ where: { personne: { nomNaissance: nom } }, select: { etat: true, versionSession: true, personneId: true } });

describe("actions de la Caf sur un compte", () => {
  it("un compte suspendu ne se connecte plus, ses sessions sont fermées, et l'action est journalisée", async () => {
    const before = await compteOf("GIRARD");
    const result = await runOperatorAction(t.db, keys, { action: "compte:suspendre", identifiant: "2 44 08 13 055 118 21", operateur: "agent.test", motif: "usage abusif" });
    expect(result).toMatchObject({ ok: true });
    const after = await compteOf("GIRARD");
    expect(after.etat).toBe("SUSPENDU");
    expect(after.versionSession).toBe(before.versionSession + 1);
    expect(await login("244081305511821", "Calanque2026Caf")).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
    const entry = await t.db.journalAudit.findFirstOrThrow({ where: { type: "COMPTE_SUSPENDU", sujetId: after.personneId } });
    expect(entry.acteur).toBe("operateur:agent.test");
    expect(entry.details).toEqual({ motif: "usage abusif" });
  });

  it("un compte réactivé se connecte de nouveau", async () => {
    expect(await runOperatorAction(t.db, keys, { action: "compte:reactiver", identifiant: "244081305511821", operateur: "agent.test" })).toMatchObject({ ok: true });
    expect(await login("244081305511821", "Calanque2026Caf")).toMatchObject({ ok: true });
  });

  it("un changement de mot de passe exigé ferme les sessions et s'impose à la connexion suivante", async () => {
    const before = await compteOf("LEFEBVRE");
    expect(
      await runOperatorAction(t.db, keys, { action: "compte:exiger-changement-mot-de-passe", identifiant: "295072A00402138", operateur: "agent.test" }),
    ).toMatchObject({ ok: true });
    expect((await compteOf("LEFEBVRE")).versionSession).toBe(before.versionSession + 1);
    expect(await login("295072A00402138", "Maquis2026Caf")).toMatchObject({ ok: true, mustChangePassword: true });
    expect(await t.db.journalAudit.count({ where: { type: "CHANGEMENT_MOT_DE_PASSE_EXIGE", sujetId: before.personneId } })).toBe(1);
  });

  it("un identifiant mal formé ou inconnu est refusé sans rien changer", async () => {
    const count = await t.db.journalAudit.count();
    expect(await runOperatorAction(t.db, keys, { action: "compte:suspendre", identifiant: "12345", operateur: "x" })).toMatchObject({ ok: false });
    expect(await runOperatorAction(t.db, keys, { action: "compte:suspendre", identifiant: "P00000001", operateur: "x" })).toEqual({
      ok: false,
      message: "Aucun compte ne correspond à cet identifiant.",
    });
    expect(await runOperatorAction(t.db, keys, { action: "compte:reactiver", identifiant: "182023155507830", operateur: "x" })).toEqual({
      ok: false,
      message: "Ce compte n'est pas suspendu : rien à réactiver.",
    });
    expect(await t.db.journalAudit.count()).toBe(count);
  });
});
