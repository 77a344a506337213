// Login throttling and progressive lockout, stored in the database so that every instance of the portal shares
// it. Two counters: per identifier + IP address (stops guessing one person's password) and per IP address
// (stops spraying many identifiers). A refused attempt is refused before any password hashing. Because the
// first counter includes the IP address, an attacker elsewhere cannot lock a person out of their own device.
import "server-only";
import type { FieldKeys } from "../crypto/field-encryption";
import { lookupHash } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";

export const THROTTLE_LIMITS = {
  identifierAndIp: { maxFailures: 5, windowMinutes: 15, lockoutMinutes: [5, 15, 30, 60] },
  ip: { maxFailures: 50, windowMinutes: 15, lockoutMinutes: [15, 30, 60] },
  /** A counter's lockout history is forgotten after this long without failures. */
  forgetAfterHours: 24,
} as const;

type Policy = { maxFailures: number; windowMinutes: number; lockoutMinutes: readonly number[] };
type Counter = { key: string; policy: Policy };

export type ThrottleKeys = { identifierAndIp: Counter; ip: Counter };

type Db = Pick<Database, "compteurEchecs" | "$queryRaw" | "$executeRaw">;

export function throttleKeys(identifier: string, ip: string, keys: FieldKeys): ThrottleKeys {
  return {
    identifierAndIp: { key: `id-ip:${lookupHash(`${identifier}|${ip}`, keys)}`, policy: THROTTLE_LIMITS.identifierAndIp },
    ip: { key: `ip:${lookupHash(ip, keys)}`, policy: THROTTLE_LIMITS.ip },
  };
}

/** Whether an attempt may go ahead now; if not, until when it is refused. */
export async function checkLoginAllowed(db: Db, keys: ThrottleKeys, now: Date): Promise<{ allowed: true } | { allowed: false; until: Date }> {
  const rows = await db.compteurEchecs.findMany({
    where: { cle: { in: [keys.identifierAndIp.key, keys.ip.key] }, verrouJusquAuLe: { gt: now } },
    select: { verrouJusquAuLe: true },
  });
  const until = rows.map((r) => r.verrouJusquAuLe!).sort((a, b) => b.getTime() - a.getTime())[0];
  return until ? { allowed: false, until } : { allowed: true };
}

/** Counts a failed attempt on both counters; a counter that reaches its limit locks, each time for longer. */
export async function recordLoginFailure(db: Db, keys: ThrottleKeys, now: Date): Promise<void> {
  for (const { key, policy } of [keys.identifierAndIp, keys.ip]) {
    const windowStart = new Date(now.getTime() - policy.windowMinutes * 60_000);
    const forgetBefore = new Date(now.getTime() - THROTTLE_LIMITS.forgetAfterHours * 3_600_000);
    // One atomic statement: concurrent failures are all counted, none lost.
    const [row] = await db.$queryRaw<{ echecs: number; verrouillages: number }[]>`
      INSERT INTO "CompteurEchecs" ("cle", "echecs", "fenetreDebutLe", "verrouillages", "modifieLe")
      VALUES (${key}, 1, ${now}, 0, ${now})
      ON CONFLICT ("cle") DO UPDATE SET
        "echecs" = CASE WHEN "CompteurEchecs"."fenetreDebutLe" < ${windowStart} THEN 1 ELSE "CompteurEchecs"."echecs" + 1 END,
        "fenetreDebutLe" = CASE WHEN "CompteurEchecs"."fenetreDebutLe" < ${windowStart} THEN ${now} ELSE "CompteurEchecs"."fenetreDebutLe" END,
        "verrouillages" = CASE WHEN "CompteurEchecs"."modifieLe" < ${forgetBefore} THEN 0 ELSE "CompteurEchecs"."verrouillages" END,
        "modifieLe" = ${now}
      RETURNING "echecs", "verrouillages"`;
    if (row && row.echecs >= policy.maxFailures) {
      const minutes = policy.lockoutMinutes[Math.min(row.verrouillages, policy.lockoutMinutes.length - 1)]!;
      const until = new Date(now.getTime() + minutes * 60_000);
      // Conditional on the count, so that concurrent failures lock once.
      await db.$executeRaw`
        UPDATE "CompteurEchecs" SET "verrouJusquAuLe" = ${until}, "verrouillages" = "verrouillages" + 1, "echecs" = 0, "fenetreDebutLe" = ${now}
        WHERE "cle" = ${key} AND "echecs" >= ${policy.maxFailures}`;
    }
  }
}

/** A successful login clears the identifier + IP counter (not the IP one: a sprayer's success proves nothing). */
export async function recordLoginSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.compteurEchecs.deleteMany({ where: { cle: keys.identifierAndIp.key } });
}

/** "14 h 32", the way the lockout end is shown to the person (Paris time). */
export function formatLockoutEnd(until: Date): string {
  const parts = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" }).formatToParts(until);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("hour")} h ${get("minute")}`;
}
