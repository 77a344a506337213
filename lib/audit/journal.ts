// The append-only audit journal: every security event and every action done for someone else.
// Details must never hold a NIR, a password, a code or a full contact detail.
import type { Database } from "../db/open-prisma";

export type AuditEvent = {
  type: string;
  /** A personne id, "operateur:<nom>" or "systeme". */
  acteur: string;
  sujetId?: string | null;
  foyerId?: string | null;
  ip?: string | null;
  details?: Record<string, string | number | boolean | null>;
  survenuLe?: Date;
};

export async function journal(db: Pick<Database, "journalAudit">, event: AuditEvent): Promise<void> {
  await db.journalAudit.create({
    data: {
      type: event.type,
      acteur: event.acteur,
      sujetId: event.sujetId ?? null,
      foyerId: event.foyerId ?? null,
      ip: event.ip ?? null,
      details: event.details ?? undefined,
      ...(event.survenuLe ? { survenuLe: event.survenuLe } : {}),
    },
  });
}
