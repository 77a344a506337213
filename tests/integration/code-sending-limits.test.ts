// Caps on sending codes, whatever they are for and wherever they go (QUALITY-BARS 4): per person per day and per
// client address per hour, counted by one atomic statement each, on a real database. Without them, a person in the
// first-connection wizard could change their mobile number again and again and send codes to anyone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSecondFactorCode, sendSecondFactorCode } from "../../lib/auth/second-factor";
import { setDemoClock } from "../../lib/clock";
import { saveContacts, sendContactCode } from "../../lib/contacts/contact-details";
import type { Transports } from "../../lib/messaging/transports";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
let t: TestDatabase;
let ipCounter = 0;
const freshIp = () => `198.18.0.${++ipCounter}`;
let numberCounter = 0;
/** A mobile number nobody holds, in the fiction range. */
const freshMobile = () => `06 39 98 4${Math.floor(numberCounter / 100)} ${String(numberCounter++ % 100).padStart(2, "0")}`;

const sent: string[] = [];
const transports: Transports = { email: async (to) => void sent.push(to), sms: async (to) => void sent.push(to) };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, { log: () => {} });
});
afterAll(async () => t?.dispose());

const personneIdOf = async (nom: string, prenom: string) => (await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } } })).id;

/** What the wizard does on "Confirmer maintenant" after typing a new number. */
async function codeToNewNumber(personneId: string, ip: string, now?: Date) {
  const saved = await saveContacts(t.db, keys, { personneId, email: "", mobile: freshMobile(), ip });
  expect(saved).toMatchObject({ ok: true });
  return sendContactCode(t.db, keys, transports, { personneId, canal: "SMS", ip, now });
}

describe(`plafonds d'envoi de codes (${testDatabaseKind()})`, () => {
  it("une personne ne reçoit pas plus de 20 codes en 24 heures, même vers 21 numéros différents ; le refus n'émet ni code ni message", async () => {
    const claire = await personneIdOf("MARTIN", "Claire");
    const t0 = new Date();
    for (let i = 0; i < 20; i++) expect(await codeToNewNumber(claire, freshIp(), t0)).toMatchObject({ ok: true });

    const codesBefore = await t.db.codeVerification.count();
    const messagesBefore = await t.db.messageSortant.count();
    const refused = await codeToNewNumber(claire, freshIp(), t0);
    expect(refused).toMatchObject({ ok: false, reason: "LIMITE_PERSONNE" });
    expect(refused.ok ? "" : refused.message).toMatch(/trop de codes de vérification aujourd'hui/);
    expect(await t.db.codeVerification.count()).toBe(codesBefore);
    expect(await t.db.messageSortant.count()).toBe(messagesBefore);

    // 24 hours later, codes may be sent again.
    expect(await codeToNewNumber(claire, freshIp(), new Date(t0.getTime() + 24 * 3_600_000 + 1_000))).toMatchObject({ ok: true });
  });

  it("une même adresse ne demande pas plus de 50 codes par heure, quelles que soient les personnes ; une heure après, c'est possible", async () => {
    const people = [await personneIdOf("DURAND", "Julien"), await personneIdOf("ROUX", "Paul"), await personneIdOf("MOREAU", "Thomas")];
    const ip = freshIp();
    const t0 = new Date(Date.now() + 3 * 24 * 3_600_000);
    for (let i = 0; i < 50; i++) expect(await codeToNewNumber(people[i % 3]!, ip, t0)).toMatchObject({ ok: true });
    const refused = await codeToNewNumber(people[2]!, ip, t0);
    expect(refused).toMatchObject({ ok: false, reason: "LIMITE_ADRESSE" });
    expect(refused.ok ? "" : refused.message).toMatch(/depuis cette connexion internet/);
    // Another address is not concerned; the same one an hour later neither.
    expect(await codeToNewNumber(people[2]!, freshIp(), t0)).toMatchObject({ ok: true });
    expect(await codeToNewNumber(people[2]!, ip, new Date(t0.getTime() + 3_600_000 + 1_000))).toMatchObject({ ok: true });
  });

  it("50 demandes simultanées d'une même personne ne dépassent pas le plafond : exactement 20 codes partent", async () => {
    const nadia = await personneIdOf("HADDAD", "Nadia");
    const t0 = new Date(Date.now() + 6 * 24 * 3_600_000);
    const results = [];
    // Each on its own number (saved one after the other), then all the sends at once.
    const numbers: string[] = [];
    for (let i = 0; i < 50; i++) numbers.push(freshMobile());
    const { sendVerificationCode } = await import("../../lib/verification/send-verification-code");
    results.push(
      ...(await Promise.all(
        numbers.map((mobile) => sendVerificationCode(t.db, keys, transports, { purpose: "CONFIRMATION_CONTACT", personneId: nadia, canal: "SMS", cible: mobile, ip: freshIp(), now: t0 })),
      )),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(results.filter((r) => !r.ok && r.reason === "LIMITE_PERSONNE")).toHaveLength(30);
  });

  it("l'horloge des codes (figée par /dev/horloge en démonstration) vaut aussi pour la double authentification", async () => {
    const helene = await personneIdOf("ROUX", "Hélène");
    const frozen = new Date(Date.now() + 3 * 3_600_000);
    try {
      setDemoClock(frozen);
      const sent = await sendSecondFactorCode(t.db, keys, transports, { personneId: helene, email: "helene.roux@example.org", ip: freshIp() });
      if (!sent.ok) throw new Error(sent.message);
      expect(sent.expireLe.getTime()).toBe(frozen.getTime() + 15 * 60_000);
      const row = await t.db.codeVerification.findUniqueOrThrow({ where: { id: sent.codeId } });
      expect(row.emisLe.getTime()).toBe(frozen.getTime());
      // 15 min 01 s later on the codes' clock (only seconds later for real), the code has expired.
      setDemoClock(new Date(frozen.getTime() + 15 * 60_000 + 1_000));
      expect(await checkSecondFactorCode(t.db, keys, { personneId: helene, email: "helene.roux@example.org", code: "000000" })).toMatchObject({ ok: false, reason: "EXPIRE" });
    } finally {
      setDemoClock(null);
    }
  });
});
