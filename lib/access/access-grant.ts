// An access decision, as handed to pages, server actions and data functions. Only decideAccess() issues them (the
// registry below is private to this module), so a data function can check that the grant it receives is genuine
// and carries the capability it needs: a caller cannot build one by hand or widen one.
import type { AccessBasis, AccessRole, Capability } from "./capabilities";

export type DossierRef = { id: string; numeroAllocataire: string; situation: "COUPLE" | "SEUL"; statut: "ACTIF" | "RADIE"; fictif: boolean };

export type AccessGrant = Readonly<{
  /** The person acting (whose credentials were used). */
  acteurId: string;
  dossier: Readonly<DossierRef>;
  role: AccessRole;
  /** How the rights arise (the journal says "(délégation)"), or null when the person acts in their own right. */
  basis: AccessBasis | null;
  /** What the grant allows, for display; can() checks the module's own copy, so changing this list changes nothing. */
  capabilities: readonly Capability[];
  /** When acting for someone else: that person (the allocataire who delegated, later a protected person). */
  pourLeCompteDe: string | null;
  decidedAt: Date;
}>;

/** Every grant decideAccess() issued, with the capabilities it really carries (private to this module). */
const issued = new WeakMap<object, ReadonlySet<Capability>>();

/** For decideAccess() only. */
export function issueGrant(grant: Omit<AccessGrant, "capabilities"> & { capabilities: Iterable<Capability> }): AccessGrant {
  const capabilities = [...new Set(grant.capabilities)];
  const frozen: AccessGrant = Object.freeze({ ...grant, dossier: Object.freeze({ ...grant.dossier }), capabilities: Object.freeze(capabilities) });
  issued.set(frozen, new Set(capabilities));
  return frozen;
}

export function can(grant: AccessGrant | null | undefined, capability: Capability): boolean {
  return !!grant && issued.get(grant)?.has(capability) === true;
}

/** True when the grant allows anything at all (a stranger's grant allows nothing). */
export function allowsAnything(grant: AccessGrant | null | undefined): boolean {
  return !!grant && (issued.get(grant)?.size ?? 0) > 0;
}

export class AccessDeniedError extends Error {
  constructor(readonly capability: Capability) {
    super(`Accès refusé : ${capability}`);
    this.name = "AccessDeniedError";
  }
}

/** Data functions call this first: a grant not issued by decideAccess(), or without the capability, stops here. */
export function assertCan(grant: AccessGrant, capability: Capability): void {
  if (!can(grant, capability)) throw new AccessDeniedError(capability);
}
