// "Historique des actions" (docs/regles/historique-des-actions.md): the foyer's démarches for whoever may see the
// dossier's journal, and the actions on a person's own data for that person. Each function checks the grant it is
// given, and returns only what the reader may see: a sentence, a date, and the client address of the reader's own
// actions only (another person's address is their personal data).
import "server-only";
import { assertCan, type AccessGrant } from "../access/access-grant";
import { assertCanOnSelf, type SelfGrant } from "../access/self-grant";
import type { Database } from "../db/open-prisma";
import { MAX_ACTION_PAGE } from "./action-page-param";
import { actionLabel, actionSentence, displayName, typesOf, type ActionCategory } from "./action-labels";

export const ACTIONS_PER_PAGE = 50;

export type ActionEntry = {
  id: string;
  survenuLe: Date;
  phrase: string;
  categorie: Exclude<ActionCategory, "interne">;
  /** The client address, for the reader's own actions only. */
  adresse: string | null;
};

export type ActionPage = { entries: ActionEntry[]; page: number; hasNext: boolean };

type Db = Pick<Database, "journalAudit" | "personne" | "foyer">;

const DOSSIER_TYPES = typesOf("demarche");
const OWN_TYPES = typesOf("demarche", "donnees", "securite");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = { id: bigint; survenuLe: Date; type: string; acteur: string | null; sujetId: string | null; foyerId: string | null; ip: string | null; details: unknown };
const SELECT = { id: true, survenuLe: true, type: true, acteur: true, sujetId: true, foyerId: true, ip: true, details: true } as const;

function pageOf(page: number): number {
  return Number.isInteger(page) && page >= 1 && page <= MAX_ACTION_PAGE ? page : 1;
}

async function toPage(db: Db, rows: Row[], page: number, viewerId: string, numeroOf: (row: Row) => string | null): Promise<ActionPage> {
  const shown = rows.slice(0, ACTIONS_PER_PAGE);
  const ids = [...new Set(shown.flatMap((r) => [r.acteur, r.sujetId]).filter((id): id is string => !!id && UUID.test(id)))];
  const people = ids.length ? await db.personne.findMany({ where: { id: { in: ids } }, select: { id: true, prenoms: true, nomNaissance: true, nomUsage: true } }) : [];
  const names = new Map(people.map((p) => [p.id, displayName(p)]));
  const entries: ActionEntry[] = [];
  for (const row of shown) {
    const phrase = actionSentence(row, { viewerId, names, numeroAllocataire: numeroOf(row) });
    const label = actionLabel(row.type);
    if (!phrase || !label || label.categorie === "interne") continue;
    entries.push({ id: row.id.toString(), survenuLe: row.survenuLe, phrase, categorie: label.categorie, adresse: row.acteur === viewerId ? row.ip : null });
  }
  return { entries, page, hasNext: rows.length > ACTIONS_PER_PAGE };
}

/** The démarches on the grant's dossier, newest first (index journalAudit(foyerId, survenuLe)). */
export async function foyerActions(db: Db, grant: AccessGrant, page = 1): Promise<ActionPage> {
  assertCan(grant, "VOIR_JOURNAL_DOSSIER");
  const p = pageOf(page);
  const rows = await db.journalAudit.findMany({
    where: { foyerId: grant.dossier.id, type: { in: DOSSIER_TYPES } },
    orderBy: [{ survenuLe: "desc" }, { id: "desc" }],
    skip: (p - 1) * ACTIONS_PER_PAGE,
    take: ACTIONS_PER_PAGE + 1,
    select: SELECT,
  });
  return toPage(db, rows, p, grant.acteurId, () => grant.dossier.numeroAllocataire);
}

/** The actions concerning the grant's subject (their own data, and démarches done about them), newest first (index journalAudit(sujetId, survenuLe)). */
export async function ownDataActions(db: Db, grant: SelfGrant, page = 1): Promise<ActionPage> {
  assertCanOnSelf(grant, "VOIR_SES_DONNEES");
  const p = pageOf(page);
  const rows = await db.journalAudit.findMany({
    where: { sujetId: grant.sujetId, type: { in: OWN_TYPES } },
    orderBy: [{ survenuLe: "desc" }, { id: "desc" }],
    skip: (p - 1) * ACTIONS_PER_PAGE,
    take: ACTIONS_PER_PAGE + 1,
    select: SELECT,
  });
  const foyerIds = [...new Set(rows.map((r) => r.foyerId).filter((id): id is string => !!id))];
  const foyers = foyerIds.length ? await db.foyer.findMany({ where: { id: { in: foyerIds } }, select: { id: true, numeroAllocataire: true } }) : [];
  const numeros = new Map(foyers.map((f) => [f.id, f.numeroAllocataire]));
  return toPage(db, rows, p, grant.acteurId, (row) => (row.foyerId ? (numeros.get(row.foyerId) ?? null) : null));
}
