// Login throttling and progressive lockout, stored in the database so that every instance of the portal shares
// it. Two locking counters: per identifier + IP address (stops guessing one person's password) and per IP address
// (stops spraying many identifiers); every attempt is reserved on them atomically before any password hashing.
// Because the first counter includes the IP address, an attacker elsewhere cannot lock a person out of their own
// device; guessing one account from many addresses is stopped by the per-account (and per-foyer) counters, which
// do not lock but require a code (see README, "Login limits").
import "server-only";
import type { FieldKeys } from "../crypto/field-encryption";
import { lookupHash } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { countInWindow } from "../db/window-counter";

export const THROTTLE_LIMITS = {
  identifierAndIp: { maxFailures: 5, windowMinutes: 15, lockoutMinutes: [5, 15, 30, 60] },
  ip: { maxFailures: 50, windowMinutes: 15, lockoutMinutes: [15, 30, 60] },
  /**
   * Per account (its identifier), across every address: past this many failures the account is not locked but
   * "reinforced": a code sent to a confirmed contact is required before its password is checked
   * (authenticate-password.ts), for as long as failures keep coming and `reinforcedDays` after the last one.
   */
  account: { maxFailures: 20, windowMinutes: 24 * 60, reinforcedDays: 30 },
  /** Per foyer, across its members and every address, for the dossier password (la bascule). */
  foyer: { maxFailures: 20, windowMinutes: 24 * 60, reinforcedDays: 30 },
  /** A reinforced account with no confirmed contact: after each failure, the next try waits longer. */
  reinforcedDelay: { maxFailures: 1, windowMinutes: 24 * 60, lockoutMinutes: [1, 2, 5, 10, 15, 30, 60] },
  /** A counter's lockout history is forgotten after this long without failures. */
  forgetAfterHours: 24,
} as const;

type Policy = { maxFailures: number; windowMinutes: number; lockoutMinutes: readonly number[] };
export type Counter = { key: string; policy: Policy };

export type ThrottleKeys = { identifierAndIp: Counter; ip: Counter };

type Db = Pick<Database, "compteurEchecs" | "$queryRaw" | "$executeRaw">;

export function throttleKeys(identifier: string, ip: string, keys: FieldKeys): ThrottleKeys {
  return {
    identifierAndIp: { key: `id-ip:${lookupHash(`${identifier}|${ip}`, keys)}`, policy: THROTTLE_LIMITS.identifierAndIp },
    ip: { key: `ip:${lookupHash(ip, keys)}`, policy: THROTTLE_LIMITS.ip },
  };
}

/** An attempt counted in advance on each of its counters, to settle once its outcome is known. */
export type Reservation = { taken: { counter: Counter; echecs: number; verrouillages: number }[] };

export type ReserveOutcome = { allowed: true; reservation: Reservation } | { allowed: false; until: Date };

/**
 * Counts the attempt on every counter BEFORE any password hashing, each with one atomic conditional statement:
 * a locked counter is not touched and refuses; a counter whose count goes past its limit (attempts running in
 * parallel) locks and refuses. So N parallel attempts never let more than the limit reach argon2.
 */
export async function reserveAttempt(db: Db, counters: readonly Counter[], now: Date): Promise<ReserveOutcome> {
  const taken: Reservation["taken"] = [];
  for (const counter of counters) {
    const windowStart = new Date(now.getTime() - counter.policy.windowMinutes * 60_000);
    const forgetBefore = new Date(now.getTime() - THROTTLE_LIMITS.forgetAfterHours * 3_600_000);
    const [row] = await db.$queryRaw<{ echecs: number; verrouillages: number }[]>`
      INSERT INTO "CompteurEchecs" ("cle", "echecs", "fenetreDebutLe", "verrouillages", "modifieLe")
      VALUES (${counter.key}, 1, ${now}, 0, ${now})
      ON CONFLICT ("cle") DO UPDATE SET
        "echecs" = CASE WHEN "CompteurEchecs"."fenetreDebutLe" < ${windowStart} THEN 1 ELSE "CompteurEchecs"."echecs" + 1 END,
        "fenetreDebutLe" = CASE WHEN "CompteurEchecs"."fenetreDebutLe" < ${windowStart} THEN ${now} ELSE "CompteurEchecs"."fenetreDebutLe" END,
        "verrouillages" = CASE WHEN "CompteurEchecs"."modifieLe" < ${forgetBefore} THEN 0 ELSE "CompteurEchecs"."verrouillages" END,
        "modifieLe" = ${now}
      WHERE "CompteurEchecs"."verrouJusquAuLe" IS NULL OR "CompteurEchecs"."verrouJusquAuLe" <= ${now}
      RETURNING "echecs", "verrouillages"`;
    if (row && row.echecs <= counter.policy.maxFailures) {
      taken.push({ counter, echecs: row.echecs, verrouillages: row.verrouillages });
      continue;
    }
    if (row) await lockCounter(db, { counter, echecs: row.echecs, verrouillages: row.verrouillages }, now);
    await releaseAttempt(db, { taken });
    const locked = await db.compteurEchecs.findUnique({ where: { cle: counter.key }, select: { verrouJusquAuLe: true } });
    // The lock may have just ended between the two statements: the attempt is refused all the same.
    return { allowed: false, until: locked?.verrouJusquAuLe && locked.verrouJusquAuLe > now ? locked.verrouJusquAuLe : new Date(now.getTime() + 60_000) };
  }
  return { allowed: true, reservation: { taken } };
}

/** Conditional on the count and on no live lock, so that concurrent failures lock once. */
async function lockCounter(db: Db, { counter, verrouillages }: Reservation["taken"][number], now: Date) {
  const { lockoutMinutes, maxFailures } = counter.policy;
  const until = new Date(now.getTime() + lockoutMinutes[Math.min(verrouillages, lockoutMinutes.length - 1)]! * 60_000);
  await db.$executeRaw`
    UPDATE "CompteurEchecs" SET "verrouJusquAuLe" = ${until}, "verrouillages" = "verrouillages" + 1, "echecs" = 0, "fenetreDebutLe" = ${now}
    WHERE "cle" = ${counter.key} AND "echecs" >= ${maxFailures} AND ("verrouJusquAuLe" IS NULL OR "verrouJusquAuLe" <= ${now})`;
}

/** The reserved attempt failed: a counter that has reached its limit locks, each time for longer. */
export async function recordFailure(db: Db, reservation: Reservation, now: Date): Promise<void> {
  for (const taken of reservation.taken) if (taken.echecs >= taken.counter.policy.maxFailures) await lockCounter(db, taken, now);
}

/** The reserved attempt did not count as a failure after all (it succeeded, or was never checked). */
export async function releaseAttempt(db: Db, reservation: Reservation, keysToClear: readonly string[] = []): Promise<void> {
  for (const { counter } of reservation.taken) {
    if (keysToClear.includes(counter.key)) await db.compteurEchecs.deleteMany({ where: { cle: counter.key } });
    else await db.$executeRaw`UPDATE "CompteurEchecs" SET "echecs" = GREATEST("echecs" - 1, 0) WHERE "cle" = ${counter.key}`;
  }
}

/**
 * A per-account or per-foyer counter: it never refuses, it counts (atomically) and says whether the account is
 * reinforced, i.e. needs a code before its password is checked.
 */
export type ReinforcementCounter = { key: string; policy: { maxFailures: number; windowMinutes: number; reinforcedDays: number } };

export async function countReinforcementAttempt(db: Db, counter: ReinforcementCounter, now: Date): Promise<{ reinforced: boolean }> {
  const { verrouJusquAuLe } = await countInWindow(db, counter.key, counter.policy.windowMinutes, now);
  return { reinforced: Boolean(verrouJusquAuLe && verrouJusquAuLe > now) };
}

/**
 * A failure on a per-account or per-foyer counter. Returns true for the one failure that made the account
 * reinforced (to tell the person once); every later failure pushes the end of the reinforcement back.
 */
export async function recordReinforcementFailure(db: Db, counter: ReinforcementCounter, now: Date): Promise<boolean> {
  const until = new Date(now.getTime() + counter.policy.reinforcedDays * 86_400_000);
  const entered = await db.$executeRaw`
    UPDATE "CompteurEchecs" SET "verrouJusquAuLe" = ${until}, "verrouillages" = "verrouillages" + 1
    WHERE "cle" = ${counter.key} AND "echecs" >= ${counter.policy.maxFailures} AND ("verrouJusquAuLe" IS NULL OR "verrouJusquAuLe" <= ${now})`;
  if (entered === 0) await db.$executeRaw`UPDATE "CompteurEchecs" SET "verrouJusquAuLe" = ${until} WHERE "cle" = ${counter.key} AND "verrouJusquAuLe" > ${now}`;
  return entered === 1;
}

/** The attempt did not count after all (it succeeded, or its password was never checked). */
export async function releaseReinforcementAttempt(db: Db, counters: readonly ReinforcementCounter[]): Promise<void> {
  for (const counter of counters) await db.$executeRaw`UPDATE "CompteurEchecs" SET "echecs" = GREATEST("echecs" - 1, 0) WHERE "cle" = ${counter.key}`;
}

/** A successful login (with the code, when the account is protected) forgets the failures and ends the protection. */
export async function clearReinforcement(db: Db, counters: readonly ReinforcementCounter[]): Promise<void> {
  await db.compteurEchecs.deleteMany({ where: { cle: { in: counters.map((c) => c.key) } } });
}

/** "14 h 32", the way the lockout end is shown to the person (Paris time). */
export function formatLockoutEnd(until: Date): string {
  const parts = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" }).formatToParts(until);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("hour")} h ${get("minute")}`;
}
