// The one engine every 6-digit code of the portal goes through: contact confirmation, login double
// authentification, password and identifier recovery, contact changes (QUALITY-BARS §4–5, SPEC §3).
//
// - A code is 6 digits from a CSPRNG; only HMAC-SHA-256(lookupKey, "<codeId>:<code>") is stored.
// - It is bound to (personneId or null, objet, canal, keyed hash of the normalised target): it never
//   validates another purpose, channel, target or person.
// - Valid 10 minutes by SMS, 15 by e-mail; 5 wrong tries kill it; a new code replaces the previous one.
// - At most 3 new codes after the first one per contact detail and purpose over 24 hours (counted since the
//   last code successfully used, so that a person who logs in every day is never locked out by the limit).
// - Success and wrong tries are single conditional UPDATEs: no read-then-write race decides anything, so
//   50 parallel submissions of the right code give exactly one success and 50 wrong ones count 50 tries.
// - Issuing takes a transaction-scoped advisory lock on (target, purpose): parallel requests for new codes
//   cannot slip past the limit, nor leave two live codes.
import { createHmac, randomInt as cryptoRandomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { clockNow } from "../clock";
import { lookupHash, type FieldKeys } from "../crypto/field-encryption";
import type { Prisma } from "../db/generated/client";
import { parseEmail } from "../identity/email";
import { parseMobile } from "../identity/mobile";
import {
  CODE_MESSAGES,
  EMAIL_CODE_VALIDITY_MS,
  MAX_CODE_TRIES,
  MAX_NEW_CODES,
  NEW_CODES_WINDOW_MS,
  SMS_CODE_VALIDITY_MS,
  type CanalCode,
  type VerifyFailureReason,
} from "./code-messages";
import { CODE_LENGTH, parseVerificationCode } from "./code-schema";

export {
  CODE_MESSAGES,
  EMAIL_CODE_VALIDITY_MINUTES,
  EMAIL_CODE_VALIDITY_MS,
  MAX_CODE_TRIES,
  MAX_NEW_CODES,
  NEW_CODES_WINDOW_MS,
  SMS_CODE_VALIDITY_MINUTES,
  SMS_CODE_VALIDITY_MS,
  codeSentMessage,
  codeValidityMinutes,
  remainingValidity,
  type CanalCode,
  type RemainingValidity,
  type VerifyFailureReason,
} from "./code-messages";
export { codeInputSchema, parseVerificationCode } from "./code-schema";

/** A Prisma client or an interactive transaction client: the caller may write the code and its outbox message together. */
export type VerificationDb = Prisma.TransactionClient;

export type CodeBinding = {
  /** The person the code is for, or null when nobody is identified yet (e.g. identifier recovery). */
  personneId?: string | null;
  /** The flow the code is for, e.g. "CONFIRMATION_CONTACT", "DOUBLE_AUTHENTIFICATION" (1 to 40 characters). */
  objet: string;
  canal: CanalCode;
  /** The e-mail address or mobile number the code is sent to, in any form the identity parsers accept. */
  cible: string;
};

export type IssueInput = CodeBinding & { now?: Date };
export type IssueResult =
  | { ok: true; code: string; codeId: string; expireLe: Date; nouveauxCodesRestants: number }
  | { ok: false; reason: "TROP_DE_NOUVEAUX_CODES"; message: string };

export type VerifyInput = CodeBinding & { code: string; now?: Date };
export type VerifyResult =
  | { ok: true; codeId: string }
  | { ok: false; reason: VerifyFailureReason; essaisRestants?: number; message: string };

export function codeValidityMs(canal: CanalCode): number {
  return canal === "SMS" ? SMS_CODE_VALIDITY_MS : EMAIL_CODE_VALIDITY_MS;
}

type RandomInt = (min: number, max: number) => number;

/** 6 digits, uniformly drawn from 000000–999999 by the CSPRNG, zero-padded. */
export function generateCode(randomInt: RandomInt = (min, max) => cryptoRandomInt(min, max)): string {
  return String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, "0");
}

/** What is stored instead of the code: HMAC-SHA-256(lookupKey, "<codeId>:<code>"), hex. */
export function hashCode(codeId: string, code: string, keys: FieldKeys): string {
  return createHmac("sha256", keys.lookupKey).update(`${codeId}:${code}`, "utf8").digest("hex");
}

/** Compares two hex digests in constant time. */
function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** The normalised target: E.164 for a mobile, the address with a lower-case domain for an e-mail. */
export function normaliseCodeTarget(canal: CanalCode, cible: string): string {
  const parsed = canal === "SMS" ? parseMobile(cible) : parseEmail(cible);
  // Never echo the target itself: error messages end up in logs.
  if (!parsed.ok) throw new Error(`La cible d'un code ${canal} n'est pas ${canal === "SMS" ? "un numéro de mobile" : "une adresse électronique"} valide.`);
  return parsed.value;
}

/** Same keyed hash as Coordonnee.empreinte for the same contact detail. */
export function codeTargetFingerprint(canal: CanalCode, cible: string, keys: FieldKeys): string {
  return lookupHash(normaliseCodeTarget(canal, cible), keys);
}

type ResolvedBinding = { personneId: string | null; objet: string; canal: CanalCode; cibleEmpreinte: string };

function resolveBinding(input: CodeBinding, keys: FieldKeys): ResolvedBinding {
  if (input.objet.length === 0 || input.objet.length > 40) throw new Error("L'objet d'un code de vérification fait de 1 à 40 caractères.");
  if (input.canal !== "SMS" && input.canal !== "EMAIL") throw new Error("Le canal d'un code de vérification est EMAIL ou SMS.");
  return {
    personneId: input.personneId ?? null,
    objet: input.objet,
    canal: input.canal,
    cibleEmpreinte: codeTargetFingerprint(input.canal, input.cible, keys),
  };
}

/**
 * Issues a new code for the binding, replacing any code still pending for it, unless the contact detail has
 * already had its first code and 3 new ones. Returns the code in clear for the message to send: it is not
 * stored and must not be logged.
 *
 * Given a Prisma client, it runs in its own transaction; given a transaction client, in the caller's (so the
 * code and its outbox message are committed together).
 */
export async function issueVerificationCode(tx: VerificationDb, input: IssueInput, keys: FieldKeys): Promise<IssueResult> {
  const now = input.now ?? clockNow();
  const binding = resolveBinding(input, keys);
  const client = tx as VerificationDb & { $transaction?: unknown };
  if (typeof client.$transaction === "function") {
    const transaction = client.$transaction as (fn: (inner: VerificationDb) => Promise<IssueResult>) => Promise<IssueResult>;
    return transaction.call(client, (inner) => issueInTransaction(inner, binding, now, keys));
  }
  return issueInTransaction(tx, binding, now, keys);
}

async function issueInTransaction(db: VerificationDb, binding: ResolvedBinding, now: Date, keys: FieldKeys): Promise<IssueResult> {
  const { personneId, objet, canal, cibleEmpreinte } = binding;
  // Serialises the issues for this contact detail and purpose until the transaction ends.
  const lockKey = `code-verification:${cibleEmpreinte}:${objet}`;
  await db.$queryRaw`SELECT 1 AS verrou FROM pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;

  const issuedInWindow = await db.codeVerification.count({
    where: { cibleEmpreinte, objet, emisLe: { gt: await newCodesWindowStart(db, binding, now) } },
  });
  if (issuedInWindow >= 1 + MAX_NEW_CODES) {
    return { ok: false, reason: "TROP_DE_NOUVEAUX_CODES", message: CODE_MESSAGES.tropDeNouveauxCodes };
  }

  await db.codeVerification.updateMany({
    where: { personneId, objet, canal, cibleEmpreinte, utiliseLe: null, remplaceLe: null },
    data: { remplaceLe: now },
  });
  const codeId = randomUUID();
  const code = generateCode();
  const expireLe = new Date(now.getTime() + codeValidityMs(canal));
  await db.codeVerification.create({
    data: { id: codeId, personneId, objet, canal, cibleEmpreinte, codeHash: hashCode(codeId, code, keys), emisLe: now, expireLe },
    select: { id: true },
  });
  return { ok: true, code, codeId, expireLe, nouveauxCodesRestants: MAX_NEW_CODES - issuedInWindow };
}

/** The last 24 hours, or less: a code successfully used starts the count again. */
async function newCodesWindowStart(db: VerificationDb, binding: ResolvedBinding, now: Date): Promise<Date> {
  const windowStart = new Date(now.getTime() - NEW_CODES_WINDOW_MS);
  const lastUsed = await db.codeVerification.findFirst({
    where: { cibleEmpreinte: binding.cibleEmpreinte, objet: binding.objet, utiliseLe: { not: null, gt: windowStart } },
    orderBy: { utiliseLe: "desc" },
    select: { utiliseLe: true },
  });
  return lastUsed?.utiliseLe ?? windowStart;
}

export type CodeStatus = { expireLe: Date; nouveauxCodesRestants: number };

/**
 * The latest code of a binding, for the code screen: until when it is valid, and how many new codes may still be
 * asked for this contact detail and purpose. Null when no code was ever issued for it.
 */
export async function latestCodeStatus(db: VerificationDb, input: CodeBinding & { now?: Date }, keys: FieldKeys): Promise<CodeStatus | null> {
  const now = input.now ?? clockNow();
  const binding = resolveBinding(input, keys);
  const latest = await db.codeVerification.findFirst({
    where: { personneId: binding.personneId, objet: binding.objet, canal: binding.canal, cibleEmpreinte: binding.cibleEmpreinte },
    orderBy: { emisLe: "desc" },
    select: { expireLe: true },
  });
  if (!latest) return null;
  const issuedInWindow = await db.codeVerification.count({
    where: { cibleEmpreinte: binding.cibleEmpreinte, objet: binding.objet, emisLe: { gt: await newCodesWindowStart(db, binding, now) } },
  });
  return { expireLe: latest.expireLe, nouveauxCodesRestants: Math.max(0, 1 + MAX_NEW_CODES - issuedInWindow) };
}

type CodeRow = { id: string; codeHash: string; expireLe: Date; essais: number; utiliseLe: Date | null; remplaceLe: Date | null };
const CODE_ROW = { id: true, codeHash: true, expireLe: true, essais: true, utiliseLe: true, remplaceLe: true } as const;

function failure(reason: Exclude<VerifyFailureReason, "MAL_FORME">, canal: CanalCode, essaisRestants?: number): VerifyResult {
  const message = {
    INCORRECT: CODE_MESSAGES.incorrect(essaisRestants ?? 0),
    EXPIRE: CODE_MESSAGES.expire(canal),
    DEJA_UTILISE: CODE_MESSAGES.dejaUtilise,
    REMPLACE: CODE_MESSAGES.remplace,
    TROP_D_ESSAIS: CODE_MESSAGES.tropDEssais,
    INTROUVABLE: CODE_MESSAGES.introuvable,
  }[reason];
  return essaisRestants === undefined ? { ok: false, reason, message } : { ok: false, reason, essaisRestants, message };
}

/** Why a code can no longer succeed, whatever is typed, or null while it is live. */
function deadReason(row: CodeRow, now: Date): "DEJA_UTILISE" | "REMPLACE" | "TROP_D_ESSAIS" | "EXPIRE" | null {
  if (row.utiliseLe) return "DEJA_UTILISE";
  if (row.remplaceLe) return "REMPLACE";
  if (row.essais >= MAX_CODE_TRIES) return "TROP_D_ESSAIS";
  if (row.expireLe.getTime() <= now.getTime()) return "EXPIRE";
  return null;
}

/**
 * Checks a typed code against the latest code issued for the binding.
 * A malformed code costs no try; a code from an older, replaced or used, code of the same binding is
 * recognised as such and costs no try either; any other wrong code costs one try, counted atomically.
 */
export async function verifyCode(db: VerificationDb, input: VerifyInput, keys: FieldKeys): Promise<VerifyResult> {
  const now = input.now ?? clockNow();
  const parsed = parseVerificationCode(input.code);
  if (!parsed.ok) return { ok: false, reason: "MAL_FORME", message: parsed.error };
  const binding = resolveBinding(input, keys);
  const { canal } = binding;
  const bindingWhere = { personneId: binding.personneId, objet: binding.objet, canal, cibleEmpreinte: binding.cibleEmpreinte };

  const latest = await db.codeVerification.findFirst({
    where: bindingWhere,
    orderBy: [{ emisLe: "desc" }, { remplaceLe: { sort: "desc", nulls: "first" } }],
    select: CODE_ROW,
  });
  if (!latest) return failure("INTROUVABLE", canal);
  const matches = sameDigest(hashCode(latest.id, parsed.value, keys), latest.codeHash);

  if (matches) {
    const dead = deadReason(latest, now);
    if (dead) return failure(dead, canal, dead === "TROP_D_ESSAIS" ? 0 : undefined);
    const { count } = await db.codeVerification.updateMany({
      where: {
        id: latest.id,
        codeHash: latest.codeHash,
        utiliseLe: null,
        remplaceLe: null,
        expireLe: { gt: now },
        essais: { lt: MAX_CODE_TRIES },
      },
      data: { utiliseLe: now },
    });
    if (count === 1) return { ok: true, codeId: latest.id };
    return explainLostRace(db, latest.id, now, canal);
  }

  // A wrong code on a code that is over anyway: say why, no try to count.
  if (latest.utiliseLe || latest.remplaceLe || latest.expireLe.getTime() <= now.getTime()) {
    return failure(deadReason(latest, now)!, canal);
  }
  const older = await matchingOlderCode(db, bindingWhere, latest.id, parsed.value, now, keys);
  if (older) return failure(older, canal);

  // Every wrong try is counted, even past the limit (the code stays dead): the count is exact under concurrency.
  const [counted] = await db.codeVerification.updateManyAndReturn({
    where: { id: latest.id, utiliseLe: null, remplaceLe: null },
    data: { essais: { increment: 1 } },
    select: { essais: true },
  });
  if (!counted) return explainLostRace(db, latest.id, now, canal);
  if (counted.essais === MAX_CODE_TRIES) {
    return { ok: false, reason: "TROP_D_ESSAIS", essaisRestants: 0, message: CODE_MESSAGES.incorrectDernierEssai };
  }
  if (counted.essais > MAX_CODE_TRIES) return failure("TROP_D_ESSAIS", canal, 0);
  return failure("INCORRECT", canal, MAX_CODE_TRIES - counted.essais);
}

/** A typed code equal to an earlier code of the same binding (e.g. from an older SMS): replaced or used. */
async function matchingOlderCode(
  db: VerificationDb,
  bindingWhere: Prisma.CodeVerificationWhereInput,
  latestId: string,
  code: string,
  now: Date,
  keys: FieldKeys,
): Promise<"REMPLACE" | "DEJA_UTILISE" | null> {
  const older = await db.codeVerification.findMany({
    where: { ...bindingWhere, id: { not: latestId }, emisLe: { gt: new Date(now.getTime() - NEW_CODES_WINDOW_MS) } },
    orderBy: { emisLe: "desc" },
    take: 10,
    select: CODE_ROW,
  });
  const match = older.find((row) => sameDigest(hashCode(row.id, code, keys), row.codeHash));
  if (!match) return null;
  return match.utiliseLe ? "DEJA_UTILISE" : "REMPLACE";
}

/** The conditional update matched nothing: another request changed the code in between. Say what happened. */
async function explainLostRace(db: VerificationDb, codeId: string, now: Date, canal: CanalCode): Promise<VerifyResult> {
  const row = await db.codeVerification.findUnique({ where: { id: codeId }, select: CODE_ROW });
  const reason = row ? deadReason(row, now) : null;
  return failure(reason ?? "INTROUVABLE", canal, reason === "TROP_D_ESSAIS" ? 0 : undefined);
}
