// requireCanActFor(): the guard of every page and server action of the account space. It checks the session, then
// asks decideAccess() whether this person may do this on this dossier. A refusal looks exactly like a dossier that
// does not exist ("page introuvable": nothing is revealed), and is journaled.
import "server-only";
import { notFound } from "next/navigation";
import { journal } from "../audit/journal";
import { clientAddress } from "../auth/client-address";
import { requireSession, type Session } from "../auth/session";
import { clockNow } from "../clock";
import { db } from "../db/client";
import { can, type AccessGrant } from "./access-grant";
import type { Capability } from "./capabilities";
import { decideAccess } from "./decide-access";
import { canOnSelf, decideSelfAccess, type SelfCapability, type SelfGrant } from "./self-grant";

/** The person's own data, whatever their foyer. */
export const SOI = "soi" as const;

export async function requireCanActFor(target: typeof SOI, capability: SelfCapability): Promise<{ session: Session; grant: SelfGrant }>;
export async function requireCanActFor(numeroAllocataire: unknown, capability: Capability): Promise<{ session: Session; grant: AccessGrant }>;
export async function requireCanActFor(target: unknown, capability: Capability): Promise<{ session: Session; grant: AccessGrant | SelfGrant }> {
  const session = await requireSession();
  const now = clockNow();
  if (target === SOI) {
    const grant = decideSelfAccess(session.personneId, now);
    if (canOnSelf(grant, capability as SelfCapability)) return { session, grant };
    return refuse(session, capability, null);
  }
  // Only the exact 7 digits of a URL segment or form field (no spaces or other forms here).
  if (typeof target !== "string" || !/^\d{7}$/.test(target)) return refuse(session, capability, null);
  const grant = await decideAccess(await db(), session.personneId, { numeroAllocataire: target }, now);
  if (grant && can(grant, capability)) return { session, grant };
  return refuse(session, capability, grant?.dossier.id ?? null);
}

async function refuse(session: Session, capability: Capability, foyerId: string | null): Promise<never> {
  await journal(await db(), {
    type: "ACCES_REFUSE",
    acteur: session.personneId,
    sujetId: session.personneId,
    foyerId,
    ip: await clientAddress(),
    details: { capacite: capability },
  });
  notFound();
}
