// The verification engine on a real, migrated database (PGlite and PostgreSQL): QUALITY-BARS §4–5.
// Time is a fake clock passed to every call; concurrency runs on PostgreSQL's 4-connection pool.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FieldKeys } from "../../lib/crypto/field-encryption";
import { lookupHash } from "../../lib/crypto/field-encryption";
import {
  CODE_MESSAGES,
  EMAIL_CODE_VALIDITY_MS,
  SMS_CODE_VALIDITY_MS,
  hashCode,
  issueVerificationCode,
  verifyCode,
  type CodeBinding,
  type IssueResult,
} from "../../lib/verification/verification-engine";
import { CODE_INPUT_MESSAGES } from "../../lib/verification/code-schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const keys: FieldKeys = { encryptionKey: randomBytes(32), lookupKey: randomBytes(32) };
const T0 = new Date("2025-03-10T09:00:00.000Z");
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);

let t: TestDatabase;
let personneId: string;
let autrePersonneId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const personne = (nom: string) =>
    t.db.personne.create({
      data: { nomNaissance: nom, prenoms: ["Test"], sexe: "F", dateNaissance: new Date("1990-01-01"), lieuNaissancePays: "FRANCE", fictif: true },
    });
  personneId = (await personne("CODE")).id;
  autrePersonneId = (await personne("AUTRE")).id;
});
afterAll(async () => t?.dispose());

// Every test gets its own contact details, so that the per-contact limit of one test never affects another.
let counter = 0;
const nextMobile = () => `06 39 98 ${String(Math.floor(counter / 100) % 100).padStart(2, "0")} ${String(counter++ % 100).padStart(2, "0")}`;
const nextEmail = () => `personne.${counter++}@example.org`;
const sms = (overrides: Partial<CodeBinding> = {}): CodeBinding => ({ personneId, objet: "CONFIRMATION_CONTACT", canal: "SMS", cible: nextMobile(), ...overrides });
const email = (overrides: Partial<CodeBinding> = {}): CodeBinding => ({ personneId, objet: "CONFIRMATION_CONTACT", canal: "EMAIL", cible: nextEmail(), ...overrides });

async function issue(binding: CodeBinding, now = T0) {
  const result = await issueVerificationCode(t.db, { ...binding, now }, keys);
  if (!result.ok) throw new Error(`émission refusée : ${result.message}`);
  return result;
}
const verify = (binding: CodeBinding, code: string, now = at(1)) => verifyCode(t.db, { ...binding, code, now }, keys);
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");
const row = (id: string) => t.db.codeVerification.findUniqueOrThrow({ where: { id } });

describe(`moteur des codes de vérification (${testDatabaseKind()})`, () => {
  describe("émission et vérification", () => {
    it("un code émis puis saisi correctement est accepté et marqué utilisé", async () => {
      const b = sms();
      const issued = await issue(b);
      expect(issued.code).toMatch(/^[0-9]{6}$/);
      expect(issued.expireLe).toEqual(new Date(T0.getTime() + SMS_CODE_VALIDITY_MS));
      expect(issued.nouveauxCodesRestants).toBe(3);
      expect(await verify(b, issued.code)).toEqual({ ok: true, codeId: issued.codeId });
      const stored = await row(issued.codeId);
      expect(stored.utiliseLe).toEqual(at(1));
      expect(stored.essais).toBe(0);
      expect(stored.emisLe).toEqual(T0);
    });

    it("un code ne sert qu'une fois : la seconde saisie est refusée comme déjà utilisée", async () => {
      const b = sms();
      const issued = await issue(b);
      expect((await verify(b, issued.code)).ok).toBe(true);
      expect(await verify(b, issued.code, at(2))).toEqual({ ok: false, reason: "DEJA_UTILISE", message: CODE_MESSAGES.dejaUtilise });
    });

    it("un code saisi en deux groupes « 123 456 » est accepté (espaces retirés)", async () => {
      const b = email();
      const issued = await issue(b);
      expect((await verify(b, ` ${issued.code.slice(0, 3)} ${issued.code.slice(3)} `)).ok).toBe(true);
    });

    it("sans aucun code émis, la saisie est refusée comme introuvable", async () => {
      expect(await verify(sms(), "123456")).toEqual({ ok: false, reason: "INTROUVABLE", message: CODE_MESSAGES.introuvable });
    });

    it("un code émis sans personne identifiée (récupération d'identifiant) se vérifie sans personne", async () => {
      const b = email({ personneId: null, objet: "RECUPERATION_IDENTIFIANT" });
      const issued = await issue(b);
      expect((await verify({ ...b, personneId: personneId }, issued.code)).ok).toBe(false);
      expect((await verify(b, issued.code)).ok).toBe(true);
    });
  });

  describe("durée de validité (horloge simulée)", () => {
    it("par SMS, un code est accepté à 9 min 59 s", async () => {
      const b = sms();
      const issued = await issue(b);
      expect((await verify(b, issued.code, at(9, 59))).ok).toBe(true);
    });

    it("par SMS, un code est refusé comme expiré à 10 min 01 s", async () => {
      const b = sms();
      const issued = await issue(b);
      expect(await verify(b, issued.code, at(10, 1))).toEqual({ ok: false, reason: "EXPIRE", message: CODE_MESSAGES.expire("SMS") });
      expect((await row(issued.codeId)).utiliseLe).toBeNull();
    });

    it("par SMS, un code est déjà expiré à 10 min pile", async () => {
      const b = sms();
      const issued = await issue(b);
      expect(await verify(b, issued.code, at(10))).toMatchObject({ ok: false, reason: "EXPIRE" });
    });

    it("par courriel, un code est accepté à 14 min 59 s", async () => {
      const b = email();
      const issued = await issue(b);
      expect(issued.expireLe).toEqual(new Date(T0.getTime() + EMAIL_CODE_VALIDITY_MS));
      expect((await verify(b, issued.code, at(14, 59))).ok).toBe(true);
    });

    it("par courriel, un code est refusé comme expiré à 15 min 01 s", async () => {
      const b = email();
      const issued = await issue(b);
      expect(await verify(b, issued.code, at(15, 1))).toEqual({ ok: false, reason: "EXPIRE", message: CODE_MESSAGES.expire("EMAIL") });
    });

    it("un mauvais code sur un code expiré dit qu'il a expiré et ne compte pas d'essai", async () => {
      const b = sms();
      const issued = await issue(b);
      expect(await verify(b, wrong(issued.code), at(11))).toMatchObject({ ok: false, reason: "EXPIRE" });
      expect((await row(issued.codeId)).essais).toBe(0);
    });
  });

  describe("essais", () => {
    it("un code incorrect dit combien d'essais il reste ; le 5e essai faux invalide le code, même le bon code est ensuite refusé", async () => {
      const b = sms();
      const issued = await issue(b);
      const bad = wrong(issued.code);
      for (const restants of [4, 3, 2, 1]) {
        expect(await verify(b, bad)).toEqual({ ok: false, reason: "INCORRECT", essaisRestants: restants, message: CODE_MESSAGES.incorrect(restants) });
      }
      expect(await verify(b, bad)).toEqual({ ok: false, reason: "TROP_D_ESSAIS", essaisRestants: 0, message: CODE_MESSAGES.incorrectDernierEssai });
      expect(await verify(b, issued.code)).toEqual({ ok: false, reason: "TROP_D_ESSAIS", essaisRestants: 0, message: CODE_MESSAGES.tropDEssais });
      expect(await verify(b, bad)).toMatchObject({ ok: false, reason: "TROP_D_ESSAIS", message: CODE_MESSAGES.tropDEssais });
      const stored = await row(issued.codeId);
      expect(stored.utiliseLe).toBeNull();
      expect(stored.essais).toBe(6); // every wrong try is counted, the right code is not a wrong try
    });

    it("le bon code après 4 essais faux est encore accepté", async () => {
      const b = sms();
      const issued = await issue(b);
      for (let i = 0; i < 4; i++) await verify(b, wrong(issued.code));
      expect((await verify(b, issued.code)).ok).toBe(true);
    });

    it("un code mal formé (lettres, espaces, 5 ou 7 chiffres, vide) est refusé avec un message clair et ne consomme aucun essai", async () => {
      const b = sms();
      const issued = await issue(b);
      const cases: [string, string][] = [
        ["12a456", CODE_INPUT_MESSAGES.caracteres],
        ["abcdef", CODE_INPUT_MESSAGES.caracteres],
        ["123-456", CODE_INPUT_MESSAGES.caracteres],
        ["１２３４５６", CODE_INPUT_MESSAGES.caracteres],
        ["12345", CODE_INPUT_MESSAGES.longueur(5)],
        ["1234567", CODE_INPUT_MESSAGES.longueur(7)],
        ["", CODE_INPUT_MESSAGES.obligatoire],
        ["   ", CODE_INPUT_MESSAGES.obligatoire],
        ["1".repeat(1000), CODE_INPUT_MESSAGES.tropLong],
      ];
      for (const [input, message] of cases) {
        expect(await verify(b, input)).toEqual({ ok: false, reason: "MAL_FORME", message });
      }
      expect((await row(issued.codeId)).essais).toBe(0);
      expect((await verify(b, issued.code)).ok).toBe(true);
    });
  });

  describe("remplacement et limite des nouveaux codes", () => {
    it("un nouveau code remplace l'ancien : l'ancien est refusé comme remplacé, sans consommer d'essai, le nouveau est accepté", async () => {
      const b = sms();
      const first = await issue(b);
      const second = await issue(b, at(1));
      expect(second.nouveauxCodesRestants).toBe(2);
      expect((await row(first.codeId)).remplaceLe).toEqual(at(1));
      if (first.code !== second.code) {
        expect(await verify(b, first.code, at(2))).toEqual({ ok: false, reason: "REMPLACE", message: CODE_MESSAGES.remplace });
        expect((await row(second.codeId)).essais).toBe(0);
      }
      expect(await verify(b, second.code, at(2))).toEqual({ ok: true, codeId: second.codeId });
    });

    it("un nouveau code ne remplace que le code en cours pour la même personne, le même objet, le même canal et la même cible", async () => {
      const cible = nextEmail();
      const a = await issue(email({ cible, objet: "CONFIRMATION_CONTACT" }));
      const other = await issue(email({ cible, objet: "DOUBLE_AUTHENTIFICATION" }));
      const b = await issue(email({ cible: nextEmail(), objet: "CONFIRMATION_CONTACT" }));
      expect((await row(a.codeId)).remplaceLe).toBeNull();
      expect((await row(other.codeId)).remplaceLe).toBeNull();
      expect((await row(b.codeId)).remplaceLe).toBeNull();
    });

    it("un premier code puis 3 nouveaux sont émis ; la 5e demande est refusée avec la marche à suivre", async () => {
      const b = sms();
      const restants: number[] = [];
      for (let i = 0; i < 4; i++) restants.push((await issue(b, at(i))).nouveauxCodesRestants);
      expect(restants).toEqual([3, 2, 1, 0]);
      const refused = await issueVerificationCode(t.db, { ...b, now: at(5) }, keys);
      expect(refused).toEqual({
        ok: false,
        reason: "TROP_DE_NOUVEAUX_CODES",
        message: "Vous avez demandé trop de nouveaux codes pour cette adresse. Réessayez demain, modifiez vos coordonnées, ou contactez votre Caf.",
      });
      expect(await t.db.codeVerification.count({ where: { cibleEmpreinte: lookupHash(normalisedMobile(b.cible), keys) } })).toBe(4);
    });

    it("la demande refusée laisse valable le dernier code envoyé", async () => {
      const b = email();
      let last: Extract<IssueResult, { ok: true }> | undefined;
      for (let i = 0; i < 4; i++) last = await issue(b, at(i));
      expect((await issueVerificationCode(t.db, { ...b, now: at(5) }, keys)).ok).toBe(false);
      expect(await verify(b, last!.code, at(6))).toEqual({ ok: true, codeId: last!.codeId });
    });

    it("la limite compte par coordonnée et par objet, quelle que soit la personne qui demande", async () => {
      const cible = nextMobile();
      for (let i = 0; i < 2; i++) await issue(sms({ cible }), at(i));
      for (let i = 2; i < 4; i++) await issue(sms({ cible, personneId: autrePersonneId }), at(i));
      expect((await issueVerificationCode(t.db, { ...sms({ cible, personneId: null }), now: at(5) }, keys)).ok).toBe(false);
      expect((await issue(sms({ cible, objet: "DOUBLE_AUTHENTIFICATION" }), at(5))).nouveauxCodesRestants).toBe(3);
      expect((await issue(sms(), at(5))).nouveauxCodesRestants).toBe(3);
    });

    it("la limite porte sur les dernières 24 heures", async () => {
      const b = sms();
      for (let i = 0; i < 4; i++) await issue(b, at(i));
      expect((await issueVerificationCode(t.db, { ...b, now: at(24 * 60 - 1) }, keys)).ok).toBe(false);
      // 24 h after the first code, one slot is free again; the others come back as their codes age.
      expect((await issue(b, at(24 * 60, 1))).nouveauxCodesRestants).toBe(0);
      expect((await issueVerificationCode(t.db, { ...b, now: at(24 * 60, 2) }, keys)).ok).toBe(false);
    });

    it("un code utilisé avec succès remet le compte à zéro : la connexion suivante a de nouveau droit à un premier code et 3 nouveaux", async () => {
      const b = email({ objet: "DOUBLE_AUTHENTIFICATION" });
      for (let i = 0; i < 3; i++) await issue(b, at(i));
      const fourth = await issue(b, at(3));
      expect(fourth.nouveauxCodesRestants).toBe(0);
      expect((await verify(b, fourth.code, at(4))).ok).toBe(true);
      const restants: number[] = [];
      for (let i = 0; i < 4; i++) restants.push((await issue(b, at(10 + i))).nouveauxCodesRestants);
      expect(restants).toEqual([3, 2, 1, 0]);
      expect((await issueVerificationCode(t.db, { ...b, now: at(20) }, keys)).ok).toBe(false);
    });
  });

  describe("un code est lié à son objet, son canal, sa cible et sa personne", () => {
    it("saisi pour un autre objet, une autre cible, un autre canal ou une autre personne, il n'est jamais accepté", async () => {
      const b = sms();
      const issued = await issue(b);
      const elsewhere: CodeBinding[] = [
        { ...b, objet: "DOUBLE_AUTHENTIFICATION" },
        { ...b, cible: nextMobile() },
        { ...b, canal: "EMAIL", cible: nextEmail() },
        { ...b, personneId: autrePersonneId },
        { ...b, personneId: null },
      ];
      for (const binding of elsewhere) {
        expect(await verify(binding, issued.code)).toMatchObject({ ok: false, reason: "INTROUVABLE" });
      }
      expect((await verify(b, issued.code)).ok).toBe(true);
    });

    it("le code d'une cible saisi pour une autre cible qui a son propre code est refusé comme incorrect", async () => {
      const x = sms();
      const y = { ...x, cible: nextMobile() };
      const codeX = await issue(x);
      const codeY = await issue(y);
      if (codeX.code !== codeY.code) {
        expect(await verify(y, codeX.code)).toMatchObject({ ok: false, reason: "INCORRECT", essaisRestants: 4 });
      }
      expect((await verify(x, codeX.code)).ok).toBe(true);
    });

    it("la cible est reconnue quelle que soit sa forme de saisie", async () => {
      const cible = nextMobile();
      const issued = await issue(sms({ cible }));
      const compact = "+33" + cible.replaceAll(" ", "").slice(1);
      expect((await verify(sms({ cible: compact }), issued.code)).ok).toBe(true);
    });
  });

  describe("stockage", () => {
    it("seule l'empreinte du code est stockée : la ligne ne contient pas le code", async () => {
      const b = sms();
      const issued = await issue(b);
      const stored = await row(issued.codeId);
      expect(stored.codeHash).toBe(hashCode(issued.codeId, issued.code, keys));
      expect(stored.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.cibleEmpreinte).toBe(lookupHash(normalisedMobile(b.cible), keys));
      const raw = await t.db.$queryRaw<{ ligne: string }[]>`SELECT row_to_json(c)::text AS ligne FROM "CodeVerification" c WHERE id = ${issued.codeId}::uuid`;
      expect(raw[0]!.ligne).not.toContain(issued.code);
      expect(raw[0]!.ligne).not.toContain(normalisedMobile(b.cible));
    });

    it("émis dans la transaction de l'appelant, le code disparaît si la transaction est annulée", async () => {
      const b = email();
      let codeId = "";
      await expect(
        t.db.$transaction(async (tx) => {
          const issued = await issueVerificationCode(tx, { ...b, now: T0 }, keys);
          if (issued.ok) codeId = issued.codeId;
          throw new Error("échec de l'envoi simulé");
        }),
      ).rejects.toThrow("échec de l'envoi simulé");
      expect(codeId).not.toBe("");
      expect(await t.db.codeVerification.findUnique({ where: { id: codeId } })).toBeNull();
    });
  });

  describe("concurrence", () => {
    it("50 saisies simultanées du bon code donnent exactement un succès", async () => {
      const b = sms();
      const issued = await issue(b);
      const results = await Promise.all(Array.from({ length: 50 }, () => verify(b, issued.code)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === "DEJA_UTILISE")).toHaveLength(49);
      expect((await row(issued.codeId)).utiliseLe).toEqual(at(1));
    });

    it("50 saisies simultanées d'un mauvais code comptent exactement 50 essais", async () => {
      const b = sms();
      const issued = await issue(b);
      const results = await Promise.all(Array.from({ length: 50 }, () => verify(b, wrong(issued.code))));
      expect((await row(issued.codeId)).essais).toBe(50);
      expect(results.every((r) => !r.ok)).toBe(true);
      expect(results.filter((r) => !r.ok && r.reason === "INCORRECT")).toHaveLength(4);
      expect(results.filter((r) => !r.ok && r.reason === "TROP_D_ESSAIS")).toHaveLength(46);
      expect(await verify(b, issued.code)).toMatchObject({ ok: false, reason: "TROP_D_ESSAIS" });
    });

    it("bon code et mauvais codes mêlés : au plus un succès", async () => {
      const b = email();
      const issued = await issue(b);
      const inputs = Array.from({ length: 30 }, (_, i) => (i % 10 === 9 ? issued.code : wrong(issued.code)));
      const results = await Promise.all(inputs.map((code) => verify(b, code)));
      const stored = await row(issued.codeId);
      expect(results.filter((r) => r.ok).length).toBe(stored.utiliseLe ? 1 : 0);
      expect(stored.essais).toBeLessThanOrEqual(27);
    });

    it("10 demandes simultanées de nouveaux codes : 4 émis, 6 refusés, un seul code reste en cours", async () => {
      const b = sms();
      const results = await Promise.all(Array.from({ length: 10 }, () => issueVerificationCode(t.db, { ...b, now: T0 }, keys)));
      expect(results.filter((r) => r.ok)).toHaveLength(4);
      expect(results.filter((r) => !r.ok && r.reason === "TROP_DE_NOUVEAUX_CODES")).toHaveLength(6);
      expect(
        results
          .filter((r) => r.ok)
          .map((r) => r.nouveauxCodesRestants)
          .sort(),
      ).toEqual([0, 1, 2, 3]);
      const empreinte = lookupHash(normalisedMobile(b.cible), keys);
      expect(await t.db.codeVerification.count({ where: { cibleEmpreinte: empreinte, remplaceLe: null } })).toBe(1);
    });
  });
});

function normalisedMobile(cible: string): string {
  return "+33" + cible.replaceAll(" ", "").slice(1);
}
