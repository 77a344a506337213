// The slot for protection measures (tuteurs, curateurs…): what a validated, current measure over a member of the
// dossier lets its protector do there. Until the tuteurs' space is built, no measure opens anything: a tuteur is a
// stranger to the dossier (fail closed). The tuteurs issue fills this function and its table, nothing else.
import type { Database } from "../db/open-prisma";
import type { Capability } from "./capabilities";

export type ProtectionAccess = { protegeId: string; capabilities: Capability[] };

export async function protectionAccess(
  _db: Pick<Database, "mesureProtection">,
  _protecteurId: string,
  _memberIds: string[],
  _now: Date,
): Promise<ProtectionAccess | null> {
  return null;
}
