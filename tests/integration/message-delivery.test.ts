// The durable outbox on a real database (PGlite and PostgreSQL), delivered over real protocols: SMTP to the local
// SMTP sink and HTTP (through the official Twilio client) to the local SMS sink, both on free loopback ports.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FieldKeys } from "../../lib/crypto/field-encryption";
import type { SinkMessage } from "../../lib/messaging/dev-sinks/message-store";
import { deliverMessageNow, deliverPendingMessages, LEASE_MS } from "../../lib/messaging/deliver-outbox";
import { enqueueMessage, outboxMessage } from "../../lib/messaging/enqueue-message";
import { startOutboxWorker } from "../../lib/messaging/outbox-worker";
import { verificationCode } from "../../lib/messaging/templates";
import { RAISON_ADRESSE_REFUSEE, RAISON_NUMERO_REFUSE, type Transports } from "../../lib/messaging/transports";
import { startLocalSinks, type LocalSinks } from "../support/local-sinks";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys: FieldKeys = { encryptionKey: Buffer.alloc(32, 3), lookupKey: Buffer.alloc(32, 4) };
const REFUSED_EMAIL = "adresse.refusee@example.org";
const REFUSED_MOBILE = "+33639989999";

let t: TestDatabase;
let sinks: LocalSinks;
let transports: Transports;
const logs: string[] = [];
const log = (line: string) => logs.push(line);

beforeAll(async () => {
  t = await createTestDatabase();
  sinks = await startLocalSinks({ rejectRecipients: (address) => address === REFUSED_EMAIL, rejectNumbers: (to) => to === REFUSED_MOBILE });
  transports = sinks.transports;
});

afterAll(async () => {
  await sinks?.close();
  await t?.dispose();
});

beforeEach(async () => {
  // Each test starts with an empty outbox, so that what one leaves pending is not delivered by the next.
  await t.db.messageSortant.deleteMany();
  logs.length = 0;
});

const received = (predicate: (m: SinkMessage) => boolean) => sinks.received(predicate);

async function enqueueEmail(to: string, content = verificationCode({ code: "482913", validiteMinutes: 15, usage: "confirmation des coordonnées" })) {
  return t.db.$transaction((tx) => enqueueMessage(tx, outboxMessage("EMAIL", to, content), keys));
}

describe(`boîte d'envoi et livraison des messages (${testDatabaseKind()})`, () => {
  it("un courriel mis en file est livré par un vrai serveur SMTP et relu avec son sujet et son texte", async () => {
    const { id } = await enqueueEmail("claire.martin@example.org");
    expect(await deliverPendingMessages(t.db, transports, keys, { log })).toEqual({ envoyes: 1, reportes: 0, echecs: 0 });

    const [message] = await received((m) => m.to === "claire.martin@example.org");
    expect(message).toMatchObject({ canal: "EMAIL", subject: "Mon Compte — code pour confirmer vos coordonnées" });
    expect(message!.text).toContain("482913");
    expect(message!.text).toContain("tapez vous-même l'adresse du portail");
    expect(message!.html).toContain("482913");
    expect(message!.from).toContain("ne-pas-repondre@moncompte.invalid");
    const row = await t.db.messageSortant.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ statut: "ENVOYE", tentatives: 1, derniereErreur: null });
    expect(row.envoyeLe).toBeInstanceOf(Date);
  });

  it("un SMS part en HTTP vers l'API SMS, authentifié, et arrive au bon numéro", async () => {
    const content = verificationCode({ code: "731640", validiteMinutes: 10, usage: "confirmation des coordonnées" });
    const { id } = await t.db.$transaction((tx) => enqueueMessage(tx, outboxMessage("SMS", "+33639981001", content), keys));
    expect(await deliverMessageNow(t.db, transports, keys, id, { log })).toEqual({ statut: "ENVOYE" });

    const [message] = await received((m) => m.canal === "SMS" && m.text.includes("731640"));
    expect(message).toMatchObject({ to: "+33639981001", from: "MonCompte", subject: null, text: content.sms.texte });
    expect((await t.db.messageSortant.findUniqueOrThrow({ where: { id } })).statut).toBe("ENVOYE");
  });

  it("un message n'est écrit que si la transaction qui l'a produit est validée", async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueMessage(tx, { canal: "EMAIL", destinataire: "annule@example.org", sujet: "Mon Compte — x", texte: "x" }, keys);
        throw new Error("changement d'état refusé");
      }),
    ).rejects.toThrow("changement d'état refusé");
    expect(await t.db.messageSortant.count()).toBe(0);
  });

  it("le destinataire et le corps sont chiffrés dans la base : la ligne brute ne contient ni l'adresse ni le code", async () => {
    const { id } = await enqueueEmail("julien.durand@example.org");
    const rows = await t.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "MessageSortant" WHERE id = ${id}::uuid`;
    const raw = JSON.stringify(rows[0]);
    expect(raw).not.toContain("julien.durand");
    expect(raw).not.toContain("example.org");
    expect(raw).not.toContain("482913");
    expect(String(rows[0]!.destinataireChiffre)).toMatch(/^v1\./);
    expect(String(rows[0]!.texteChiffre)).toMatch(/^v1\./);
    expect(String(rows[0]!.htmlChiffre)).toMatch(/^v1\./);
  });

  it("une fois envoyé ou abandonné, le corps du message est effacé ; le suivi de l'envoi reste", async () => {
    const sent = await enqueueEmail("karim.bernard@example.net");
    const refused = await enqueueEmail(REFUSED_EMAIL);
    const waiting = await enqueueEmail("thomas.moreau@example.org");
    await deliverMessageNow(t.db, transports, keys, sent.id, { log });
    await deliverMessageNow(t.db, transports, keys, refused.id, { log });
    const rows = await t.db.messageSortant.findMany({ where: { id: { in: [sent.id, refused.id, waiting.id] } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of [sent.id, refused.id]) {
      expect(byId.get(id)).toMatchObject({ texteChiffre: null, htmlChiffre: null, canal: "EMAIL", sujet: "Mon Compte — code pour confirmer vos coordonnées", tentatives: 1 });
    }
    expect(byId.get(sent.id)).toMatchObject({ statut: "ENVOYE", envoyeLe: expect.any(Date) });
    expect(byId.get(refused.id)).toMatchObject({ statut: "ECHEC_DEFINITIF", derniereErreur: expect.stringMatching(/550/) });
    // The one still waiting keeps its (encrypted) body for the next attempt.
    expect(byId.get(waiting.id)!.texteChiffre).toMatch(/^v1\./);
  });

  it("serveur SMTP arrêté : le message reste en attente (1 tentative, nouvel essai plus tard), puis part quand le serveur revient", async () => {
    await sinks.stopSmtp();
    try {
      const { id } = await enqueueEmail("sophie.bernard@example.org");
      const now = new Date();
      const immediate = await deliverMessageNow(t.db, transports, keys, id, { now, log });
      expect(immediate.statut).toBe("EN_ATTENTE");
      expect(immediate.statut === "EN_ATTENTE" && immediate.raison).toMatch(/il vous parviendra dès que possible/);

      const row = await t.db.messageSortant.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ statut: "EN_ATTENTE", tentatives: 1 });
      expect(row.prochainEssaiLe.getTime()).toBe(now.getTime() + 15_000);
      expect(row.derniereErreur).toMatch(/^smtp ESOCKET/);
      expect(row.derniereErreur).not.toContain("sophie");

      // Not due yet: nothing happens before the delay.
      expect(await deliverPendingMessages(t.db, transports, keys, { now: new Date(now.getTime() + 1_000), log })).toEqual({ envoyes: 0, reportes: 0, echecs: 0 });
    } finally {
      await sinks.restartSmtp();
    }
    const later = new Date(Date.now() + 16_000);
    expect(await deliverPendingMessages(t.db, transports, keys, { now: later, log })).toEqual({ envoyes: 1, reportes: 0, echecs: 0 });
    expect(await received((m) => m.to === "sophie.bernard@example.org")).toHaveLength(1);
    const row = await t.db.messageSortant.findFirstOrThrow();
    expect(row).toMatchObject({ statut: "ENVOYE", tentatives: 2, derniereErreur: null });
  });

  it("une adresse refusée par le serveur (550) est un échec définitif, avec la raison en français", async () => {
    const { id } = await enqueueEmail(REFUSED_EMAIL);
    expect(await deliverMessageNow(t.db, transports, keys, id, { log })).toEqual({ statut: "ECHEC_DEFINITIF", raison: RAISON_ADRESSE_REFUSEE });
    expect(RAISON_ADRESSE_REFUSEE).toBe("Cette adresse ne peut pas recevoir de messages.");
    const row = await t.db.messageSortant.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ statut: "ECHEC_DEFINITIF", tentatives: 1 });
    expect(row.derniereErreur).toMatch(/550/);
    expect(row.derniereErreur).not.toContain(REFUSED_EMAIL);
    // Never tried again, and asked later the answer is the same.
    expect(await deliverPendingMessages(t.db, transports, keys, { now: new Date(Date.now() + 86_400_000), log })).toEqual({ envoyes: 0, reportes: 0, echecs: 0 });
    expect(await deliverMessageNow(t.db, transports, keys, id, { log })).toEqual({ statut: "ECHEC_DEFINITIF", raison: RAISON_ADRESSE_REFUSEE });
  });

  it("un numéro refusé par l'API SMS est un échec définitif", async () => {
    const { id } = await t.db.$transaction((tx) => enqueueMessage(tx, { canal: "SMS", destinataire: REFUSED_MOBILE, texte: "Mon Compte : essai" }, keys));
    expect(await deliverMessageNow(t.db, transports, keys, id, { log })).toEqual({ statut: "ECHEC_DEFINITIF", raison: RAISON_NUMERO_REFUSE });
    const row = await t.db.messageSortant.findUniqueOrThrow({ where: { id } });
    expect(row.derniereErreur).toMatch(/21211/);
    expect(row.derniereErreur).not.toMatch(/639989999/);
  });

  it("deux livraisons simultanées envoient chaque message une seule fois", async () => {
    const addresses = Array.from({ length: 8 }, (_, i) => `concurrence.${i}@example.org`);
    for (const address of addresses) await enqueueEmail(address);
    const now = new Date();
    const [a, b] = await Promise.all([
      deliverPendingMessages(t.db, transports, keys, { now, log }),
      deliverPendingMessages(t.db, transports, keys, { now, log }),
    ]);
    expect(a.envoyes + b.envoyes).toBe(addresses.length);
    const got = await received((m) => m.to.startsWith("concurrence."));
    expect(got.map((m) => m.to).sort()).toEqual([...addresses].sort());
    expect(await t.db.messageSortant.count({ where: { statut: "ENVOYE" } })).toBe(addresses.length);
  });

  it("un message réservé par un autre envoi n'est pas repris avant la fin de sa réservation", async () => {
    const { id } = await enqueueEmail("reserve@example.org");
    const now = new Date();
    // Another worker claimed it and died before sending.
    await t.db.messageSortant.update({ where: { id }, data: { prochainEssaiLe: new Date(now.getTime() + LEASE_MS) } });
    expect(await deliverMessageNow(t.db, transports, keys, id, { now, log })).toMatchObject({ statut: "EN_ATTENTE" });
    expect(await deliverPendingMessages(t.db, transports, keys, { now: new Date(now.getTime() + LEASE_MS + 1), log })).toMatchObject({ envoyes: 1 });
  });

  it("le travailleur de fond livre les messages en file sans qu'on l'appelle", async () => {
    await enqueueEmail("fond@example.org");
    const worker = startOutboxWorker({ db: t.db, transports, keys, intervalMs: 50, log });
    try {
      await expect.poll(async () => (await received((m) => m.to === "fond@example.org")).length, { timeout: 10_000 }).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it("les journaux ne contiennent ni adresse complète, ni numéro complet, ni texte du message", async () => {
    await enqueueEmail("nadia.petit@example.org");
    await enqueueEmail(REFUSED_EMAIL);
    await t.db.$transaction((tx) => enqueueMessage(tx, { canal: "SMS", destinataire: "+33639981002", texte: "Mon Compte : code 555111" }, keys));
    await deliverPendingMessages(t.db, transports, keys, { log });
    expect(logs.length).toBe(3);
    const all = logs.join("\n");
    expect(all).toContain("n***t@example.org");
    expect(all).toContain("06 ** ** ** 02");
    for (const secret of ["nadia.petit", REFUSED_EMAIL, "639981002", "482913", "555111"]) expect(all).not.toContain(secret);
  });
});
