// Access to a person's own data (identity, contact details, connections): every person with an account has it on
// themselves, whatever their foyer. Issued only here, checked like a dossier grant. (A tuteur acting for a protected
// person will receive the protected person as subject: the tuteurs issue fills that slot.)
import type { Capability } from "./capabilities";

export const SELF_CAPABILITIES = ["VOIR_SES_DONNEES", "MODIFIER_SES_COORDONNEES"] as const satisfies readonly Capability[];
export type SelfCapability = (typeof SELF_CAPABILITIES)[number];

export type SelfGrant = Readonly<{ acteurId: string; sujetId: string; capabilities: readonly SelfCapability[]; decidedAt: Date }>;

const issued = new WeakMap<object, ReadonlySet<SelfCapability>>();

export function decideSelfAccess(personneId: string, now: Date = new Date()): SelfGrant {
  const grant: SelfGrant = Object.freeze({ acteurId: personneId, sujetId: personneId, capabilities: Object.freeze([...SELF_CAPABILITIES]), decidedAt: now });
  issued.set(grant, new Set(SELF_CAPABILITIES));
  return grant;
}

export function canOnSelf(grant: SelfGrant | null | undefined, capability: SelfCapability): boolean {
  return !!grant && issued.get(grant)?.has(capability) === true;
}

export function assertCanOnSelf(grant: SelfGrant, capability: SelfCapability): void {
  if (!canOnSelf(grant, capability)) throw new Error(`Accès refusé : ${capability}`);
}
