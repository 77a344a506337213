// Contact details belong to whoever confirms them (issue 10, point 8): a value typed but never confirmed blocks
// nobody; confirming it takes it from the people who held it unconfirmed, who are told at their next visit; and
// the confirmation only ever marks the value the code was sent to. Real database, real SMTP and SMS sinks.
import { describe, expect, it } from "vitest";
import {
  CONTACT_MESSAGES,
  clearLostContactsNotice,
  confirmContactCode,
  lostContactsNotice,
  readContacts,
  saveContacts,
  sendContactCode,
} from "../../lib/contacts/contact-details";
import type { Database } from "../../lib/db/open-prisma";
import { latestCodeFor, ipSequence, personneIdByName, seededWorld } from "../support/seeded-world";
import { testDatabaseKind } from "../support/test-database";

const world = seededWorld();
const { keys } = world;
const freshIp = ipSequence("198.51.100");



async function sendCode(id: string, canal: "EMAIL" | "SMS"): Promise<void> {
  const sent = await sendContactCode(world.db, keys, world.transports, { personneId: id, canal, ip: freshIp() });
  if (!sent.ok || sent.statut !== "ENVOYE") throw new Error("code non envoyé");
}

describe(`confirmation des coordonnées (${testDatabaseKind()})`, () => {
  it("une coordonnée saisie sans être confirmée ne bloque personne : deux personnes peuvent saisir la même", async () => {
    const julien = await personneIdByName(world.db, "DURAND", "Julien");
    const paul = await personneIdByName(world.db, "ROUX", "Paul");
    expect(await saveContacts(world.db, keys, { personneId: julien, email: "partagee@example.org", mobile: "", ip: freshIp() })).toMatchObject({ ok: true });
    // Karim's e-mail address is in his dossier but not confirmed: it is not his yet.
    expect(await saveContacts(world.db, keys, { personneId: paul, email: "karim.bernard@example.net", mobile: "", ip: freshIp() })).toMatchObject({ ok: true });
    expect(await saveContacts(world.db, keys, { personneId: paul, email: "partagee@example.org", mobile: "", ip: freshIp() })).toMatchObject({ ok: true });
    expect((await readContacts(world.db, keys, julien)).EMAIL).toEqual({ type: "EMAIL", value: "partagee@example.org", verifiee: false });
    expect((await readContacts(world.db, keys, paul)).EMAIL).toEqual({ type: "EMAIL", value: "partagee@example.org", verifiee: false });
  });

  it("confirmer une coordonnée la retire à qui l'avait saisie sans la confirmer, qui en est averti à sa prochaine visite", async () => {
    const claire = await personneIdByName(world.db, "MARTIN", "Claire");
    const julien = await personneIdByName(world.db, "DURAND", "Julien");
    const paul = await personneIdByName(world.db, "ROUX", "Paul");
    expect(await saveContacts(world.db, keys, { personneId: claire, email: "conteste@example.org", mobile: "", ip: freshIp() })).toMatchObject({ ok: true });
    expect(await saveContacts(world.db, keys, { personneId: julien, email: "conteste@example.org", mobile: "", ip: freshIp() })).toMatchObject({ ok: true });
    expect(await saveContacts(world.db, keys, { personneId: paul, email: "conteste@example.org", mobile: "", ip: freshIp() })).toMatchObject({ ok: true });
    expect(await lostContactsNotice(world.db, julien)).toBeNull();

    await sendCode(claire, "EMAIL");
    const code = await latestCodeFor(world.sinks, "conteste@example.org");
    expect(await confirmContactCode(world.db, keys, { personneId: claire, canal: "EMAIL", code, ip: freshIp() })).toMatchObject({ ok: true });

    expect((await readContacts(world.db, keys, claire)).EMAIL).toMatchObject({ value: "conteste@example.org", verifiee: true });
    for (const loser of [julien, paul]) {
      expect((await readContacts(world.db, keys, loser)).EMAIL).toBeUndefined();
      const notice = await lostContactsNotice(world.db, loser);
      expect(notice).toContain("adresse électronique");
      expect(notice).not.toMatch(/conteste|claire|martin/i);
    }
    const journaled = await world.db.journalAudit.count({ where: { type: "COORDONNEE_RETIREE_CONFIRMEE_AILLEURS", sujetId: { in: [julien, paul] } } });
    expect(journaled).toBe(2);

    // Once the person has read it, the notice goes.
    await clearLostContactsNotice(world.db, julien);
    expect(await lostContactsNotice(world.db, julien)).toBeNull();
    expect(await lostContactsNotice(world.db, paul)).not.toBeNull();
  });

  it("une coordonnée confirmée par une autre personne reste refusée, sans dire par qui, et rien ne change", async () => {
    const julien = await personneIdByName(world.db, "DURAND", "Julien");
    const before = await readContacts(world.db, keys, julien);
    const email = await saveContacts(world.db, keys, { personneId: julien, email: "conteste@example.org", mobile: "", ip: freshIp() });
    expect(email).toEqual({ ok: false, fieldErrors: { email: CONTACT_MESSAGES.emailPris } });
    const mobile = await saveContacts(world.db, keys, { personneId: julien, email: "", mobile: "06 39 98 10 03", ip: freshIp() });
    expect(mobile).toEqual({ ok: false, fieldErrors: { mobile: CONTACT_MESSAGES.mobilePris } });
    expect(JSON.stringify([email, mobile])).not.toMatch(/claire|martin|sophie|bernard/i);
    expect(await readContacts(world.db, keys, julien)).toEqual(before);
  });

  it("trois personnes qui confirment la même valeur au même instant : une seule la garde, les autres sont refusées et la perdent", async () => {
    const people = [await personneIdByName(world.db, "DURAND", "Julien"), await personneIdByName(world.db, "ROUX", "Paul"), await personneIdByName(world.db, "MARTIN", "Claire")];
    for (let round = 0; round < 5; round++) {
      const mobile = `06 39 98 10 6${round}`;
      const e164 = `+3363998106${round}`;
      const codes: string[] = [];
      for (const id of people) {
        expect(await saveContacts(world.db, keys, { personneId: id, email: "", mobile, ip: freshIp() })).toMatchObject({ ok: true });
        await sendCode(id, "SMS");
        codes.push(await latestCodeFor(world.sinks, e164));
      }
      const outcomes = await Promise.all(people.map((id, i) => confirmContactCode(world.db, keys, { personneId: id, canal: "SMS", code: codes[i]!, ip: freshIp() })));
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      for (const refused of outcomes.filter((o) => !o.ok)) expect(refused).toMatchObject({ reason: "DEJA_CONFIRMEE_AILLEURS" });
      const holders = await world.db.coordonnee.count({ where: { personneId: { in: people }, type: "MOBILE" } });
      expect(holders).toBe(1);
    }
  });

  it("un code envoyé à une adresse ne confirme jamais celle qui l'a remplacée entre-temps (changement en parallèle)", async () => {
    const julien = await personneIdByName(world.db, "DURAND", "Julien");
    expect(await saveContacts(world.db, keys, { personneId: julien, email: "", mobile: "06 39 98 10 41", ip: freshIp() })).toMatchObject({ ok: true });
    await sendCode(julien, "SMS");
    const code = await latestCodeFor(world.sinks, "+33639981041");

    // The number changes right after the code was checked and before the contact is marked confirmed: the
    // interleaving two parallel requests can produce, made deterministic by running the change at that instant.
    const racing = interleaveAfterCodeUse(world.db, () =>
      saveContacts(world.db, keys, { personneId: julien, email: "", mobile: "06 39 98 10 42", ip: freshIp() }).then(() => undefined),
    );
    const outcome = await confirmContactCode(racing, keys, { personneId: julien, canal: "SMS", code, ip: freshIp() });

    expect(outcome).toMatchObject({ ok: false, reason: "COORDONNEE_MODIFIEE", message: CONTACT_MESSAGES.coordonneeModifiee });
    expect((await readContacts(world.db, keys, julien)).MOBILE).toEqual({ type: "MOBILE", value: "+33639981042", verifiee: false });
  });
});

/**
 * The same database, except that the first code marked as used is followed at once by `action` (run on the real
 * database, committed) before the caller goes on.
 */
function interleaveAfterCodeUse(db: Database, action: () => Promise<void>): Database {
  let done = false;
  const codes = new Proxy(db.codeVerification, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== "updateMany" || typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        const result = (await (value as (...a: unknown[]) => Promise<{ count: number }>).apply(target, args)) as { count: number };
        const data = (args[0] as { data?: Record<string, unknown> }).data ?? {};
        if (!done && result.count === 1 && "utiliseLe" in data) {
          done = true;
          await action();
        }
        return result;
      };
    },
  });
  return new Proxy(db, {
    get(target, property, receiver) {
      return property === "codeVerification" ? codes : (Reflect.get(target, property, receiver) as unknown);
    },
  });
}
