// Returns from FranceConnect that anyone can forge without being signed in (a callback with no login in progress
// in this browser, a logout return with a state this browser was never given) are refused, and the journal keeps
// only a bounded number of them per window (lib/audit/bounded-journal.ts). The real stand-in answers discovery;
// on PGlite and on PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { JOURNAL_LIMIT_REACHED, UNAUTHENTICATED_JOURNAL_LIMITS } from "../../lib/audit/bounded-journal";
import { completeFranceConnectCallback } from "../../lib/franceconnect/franceconnect-callback";
import type { FranceConnectSettings } from "../../lib/franceconnect/franceconnect-config";
import { randomNonce, randomState } from "../../lib/franceconnect/franceconnect-cookies";
import { completeFranceConnectLogoutReturn } from "../../lib/franceconnect/logout-return";
import type { FranceConnectStandin } from "../../lib/franceconnect/standin/standin-server";
import { demoKeys } from "../support/demo-keys";
import { startTestStandin } from "../support/franceconnect-user-agent";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
const FORGED = 200;
const { perAddress, overall } = UNAUTHENTICATED_JOURNAL_LIMITS;
let t: TestDatabase;
let standin: FranceConnectStandin;
let settings: FranceConnectSettings;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ standin, settings } = await startTestStandin());
});
afterAll(async () => {
  await standin?.close();
  await t?.dispose();
});
// Each test starts with fresh windows (the counters of the previous test would otherwise carry over).
beforeEach(async () => {
  await t.db.compteurEchecs.deleteMany({ where: { cle: { startsWith: "journal-" } } });
});

const journalRows = () => t.db.journalAudit.count();

const forgedCallback = (ip: string) =>
  completeFranceConnectCallback({
    db: t.db,
    keys,
    settings,
    query: { code: randomState(), state: randomState() },
    expected: null, // no login in progress in this "browser"
    ip,
    userAgent: "curl/8.0",
  });

describe(`retours FranceConnect forgés sans être connecté (${testDatabaseKind()})`, () => {
  it(`${FORGED} retours forgés depuis une adresse : tous refusés, le journal n'en garde que ${perAddress} et une mention de la limite`, async () => {
    const before = await journalRows();
    for (let i = 0; i < FORGED; i++) expect(await forgedCallback("203.0.113.7")).toMatchObject({ kind: "refuse", reason: "ETAT_INVALIDE" });
    const grown = (await journalRows()) - before;
    console.log(`[mesure] ${FORGED} retours forgés, une adresse : +${grown} lignes de journal`);
    expect(grown).toBe(perAddress + 1);
    expect(await t.db.journalAudit.count({ where: { type: "CONNEXION_FRANCECONNECT_REFUSEE", ip: "203.0.113.7" } })).toBe(perAddress);
    expect(await t.db.journalAudit.count({ where: { type: JOURNAL_LIMIT_REACHED, ip: "203.0.113.7" } })).toBe(1);
  });

  it(`${FORGED * 2} retours forgés depuis ${FORGED} adresses : le journal grandit d'au plus ${overall + 1} lignes`, async () => {
    const before = await journalRows();
    for (let i = 0; i < FORGED; i++) {
      const ip = `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;
      expect(await forgedCallback(ip)).toMatchObject({ kind: "refuse" });
      expect(await forgedCallback(ip)).toMatchObject({ kind: "refuse" });
    }
    const grown = (await journalRows()) - before;
    console.log(`[mesure] ${FORGED * 2} retours forgés, ${FORGED} adresses : +${grown} lignes de journal`);
    expect(grown).toBe(overall + 1);
  });

  it(`${FORGED} retours de déconnexion forgés depuis une adresse : tous renvoyés vers la connexion, journal borné`, async () => {
    const before = await journalRows();
    for (let i = 0; i < FORGED; i++) {
      const destination = await completeFranceConnectLogoutReturn(t.db, keys, { expected: null, state: randomState(), ip: "203.0.113.8" });
      expect(destination).toBe("/connexion?raison=deconnexion-franceconnect");
    }
    const grown = (await journalRows()) - before;
    console.log(`[mesure] ${FORGED} retours de déconnexion forgés : +${grown} lignes de journal`);
    expect(grown).toBe(perAddress + 1);
  });

  it("un retour de déconnexion avec le state donné à ce navigateur est confirmé sans rien journaliser ; un autre state ne l'est pas", async () => {
    const expected = { state: randomState() };
    const before = await journalRows();
    expect(await completeFranceConnectLogoutReturn(t.db, keys, { expected, state: expected.state, ip: "203.0.113.9" })).toBe("/connexion?raison=deconnexion");
    expect(await journalRows()).toBe(before);
    expect(await completeFranceConnectLogoutReturn(t.db, keys, { expected, state: randomNonce(), ip: "203.0.113.9" })).toBe("/connexion?raison=deconnexion-franceconnect");
    expect(await completeFranceConnectLogoutReturn(t.db, keys, { expected, state: ["x"], ip: "203.0.113.9" })).toBe("/connexion?raison=deconnexion-franceconnect");
    expect(await t.db.journalAudit.count({ where: { type: "DECONNEXION_FRANCECONNECT_NON_CONFIRMEE", ip: "203.0.113.9" } })).toBe(2);
  });

  it("après la fenêtre de 15 minutes, les refus d'une adresse sont de nouveau journalisés", async () => {
    const start = new Date("2026-12-01T10:00:00Z");
    const logout = (now: Date) => completeFranceConnectLogoutReturn(t.db, keys, { expected: null, state: "x", ip: "203.0.113.10", now });
    for (let i = 0; i < perAddress + 5; i++) await logout(start);
    const rows = () => t.db.journalAudit.count({ where: { ip: "203.0.113.10" } });
    expect(await rows()).toBe(perAddress + 1);
    await logout(new Date(start.getTime() + 16 * 60_000));
    expect(await rows()).toBe(perAddress + 2);
  });
});
