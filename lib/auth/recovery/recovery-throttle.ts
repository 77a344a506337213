// Limits on the two recovery forms, on the login's shared database counters but with their own keys and limits:
// every accepted request counts (not only failures), because each one either probes whether an identifier exists
// or sends a message. Per identifier + IP, so that a person retrying from their own device is never blocked by
// someone else, and per IP, so that one machine cannot walk through many identifiers.
import "server-only";
import type { FieldKeys } from "../../crypto/field-encryption";
import type { Database } from "../../db/open-prisma";
import { recordFailure, reserveAttempt, throttleKeys, type ThrottleKeys } from "../login-throttle";

export const RECOVERY_LIMITS = {
  identifierAndIp: { maxFailures: 5, windowMinutes: 15, lockoutMinutes: [15, 30, 60] },
  ip: { maxFailures: 20, windowMinutes: 15, lockoutMinutes: [15, 30, 60] },
} as const;

export type RecoveryFlow = "mot-de-passe-oublie" | "identifiant-oublie";

function recoveryKeys(flow: RecoveryFlow, identifier: string, ip: string, keys: FieldKeys): ThrottleKeys {
  // The flow is part of what is hashed: these counters never share a key with the login's.
  const base = throttleKeys(`${flow}|${identifier}`, `${flow}|${ip}`, keys);
  return {
    identifierAndIp: { key: base.identifierAndIp.key, policy: RECOVERY_LIMITS.identifierAndIp },
    ip: { key: base.ip.key, policy: RECOVERY_LIMITS.ip },
  };
}

type Db = Pick<Database, "compteurEchecs" | "$queryRaw" | "$executeRaw">;

/** Counts one request, atomically, unless a counter is locked (or parallel requests pass its limit): then says until when requests are refused. */
export async function takeRecoveryAttempt(
  db: Db,
  keys: FieldKeys,
  { flow, identifier, ip, now }: { flow: RecoveryFlow; identifier: string; ip: string; now: Date },
): Promise<{ allowed: true } | { allowed: false; until: Date }> {
  const counters = recoveryKeys(flow, identifier, ip, keys);
  const reserved = await reserveAttempt(db, [counters.identifierAndIp, counters.ip], now);
  if (!reserved.allowed) return reserved;
  // Every request counts: the one that reaches a limit locks the counter at once.
  await recordFailure(db, reserved.reservation, now);
  return { allowed: true };
}
