// The action journal of the account space: every démarche records who acted (the person whose credentials were
// used), on which dossier, on whose behalf and how (délégation, later a protection measure), when and from where.
// The journal table is append-only in the database (a trigger refuses UPDATE and DELETE).
import { journal } from "../audit/journal";
import type { Database } from "../db/open-prisma";
import type { AccessGrant } from "./access-grant";
import type { SelfGrant } from "./self-grant";

type Details = Record<string, string | number | boolean | null>;

export type DemarcheEvent = { type: string; ip: string; survenuLe?: Date; sujetId?: string | null; details?: Details };

/** Journals a démarche done on a dossier under this grant (inside the démarche's own transaction). */
export async function journalDemarche(db: Pick<Database, "journalAudit">, grant: AccessGrant, event: DemarcheEvent): Promise<void> {
  await journal(db, {
    type: event.type,
    acteur: grant.acteurId,
    sujetId: event.sujetId ?? grant.pourLeCompteDe ?? grant.acteurId,
    foyerId: grant.dossier.id,
    ip: event.ip,
    survenuLe: event.survenuLe,
    details: { ...event.details, titre: grant.basis ?? "titulaire", numeroAllocataire: grant.dossier.numeroAllocataire },
  });
}

/** Journals an action a person did on their own data. */
export async function journalOwnDataAction(db: Pick<Database, "journalAudit">, grant: SelfGrant, event: DemarcheEvent): Promise<void> {
  await journal(db, {
    type: event.type,
    acteur: grant.acteurId,
    sujetId: grant.sujetId,
    ip: event.ip,
    survenuLe: event.survenuLe,
    details: { ...event.details, titre: grant.acteurId === grant.sujetId ? "titulaire" : "mesure-de-protection" },
  });
}
