// Rules of SPEC §2 and QUALITY-BARS 1–3 for the password login, on a real database seeded with the personas.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLoginIdentifier } from "../../lib/identity/login-identifier";
import { authenticateWithPassword } from "../../lib/auth/authenticate-password";
import { THROTTLE_LIMITS } from "../../lib/auth/login-throttle";
import { hashPassword } from "../../lib/auth/password-hash";
import { seedPersonas } from "../../prisma/seed/seed-personas";
import { demoKeys } from "../support/demo-keys";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const keys = demoKeys();
let t: TestDatabase;
let ipCounter = 0;
/** A fresh IP per test, so that the per-IP counters of one test do not leak into another. */
const freshIp = () => `192.0.2.${++ipCounter}`;
const ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPersonas(t.db, keys);
});
afterAll(async () => t?.dispose());

const login = (identifiant: string, motDePasse: string, ip: string, now?: Date) =>
  authenticateWithPassword(t.db, keys, { identifiant, motDePasse, ip, userAgent: ua, now });

async function personneIdOf(nom: string, prenom: string) {
  return (await t.db.personne.findFirstOrThrow({ where: { nomNaissance: nom, prenoms: { has: prenom } } })).id;
}

describe("connexion par identifiant et mot de passe", () => {
  it("Marc se connecte avec son NIR et son mot de passe personnel", async () => {
    const outcome = await login("182023155507830", "Garonne2026Caf", freshIp());
    expect(outcome).toMatchObject({ ok: true, kind: "mot-de-passe", mustChangePassword: false });
  });

  it("le NIR est accepté avec des espaces", async () => {
    expect(await login("1 82 02 31 555 078 30", "Garonne2026Caf", freshIp())).toMatchObject({ ok: true });
  });

  it("la connexion réussie renvoie la précédente connexion et enregistre la nouvelle", async () => {
    const ip = freshIp();
    const first = await login("179067505612310", "Seine2026Caf", ip, new Date("2026-11-12T17:04:00Z"));
    const second = await login("179067505612310", "Seine2026Caf", ip, new Date("2026-11-20T09:00:00Z"));
    expect(first.ok && second.ok).toBe(true);
    if (second.ok) expect(second.previousConnection?.toISOString()).toBe("2026-11-12T17:04:00.000Z");
    const history = await t.db.historiqueConnexion.findMany({ where: { personneId: await personneIdOf("MOREAU", "Thomas"), reussie: true } });
    expect(history.length).toBeGreaterThanOrEqual(2);
    expect(history[0]!.appareil).toBe("Chrome sur Linux");
  });

  it("la bascule : Claire, compte non activé, entre avec son NIR et le mot de passe du dossier", async () => {
    expect(await login("288036912304529", "48207315", freshIp())).toMatchObject({ ok: true, kind: "bascule" });
  });

  it("le conjoint et l'allocataire d'un même foyer activent chacun leur compte avec le mot de passe du dossier", async () => {
    expect(await login("186117505611249", "48207315", freshIp())).toMatchObject({ ok: true, kind: "bascule" });
  });

  it("une fois le mot de passe personnel choisi, le mot de passe du dossier ne fonctionne plus", async () => {
    // Sophie's account is active: her foyer's dossier password must not open it.
    expect(await login("290013306308710", "73019462", freshIp())).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
  });

  it("identifiant inconnu, mauvais mot de passe et compte suspendu donnent exactement la même réponse", async () => {
    const jeanne = await personneIdOf("GIRARD", "Jeanne");
    await t.db.compte.update({ where: { personneId: jeanne }, data: { etat: "SUSPENDU" } });
    const unknown = await login("269054958815780", "Quelconque2026", freshIp());
    const wrong = await login("182023155507830", "Mauvais2026Caf", freshIp());
    const suspended = await login("244081305511821", "Calanque2026Caf", freshIp());
    expect(unknown).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS" });
    expect(wrong).toEqual(unknown);
    expect(suspended).toEqual(unknown);
    await t.db.compte.update({ where: { personneId: jeanne }, data: { etat: "ACTIF" } });
  });

  it("un compte dont la Caf exige le changement de mot de passe se connecte mais doit en changer", async () => {
    const lea = await personneIdOf("LEFEBVRE", "Léa");
    await t.db.compte.update({ where: { personneId: lea }, data: { etat: "CHANGEMENT_MOT_DE_PASSE_REQUIS" } });
    expect(await login("295072A00402138", "Maquis2026Caf", freshIp())).toMatchObject({ ok: true, mustChangePassword: true });
    await t.db.compte.update({ where: { personneId: lea }, data: { etat: "ACTIF" } });
  });

  it("un identifiant mal formé renvoie l'erreur précise, sans rien chercher en base", async () => {
    const outcome = await login("288036912304528", "x", freshIp());
    expect(outcome).toEqual({ ok: false, reason: "SAISIE_INVALIDE", fieldErrors: { identifiant: "La clé de contrôle ne correspond pas au numéro saisi." } });
  });

  it("un mot de passe de 10 000 caractères est refusé sans être haché", async () => {
    const outcome = await login("182023155507830", "a".repeat(10_000), freshIp());
    expect(outcome).toMatchObject({ ok: false, reason: "SAISIE_INVALIDE" });
    if (!outcome.ok && outcome.reason === "SAISIE_INVALIDE") expect(outcome.fieldErrors.motDePasse).toMatch(/trop long/);
  });

  it("un hachage aux paramètres anciens est remplacé à la connexion", async () => {
    const karim = await personneIdOf("BERNARD", "Karim");
    const argon2 = (await import("argon2")).default;
    const weak = await argon2.hash("Mistral2026Caf", { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await t.db.compte.update({ where: { personneId: karim }, data: { motDePasseHash: weak } });
    expect(await login("187051305520164", "Mistral2026Caf", freshIp())).toMatchObject({ ok: true });
    const after = await t.db.compte.findUniqueOrThrow({ where: { personneId: karim } });
    expect(after.motDePasseHash).not.toBe(weak);
    expect(after.motDePasseHash).toMatch(/\$m=19456,p=1,t=2\$/);
    expect(await hashPassword("x")).toContain("$argon2id$");
  });
});

describe("saisies malveillantes ou erronées", () => {
  it("des identifiants mal formés, quels qu'ils soient, ne produisent que des erreurs de saisie et ne touchent à rien", async () => {
    const before = { history: await t.db.historiqueConnexion.count(), counters: await t.db.compteurEchecs.count() };
    const malformed = fc.oneof(
      fc.string({ maxLength: 90 }),
      fc.string({ unit: "grapheme", maxLength: 30 }),
      fc.constantFrom("' OR 1=1 --", "2880369123045２９", "P1234567８", "Ꮲ12345678", "<script>alert(1)</script>", "\u0000288036912304529", "a".repeat(10_000)),
    ).filter((value) => !parseLoginIdentifier(value).ok);
    await fc.assert(
      fc.asyncProperty(fc.oneof(malformed, fc.constant(null), fc.integer(), fc.object()), fc.oneof(fc.string(), fc.constant(undefined)), async (identifiant, motDePasse) => {
        const outcome = await authenticateWithPassword(t.db, keys, { identifiant, motDePasse, ip: "203.0.113.9", userAgent: ua });
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) {
          expect(outcome.reason).toBe("SAISIE_INVALIDE");
          if (outcome.reason === "SAISIE_INVALIDE") expect(outcome.fieldErrors.identifiant).toMatch(/\S/);
        }
      }),
      { numRuns: 150 },
    );
    expect({ history: await t.db.historiqueConnexion.count(), counters: await t.db.compteurEchecs.count() }).toEqual(before);
  });
});

describe("limitation des tentatives", () => {
  it(`après ${THROTTLE_LIMITS.identifierAndIp.maxFailures} échecs, la tentative suivante est refusée avant toute vérification, avec une heure de fin`, async () => {
    const ip = freshIp();
    const now = new Date("2026-11-25T13:00:00Z");
    const { maxFailures, lockoutMinutes } = THROTTLE_LIMITS.identifierAndIp;
    for (let i = 0; i < maxFailures; i++) {
      // The failure that leaves one try says so, with the length of the lock to come; the others do not.
      const expected = i === maxFailures - 2 ? { lastTry: { lockoutMinutes: lockoutMinutes[0] } } : {};
      expect(await login("182023155507830", `Faux${i}2026Caf`, ip, now)).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS", ...expected });
    }
    const refused = await login("182023155507830", "Garonne2026Caf", ip, now);
    expect(refused).toMatchObject({ ok: false, reason: "LIMITE_ATTEINTE" });
    if (!refused.ok && refused.reason === "LIMITE_ATTEINTE") {
      expect(refused.until.getTime() - now.getTime()).toBe(THROTTLE_LIMITS.identifierAndIp.lockoutMinutes[0] * 60_000);
    }
  });

  it("le verrouillage ne touche que l'identifiant depuis cette adresse : la personne entre depuis la sienne", async () => {
    const attacker = freshIp();
    const now = new Date("2026-11-25T14:00:00Z");
    for (let i = 0; i < THROTTLE_LIMITS.identifierAndIp.maxFailures; i++) await login("281109205004516", `Faux${i}2026Caf`, attacker, now);
    expect(await login("281109205004516", "Nanterre2026Caf", attacker, now)).toMatchObject({ reason: "LIMITE_ATTEINTE" });
    expect(await login("281109205004516", "Nanterre2026Caf", freshIp(), now)).toMatchObject({ ok: true });
  });

  it("le verrouillage est progressif et prend fin à l'heure annoncée", async () => {
    const ip = freshIp();
    let now = new Date("2026-11-25T15:00:00Z");
    const lockouts: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < THROTTLE_LIMITS.identifierAndIp.maxFailures; i++) await login("284064410903322", `Faux${i}2026Caf`, ip, now);
      const refused = await login("284064410903322", "Loire2026Caf", ip, now);
      expect(refused).toMatchObject({ reason: "LIMITE_ATTEINTE" });
      if (!refused.ok && refused.reason === "LIMITE_ATTEINTE") {
        lockouts.push((refused.until.getTime() - now.getTime()) / 60_000);
        now = new Date(refused.until.getTime() + 1_000);
      }
    }
    expect(lockouts).toEqual(THROTTLE_LIMITS.identifierAndIp.lockoutMinutes.slice(0, 3));
    expect(await login("284064410903322", "Loire2026Caf", ip, now)).toMatchObject({ ok: true });
  });

  it("un identifiant inconnu est limité comme un identifiant connu, sans rien révéler", async () => {
    const ip = freshIp();
    const now = new Date("2026-11-25T16:00:00Z");
    const known = freshIp();
    const answers = { known: [] as unknown[], unknown: [] as unknown[] };
    for (let i = 0; i < THROTTLE_LIMITS.identifierAndIp.maxFailures; i++) {
      answers.unknown.push(await login("269054958815780", "Quelconque2026", ip, now));
      answers.known.push(await login("182023155507830", "Quelconque2026", known, now));
    }
    // The same answers, the warning before the last try included: it says nothing about the account.
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.unknown.filter((a) => (a as { lastTry?: unknown }).lastTry)).toHaveLength(1);
    expect(await login("269054958815780", "Quelconque2026", ip, now)).toMatchObject({ reason: "LIMITE_ATTEINTE" });
  });

  it(`une même adresse IP qui essaie beaucoup d'identifiants est bloquée après ${THROTTLE_LIMITS.ip.maxFailures} échecs`, async () => {
    const ip = freshIp();
    const now = new Date("2026-11-25T17:00:00Z");
    // A different (unknown) provisional identifier each time, so that only the per-IP counter can stop it.
    for (let i = 0; i < THROTTLE_LIMITS.ip.maxFailures; i++) {
      const expected = i === THROTTLE_LIMITS.ip.maxFailures - 2 ? { lastTry: { lockoutMinutes: THROTTLE_LIMITS.ip.lockoutMinutes[0] } } : {};
      expect(await login(`P${String(90_000_000 + i)}`, "Quelconque2026", ip, now)).toEqual({ ok: false, reason: "IDENTIFIANTS_INCORRECTS", ...expected });
    }
    expect(await login("295072A00402138", "Maquis2026Caf", ip, now)).toMatchObject({ reason: "LIMITE_ATTEINTE" });
  });
});
