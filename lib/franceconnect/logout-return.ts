// The return from FranceConnect's logout (the registered post_logout_redirect_uri): the state must be the one this
// browser was given. Either way the portal session is already closed; an unconfirmed return is journaled within the
// limits of lib/audit/bounded-journal.ts, since anyone can send one.
import { z } from "zod";
import { journalUnauthenticated } from "../audit/bounded-journal";
import type { FieldKeys } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import type { LogoutState } from "./franceconnect-cookies";

const querySchema = z.object({ state: z.string().min(1).max(512) });

/** Where to send the browser back. */
export async function completeFranceConnectLogoutReturn(
  db: Pick<Database, "journalAudit" | "$queryRaw">,
  keys: FieldKeys,
  input: { expected: LogoutState | null; state: unknown; ip: string; now?: Date },
): Promise<string> {
  const query = querySchema.safeParse({ state: input.state ?? undefined });
  if (input.expected && query.success && query.data.state === input.expected.state) return "/connexion?raison=deconnexion";
  await journalUnauthenticated(db, keys, { type: "DECONNEXION_FRANCECONNECT_NON_CONFIRMEE", acteur: "systeme", ip: input.ip, survenuLe: input.now });
  return "/connexion?raison=deconnexion-franceconnect";
}
