// The second-factor decision (lib/auth/second-factor.ts beginSecondFactorIfNeeded): after a right password, the
// e-mail code comes first only for a personal password, with no code already proven on the way, for a person with a
// verified e-mail address, on a browser the portal does not know. When it does, the code is issued and sent to that
// address; when it does not, no code is issued at all. On PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rememberBrowser } from "../../lib/auth/known-browser";
import { beginSecondFactorIfNeeded, SECOND_FACTOR_OBJET } from "../../lib/auth/second-factor";
import type { Transports } from "../../lib/messaging/transports";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
let t: TestDatabase;
let sophie: string;
let karim: string;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;
/** Keeps the e-mails it is asked to send. */
const emailsSent: { to: string; text: string }[] = [];
const keepingTransports: Transports = { email: async (to, message) => void emailsSent.push({ to, text: JSON.stringify(message) }), sms: async () => {} };
/** Each test on its own day, so that the new-code window of one does not reach the next. */
let day = 0;
const nextDay = () => new Date(Date.UTC(2026, 10, 1 + ++day, 9, 0));

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, { log: () => {} });
  const idOf = async (prenom: string) => (await t.db.personne.findFirstOrThrow({ where: { prenoms: { has: prenom } }, select: { id: true } })).id;
  sophie = await idOf("Sophie");
  karim = await idOf("Karim");
});
afterAll(async () => t?.dispose());

const codesOf = (personneId: string) => t.db.codeVerification.count({ where: { personneId, objet: SECOND_FACTOR_OBJET } });

const decide = (personneId: string, now: Date, over: Partial<{ kind: "mot-de-passe" | "bascule"; codeProven: boolean; browserToken: string }> = {}) =>
  beginSecondFactorIfNeeded(t.db, keys, keepingTransports, { personneId, kind: "mot-de-passe", codeProven: false, browserToken: undefined, ip: freshIp(), now, ...over });

describe(`double authentification : quand le code est demandé (${testDatabaseKind()})`, () => {
  it("une adresse électronique vérifiée sur un navigateur inconnu : le code est émis et envoyé à cette adresse", async () => {
    const before = await codesOf(sophie);
    emailsSent.length = 0;
    const step = await decide(sophie, nextDay());
    expect(step.required).toBe(true);
    if (!step.required) return;
    expect(step.sent).toMatchObject({ ok: true, destination: "s***d@example.org" });
    expect(await codesOf(sophie)).toBe(before + 1);
    expect(emailsSent.map((e) => e.to)).toEqual(["sophie.bernard@example.org"]);
  });

  it("un navigateur reconnu de la personne : pas de code, et aucun n'est émis", async () => {
    const now = nextDay();
    const { token } = await rememberBrowser(t.db, sophie, now);
    const before = await codesOf(sophie);
    expect(await decide(sophie, now, { browserToken: token })).toEqual({ required: false });
    expect(await codesOf(sophie)).toBe(before);
  });

  it("le navigateur reconnu d'une autre personne, ou dont les 30 jours sont passés, ne dispense pas du code", async () => {
    const now = nextDay();
    const someoneElses = await rememberBrowser(t.db, karim, now);
    expect((await decide(sophie, now, { browserToken: someoneElses.token })).required).toBe(true);
    const old = await rememberBrowser(t.db, sophie, new Date(now.getTime() - 31 * 86_400_000));
    expect((await decide(sophie, nextDay(), { browserToken: old.token })).required).toBe(true);
  });

  it("sans adresse électronique vérifiée (Karim) : pas de code", async () => {
    const before = await codesOf(karim);
    expect(await decide(karim, nextDay())).toEqual({ required: false });
    expect(await codesOf(karim)).toBe(before);
  });

  it("avec le mot de passe du dossier (la bascule), ou un code déjà prouvé en chemin : pas de second code", async () => {
    const before = await codesOf(sophie);
    expect(await decide(sophie, nextDay(), { kind: "bascule" })).toEqual({ required: false });
    expect(await decide(sophie, nextDay(), { codeProven: true })).toEqual({ required: false });
    expect(await codesOf(sophie)).toBe(before);
  });
});
