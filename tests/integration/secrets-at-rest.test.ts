// What a stolen copy of the database would reveal (QUALITY-BARS 13): after a full first connection (codes confirmed
// by SMS and e-mail), a login with a second factor, a password recovery and two identifier recoveries, with every
// message really delivered to the local sinks, no code, no NIR, no e-mail address and no mobile number of a persona
// may appear in clear. Checked over every column of every table (read from information_schema) on both engines,
// and over a real pg_dump on PostgreSQL.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "../../lib/auth/authenticate-password";
import { recoverIdentifier } from "../../lib/auth/recovery/identifier-recovery";
import { checkPasswordRecoveryCode, resetForgottenPassword, startPasswordRecovery } from "../../lib/auth/recovery/password-recovery";
import { checkSecondFactorCode, sendSecondFactorCode } from "../../lib/auth/second-factor";
import { acceptCgu, currentCgu } from "../../lib/cgu/cgu-versions";
import { confirmContactCode, saveContacts, sendContactCode } from "../../lib/contacts/contact-details";
import { formatNir } from "../../lib/identity/nir";
import { deliverMessageNow, deliverPendingMessages } from "../../lib/messaging/deliver-outbox";
import { activateIfComplete, answerDelegation, chooseFirstPassword, finishContactsStep } from "../../lib/premiere-connexion/wizard-service";
import personasFile from "../../prisma/seed/personas.json" with { type: "json" };
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { startLocalSinks, type LocalSinks } from "../support/local-sinks";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
const quiet = { log: () => {} };
let t: TestDatabase;
let sinks: LocalSinks;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys, quiet);
  sinks = await startLocalSinks();
});
afterAll(async () => {
  await sinks?.close();
  await t?.dispose();
});

type Persona = { nir?: string; email?: string; mobile?: string };
const personas: Persona[] = [
  ...(personasFile as unknown as { foyers: { membres: Persona[] }[] }).foyers.flatMap((f) => f.membres),
  ...(personasFile as unknown as { protecteurs: Persona[] }).protecteurs,
];

/** Every way a persona's secrets could be written: NIRs with and without spaces, addresses, mobiles in several forms. */
function needles(): string[] {
  const out = new Set<string>();
  for (const p of personas) {
    if (p.nir) {
      out.add(p.nir);
      out.add(formatNir(p.nir));
    }
    if (p.email) {
      out.add(p.email);
      out.add(p.email.toLowerCase());
    }
    if (p.mobile) {
      const national = p.mobile.replace(/\s/g, "");
      const pairs = national.match(/../g)!;
      out.add(national);
      out.add(pairs.join(" "));
      out.add(pairs.join("."));
      out.add(`+33${national.slice(1)}`);
      out.add(`+33 ${national.slice(1, 2)} ${pairs.slice(1).join(" ")}`);
      out.add(`33${national.slice(1)}`);
    }
  }
  return [...out];
}

/** A value found as a whole token: not inside a longer run of letters or digits (a hash, a ciphertext, a uuid). */
function occurrences(haystack: string, needle: string): number {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return haystack.match(new RegExp(`(?<![0-9A-Za-z_-])${escaped}(?![0-9A-Za-z_-])`, "g"))?.length ?? 0;
}

const ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
const ip = "192.0.2.90";
const personneIdOf = async (nom: string, prenom: string) => (await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } } })).id;

/** The newest 6-digit code a recipient received, and every code received so far. */
async function lastCodeTo(recipient: string): Promise<string> {
  const code = (await sinks.received((m) => m.to.includes(recipient))).at(-1)?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("aucun code reçu");
  return code;
}

async function everyCodeReceived(): Promise<string[]> {
  return [...new Set((await sinks.received()).flatMap((m) => [...m.text.matchAll(/(?<!\d)(\d{6})(?!\d)/g)].map((x) => x[1]!)))];
}

/** Every row of every table of the public schema, as text (the table list comes from information_schema). */
async function everyRowAsText(): Promise<{ tables: number; text: string }> {
  const tables = await t.db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await t.db.$queryRawUnsafe<{ r: string }[]>(`SELECT row_to_json(x)::text AS r FROM "${table_name.replaceAll('"', '""')}" x`);
    parts.push(...rows.map((row) => row.r));
  }
  return { tables: tables.length, text: parts.join("\n") };
}

function pgDumpBinary(): string {
  for (const candidate of ["/usr/lib/postgresql/15/bin/pg_dump", "/usr/lib/postgresql/16/bin/pg_dump", "/usr/lib/postgresql/17/bin/pg_dump"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return "pg_dump";
}

describe(`aucun secret en clair dans la base (${testDatabaseKind()})`, () => {
  it("après une première connexion complète, une double authentification et les deux récupérations, ni code, ni NIR, ni adresse, ni mobile en clair", async () => {
    const transports = sinks.transports;

    // Claire's whole first connection, both contact details confirmed with a code.
    const claire = await personneIdOf("MARTIN", "Claire");
    const actor = { personneId: claire, compteId: (await t.db.compte.findUniqueOrThrow({ where: { personneId: claire } })).id, ip };
    expect(await authenticateWithPassword(t.db, keys, { identifiant: "288036912304529", motDePasse: "48207315", ip, userAgent: ua })).toMatchObject({ ok: true });
    await acceptCgu(t.db, { personneId: claire, versionId: (await currentCgu(t.db))!.id, ip });
    expect(await chooseFirstPassword(t.db, keys, { ...actor, nouveauMotDePasse: "Tournesol2026Lyon", confirmation: "Tournesol2026Lyon" })).toMatchObject({ ok: true });
    expect(await saveContacts(t.db, keys, { personneId: claire, email: "claire.martin@example.org", mobile: "06 39 98 10 01", ip })).toMatchObject({ ok: true });
    expect(await sendContactCode(t.db, keys, transports, { personneId: claire, canal: "SMS", ip })).toMatchObject({ ok: true, statut: "ENVOYE" });
    expect(await confirmContactCode(t.db, keys, { personneId: claire, canal: "SMS", code: await lastCodeTo("+33639981001"), ip })).toMatchObject({ ok: true });
    expect(await sendContactCode(t.db, keys, transports, { personneId: claire, canal: "EMAIL", ip })).toMatchObject({ ok: true, statut: "ENVOYE" });
    expect(await confirmContactCode(t.db, keys, { personneId: claire, canal: "EMAIL", code: await lastCodeTo("claire.martin@example.org"), ip })).toMatchObject({ ok: true });
    expect(await finishContactsStep(t.db, actor)).toEqual({ ok: true });
    expect(await answerDelegation(t.db, keys, { ...actor, accorder: true })).toMatchObject({ ok: true });
    expect(await activateIfComplete(t.db, keys, actor)).toBe(true);

    // Sophie's second factor.
    const sophie = await personneIdOf("BERNARD", "Sophie");
    expect(await sendSecondFactorCode(t.db, keys, transports, { personneId: sophie, email: "sophie.bernard@example.org", ip })).toMatchObject({ ok: true, statut: "ENVOYE" });
    expect(await checkSecondFactorCode(t.db, keys, { personneId: sophie, email: "sophie.bernard@example.org", code: await lastCodeTo("sophie.bernard@example.org") })).toMatchObject({ ok: true });

    // Marc's password recovery, to the end.
    const started = await startPasswordRecovery(t.db, keys, transports, { identifiant: "1 82 02 31 555 078 30", contact: "06 39 98 10 05", ip });
    if (!started.ok || !started.messageId) throw new Error("récupération non démarrée");
    await deliverMessageNow(t.db, transports, keys, started.messageId, quiet);
    const checked = await checkPasswordRecoveryCode(t.db, keys, { recovery: started.code, code: await lastCodeTo("+33639981005") });
    if (!checked.ok) throw new Error(checked.message);
    expect(await resetForgottenPassword(t.db, keys, { personneId: checked.personneId, codeId: checked.codeId, nouveauMotDePasse: "Passerelle7Azur", confirmation: "Passerelle7Azur", ip })).toMatchObject({ ok: true });

    // Two identifier recoveries: Léa by SMS (a NIR with 2A), Hélène by e-mail.
    for (const request of [
      { nomNaissance: "Lefebvre", prenom: "Léa", jour: "4", mois: "7", annee: "1995", contact: "06 39 98 10 07" },
      { nomNaissance: "Roux", prenom: "Hélène", jour: "3", mois: "4", annee: "1972", contact: "helene.roux@example.org" },
    ]) {
      const outcome = await recoverIdentifier(t.db, keys, { ...request, ip });
      if (!outcome.ok || !outcome.messageId) throw new Error("rappel d'identifiant non envoyé");
    }
    // Everything still waiting in the outbox goes out (the notices of the password change, the reminders).
    await deliverPendingMessages(t.db, transports, keys, { now: new Date(Date.now() + 60_000), log: () => {} });
    expect(await t.db.messageSortant.count({ where: { statut: "EN_ATTENTE" } })).toBe(0);

    const codes = await everyCodeReceived();
    expect(codes.length).toBeGreaterThanOrEqual(4);
    const secrets = [...codes, ...needles()];
    const identifierReminders = await sinks.received((m) => /identifiant de connexion|votre identifiant est/.test(m.text));
    expect(identifierReminders).toHaveLength(2);
    for (const reminder of identifierReminders) expect(reminder.text).not.toMatch(/295072A00402138|2 95 07 2A 004 021 38|272045935021041|2 72 04 59 350 210 41/);

    const { tables, text } = await everyRowAsText();
    const inRows = secrets.filter((secret) => occurrences(text, secret) > 0);
    console.info(`[secrets] ${testDatabaseKind()} : ${tables} tables, ${text.length} caractères relus, ${codes.length} codes et ${secrets.length - codes.length} formes de NIR, adresses et mobiles cherchés, ${inRows.length} trouvés`);
    expect(inRows).toEqual([]);

    if (t.config.kind === "postgres") {
      const dump = execFileSync(pgDumpBinary(), ["--no-owner", "--no-privileges", t.config.url], { maxBuffer: 256 * 1024 * 1024 }).toString("utf8");
      const inDump = secrets.filter((secret) => occurrences(dump, secret) > 0);
      console.info(`[secrets] pg_dump : ${dump.length} octets, ${inDump.length} secret(s) trouvé(s)`);
      expect(dump).toContain("COPY public.\"MessageSortant\"");
      expect(inDump).toEqual([]);
    }
  });
});
