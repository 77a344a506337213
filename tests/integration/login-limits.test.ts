// Login limits under attack (QUALITY-BARS 2–3): parallel guesses are reserved before argon2 runs, and guessing one
// account (or one foyer's dossier password) from many addresses ends in a code to a confirmed contact, or a growing
// delay — on a real database seeded with the personas, on PGlite and on PostgreSQL, with real local sinks.
import argon2 from "argon2";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticateWithPassword, type LoginOutcome } from "../../lib/auth/authenticate-password";
import { changePassword } from "../../lib/auth/change-password";
import { THROTTLE_LIMITS } from "../../lib/auth/login-throttle";
import { RECOVERY_LIMITS, takeRecoveryAttempt } from "../../lib/auth/recovery/recovery-throttle";
import { deliverPendingMessages } from "../../lib/messaging/deliver-outbox";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { startLocalSinks, type LocalSinks } from "../support/local-sinks";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
let t: TestDatabase;
let sinks: LocalSinks;
let ipCounter = 0;
/** A fresh address per call: only the counters under test can stop an attempt. */
const freshIp = () => `198.51.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;
const ua = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys);
  sinks = await startLocalSinks();
});
afterAll(async () => {
  await sinks?.close();
  await t?.dispose();
});
afterEach(() => vi.restoreAllMocks());

const login = (identifiant: string, motDePasse: string, ip: string, now: Date, code?: string) =>
  authenticateWithPassword(t.db, keys, { identifiant, motDePasse, code, ip, userAgent: ua, now });

/** Counts the argon2 verifications that really run (the dummy one for an unknown identifier included). */
function countArgon2() {
  return vi.spyOn(argon2, "verify");
}

const reasons = (outcomes: LoginOutcome[]) =>
  outcomes.reduce<Record<string, number>>((all, o) => ({ ...all, [o.ok ? "ok" : o.reason]: (all[o.ok ? "ok" : o.reason] ?? 0) + 1 }), {});

async function personneIdOf(nom: string, prenom: string) {
  return (await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } } })).id;
}

/** Delivers the outbox through the real transports and returns the newest 6-digit code the recipient got. */
async function codeReceivedBy(recipient: string, now: Date): Promise<string> {
  for (let tries = 0; tries < 50; tries++) {
    // A delivery that failed under load is retried later: the clock of the retries is moved on. Code messages are
    // queued on real time (the outbox does not follow the codes' clock), the notices at the test's instant.
    const deliverAt = Math.max(now.getTime(), Date.now()) + tries * 60_000;
    await deliverPendingMessages(t.db, sinks.transports, keys, { now: new Date(deliverAt), log: () => {} });
    const code = (await sinks.received((m) => m.to.includes(recipient) && /\b\d{6}\b/.test(m.text))).at(-1)?.text.match(/\b(\d{6})\b/)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("aucun code reçu");
}

describe(`tentatives simultanées (${testDatabaseKind()})`, () => {
  const max = THROTTLE_LIMITS.identifierAndIp.maxFailures;

  it(`20 mauvais mots de passe en parallèle pour un identifiant : au plus ${max} vérifications argon2, les autres refusés avec une heure`, async () => {
    const ip = freshIp();
    const now = new Date("2026-11-26T09:00:00Z");
    const verify = countArgon2();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => login("295072A00402138", `Faux${i}2026Caf`, ip, now)));
    expect(verify.mock.calls.length).toBe(max);
    expect(reasons(outcomes)).toEqual({ IDENTIFIANTS_INCORRECTS: verify.mock.calls.length, LIMITE_ATTEINTE: 20 - verify.mock.calls.length });
    for (const o of outcomes) if (!o.ok && o.reason === "LIMITE_ATTEINTE") expect(o.until.getTime()).toBeGreaterThan(now.getTime());
  });

  it("un identifiant inconnu en parallèle est limité exactement de la même façon", async () => {
    const ip = freshIp();
    const now = new Date("2026-11-26T09:05:00Z");
    const verify = countArgon2();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => login("P91234567", "Quelconque2026", ip, now)));
    expect(verify.mock.calls.length).toBe(max);
    expect(reasons(outcomes)).toEqual({ IDENTIFIANTS_INCORRECTS: verify.mock.calls.length, LIMITE_ATTEINTE: 20 - verify.mock.calls.length });
  });

  it(`le mot de passe du dossier (la bascule) : 20 essais en parallèle, au plus ${max} vérifications argon2`, async () => {
    const ip = freshIp();
    const verify = countArgon2();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => login("175085935014474", String(10_000_000 + i), ip, new Date("2026-11-26T09:10:00Z"))));
    expect(verify.mock.calls.length).toBe(max);
    expect(reasons(outcomes).LIMITE_ATTEINTE).toBe(20 - verify.mock.calls.length);
  });

  it(`le changement de mot de passe : 20 mots de passe actuels faux en parallèle, au plus ${max} vérifications argon2`, async () => {
    const personneId = await personneIdOf("ROCHE", "Inès");
    const compteId = (await t.db.compte.findUniqueOrThrow({ where: { personneId } })).id;
    const ip = freshIp();
    const verify = countArgon2();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        changePassword(t.db, keys, { compteId, personneId, motDePasseActuel: `Faux${i}2026Caf`, nouveauMotDePasse: "Vignoble2027Caf", confirmation: "Vignoble2027Caf", ip }),
      ),
    );
    expect(verify.mock.calls.length).toBe(max);
    expect(outcomes.filter((o) => !o.ok && o.reason === "LIMITE_ATTEINTE")).toHaveLength(20 - verify.mock.calls.length);
  });

  it(`la récupération : 20 demandes en parallèle pour un identifiant, exactement ${RECOVERY_LIMITS.identifierAndIp.maxFailures} acceptées`, async () => {
    const ip = freshIp();
    const now = new Date("2026-11-26T09:20:00Z");
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => takeRecoveryAttempt(t.db, keys, { flow: "mot-de-passe-oublie", identifier: "182023155507830", ip, now })),
    );
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(RECOVERY_LIMITS.identifierAndIp.maxFailures);
  });
});

describe(`deviner le mot de passe d'un compte depuis beaucoup d'adresses (${testDatabaseKind()})`, () => {
  const limit = THROTTLE_LIMITS.account.maxFailures;

  it(`après ${limit} échecs depuis ${limit} adresses, le mot de passe n'est plus vérifié sans un code envoyé à une coordonnée confirmée`, async () => {
    const sophie = await personneIdOf("BERNARD", "Sophie");
    const now = new Date("2026-11-26T10:00:00Z");
    for (let i = 0; i < limit; i++) expect(await login("290013306308710", `Faux${i}2026Caf`, freshIp(), now)).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });

    // She is told once, without a link.
    const notices = await t.db.messageSortant.count({ where: { sujet: { contains: "plusieurs tentatives de connexion" } } });
    expect(notices).toBe(1); // the e-mail; the SMS has no subject (checked once delivered, below)
    expect(await t.db.journalAudit.count({ where: { sujetId: sophie, type: "COMPTE_PROTEGE_PAR_CODE" } })).toBe(1);

    // From yet another address, even the right password is not checked: a code goes to her e-mail address.
    const verify = countArgon2();
    const asked = await login("290013306308710", "Soleil2026Caf", freshIp(), now);
    expect(asked).toMatchObject({ ok: false, reason: "CODE_REQUIS" });
    const guessed = await login("290013306308710", "Faux2026Caf", freshIp(), now, "000000");
    expect(guessed).toMatchObject({ ok: false, reason: "CODE_INCORRECT" });
    expect(verify.mock.calls.length).toBe(0);

    const code = await codeReceivedBy("sophie.bernard@example.org", now);
    const received = await sinks.received((m) => m.to.includes("sophie.bernard@example.org"));
    expect(received.filter((m) => /plusieurs tentatives de connexion/.test(m.subject ?? "") && !/https?:/.test(m.text))).toHaveLength(1);
    expect(await sinks.received((m) => m.to.includes("+33639981003") && /plusieurs tentatives de connexion/.test(m.text))).toHaveLength(1);
    const outcome = await login("290013306308710", "Soleil2026Caf", freshIp(), now, code);
    expect(outcome).toMatchObject({ ok: true, personneId: sophie, codeProven: true });
    expect(verify.mock.calls.length).toBe(1);
  });

  it("une connexion réussie remet à zéro les échecs comptés depuis toutes les adresses", async () => {
    const now = new Date("2026-11-26T10:30:00Z");
    for (let i = 0; i < limit - 1; i++) await login("187051305520164", `Faux${i}2026Caf`, freshIp(), now);
    expect(await login("187051305520164", "Mistral2026Caf", freshIp(), now)).toMatchObject({ ok: true, codeProven: false });
    for (let i = 0; i < limit - 1; i++) await login("187051305520164", `Autre${i}2026Caf`, freshIp(), now);
    expect(await login("187051305520164", "Mistral2026Caf", freshIp(), now)).toMatchObject({ ok: true, codeProven: false });
  });

  it("sans coordonnée confirmée, pas de code mais un délai qui grandit entre deux essais, puis le bon mot de passe passe", async () => {
    const thomas = await personneIdOf("MOREAU", "Thomas");
    await t.db.coordonnee.updateMany({ where: { personneId: thomas }, data: { verifiee: false } });
    let now = new Date("2026-11-26T11:00:00Z");
    for (let i = 0; i < limit; i++) await login("179067505612310", `Faux${i}2027Caf`, freshIp(), now);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      expect(await login("179067505612310", `Encore${round}2027Caf`, freshIp(), now)).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
      const refused = await login("179067505612310", "Seine2026Caf", freshIp(), now);
      expect(refused).toMatchObject({ ok: false, reason: "LIMITE_ATTEINTE" });
      if (!refused.ok && refused.reason === "LIMITE_ATTEINTE") {
        waits.push((refused.until.getTime() - now.getTime()) / 60_000);
        now = new Date(refused.until.getTime() + 1_000);
      }
    }
    expect(waits).toEqual(THROTTLE_LIMITS.reinforcedDelay.lockoutMinutes.slice(0, 3));
    expect(await login("179067505612310", "Seine2026Caf", freshIp(), now)).toMatchObject({ ok: true, codeProven: false });
  });

  it("un identifiant inconnu, passé les mêmes nombres d'échecs, se comporte comme un compte sans coordonnée confirmée", async () => {
    const now = new Date("2026-11-26T12:00:00Z");
    for (let i = 0; i < limit; i++) await login("269054958815780", `Faux${i}2027Caf`, freshIp(), now);
    const verify = countArgon2();
    expect(await login("269054958815780", "Encore2027Caf", freshIp(), now)).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
    expect(verify.mock.calls.length).toBe(1);
    const refused = await login("269054958815780", "Encore2028Caf", freshIp(), now);
    expect(refused).toMatchObject({ ok: false, reason: "LIMITE_ATTEINTE" });
    if (!refused.ok && refused.reason === "LIMITE_ATTEINTE") expect(refused.until.getTime() - now.getTime()).toBe(THROTTLE_LIMITS.reinforcedDelay.lockoutMinutes[0] * 60_000);
  });

  it(`le mot de passe à 8 chiffres d'un foyer : après ${THROTTLE_LIMITS.foyer.maxFailures} échecs sur ses membres depuis autant d'adresses, chaque essai attend`, async () => {
    const now = new Date("2026-11-26T13:00:00Z");
    // Claire and Julien share the dossier password: the attacker alternates between them.
    for (let i = 0; i < THROTTLE_LIMITS.foyer.maxFailures; i++) {
      await login(i % 2 ? "186117505611249" : "288036912304529", String(20_000_000 + i), freshIp(), now);
    }
    expect(await login("186117505611249", "20999999", freshIp(), now)).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
    const verify = countArgon2();
    expect(await login("288036912304529", "48207315", freshIp(), now)).toMatchObject({ ok: false, reason: "LIMITE_ATTEINTE" });
    expect(verify.mock.calls.length).toBe(0);
    const later = new Date(now.getTime() + THROTTLE_LIMITS.reinforcedDelay.lockoutMinutes[0] * 60_000 + 1_000);
    expect(await login("288036912304529", "48207315", freshIp(), later)).toMatchObject({ ok: true, kind: "bascule" });
  });
});
