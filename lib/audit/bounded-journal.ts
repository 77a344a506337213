// Journal entries that anyone can cause without being signed in (a forged FranceConnect return, a logout return
// without this browser's state): each request would otherwise add a row, and a script could grow the journal
// without bound. They are counted per client address and overall, in 15-minute windows; past the cap, one entry
// says the cap was reached and the following ones are only counted. The counters live in the same table as the
// login counters (CompteurEchecs), under keys of their own.
import type { FieldKeys } from "../crypto/field-encryption";
import { lookupHash } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { countInWindow } from "../db/window-counter";
import { journal, type AuditEvent } from "./journal";

export const UNAUTHENTICATED_JOURNAL_LIMITS = {
  /** Entries kept per client address and per window (then one "limit reached" entry). */
  perAddress: 20,
  /** Entries kept from all addresses together per window (then one "limit reached" entry). */
  overall: 100,
  windowMinutes: 15,
} as const;

export const JOURNAL_LIMIT_REACHED = "JOURNAL_LIMITE_ATTEINTE";

type Db = Pick<Database, "journalAudit" | "$queryRaw">;

/**
 * Journals an event caused by an unauthenticated request, within the limits above. Returns what was written:
 * the event, the one "limit reached" entry of the window, or nothing.
 */
export async function journalUnauthenticated(
  db: Db,
  keys: FieldKeys,
  event: AuditEvent & { ip: string },
  now: Date = event.survenuLe ?? new Date(),
): Promise<"journalise" | "limite-atteinte" | "compte-seulement"> {
  const { perAddress, overall } = UNAUTHENTICATED_JOURNAL_LIMITS;
  const { windowMinutes } = UNAUTHENTICATED_JOURNAL_LIMITS;
  const byAddress = (await countInWindow(db, `journal-ip:${lookupHash(event.ip, keys)}`, windowMinutes, now)).echecs;
  if (byAddress > perAddress + 1) return "compte-seulement";
  // Only what one address may still write counts overall: a single address cannot use up the others' share,
  // and at most `overall + 1` rows are written per window, whatever the number of addresses.
  const all = (await countInWindow(db, "journal-tous", windowMinutes, now)).echecs;
  if (all > overall + 1) return "compte-seulement";
  if (all <= overall && byAddress <= perAddress) {
    await journal(db, event);
    return "journalise";
  }
  await journal(db, {
    type: JOURNAL_LIMIT_REACHED,
    acteur: "systeme",
    ip: event.ip,
    survenuLe: event.survenuLe,
    details: { evenement: event.type, portee: all === overall + 1 ? "toutes-adresses" : "adresse", fenetreMinutes: UNAUTHENTICATED_JOURNAL_LIMITS.windowMinutes },
  });
  return "limite-atteinte";
}
