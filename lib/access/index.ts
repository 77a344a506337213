// lib/access: the only place that says who may do what on which dossier (docs/regles/acces.md).
export { CAPABILITIES, CAPABILITY_LABELS, ACCESS_ROLES, ACCESS_ROLE_LABELS, ACCESS_ROLE_SENTENCES, ACCESS_TABLE, ACCESS_BASIS_LABELS, capabilitiesOf, type Capability, type AccessRole, type AccessBasis } from "./capabilities";
export { can, allowsAnything, assertCan, AccessDeniedError, type AccessGrant, type DossierRef } from "./access-grant";
export { decideAccess, accessibleDossiers, type DossierSelector } from "./decide-access";
export { decideSelfAccess, canOnSelf, assertCanOnSelf, SELF_CAPABILITIES, type SelfGrant, type SelfCapability } from "./self-grant";
export { journalDemarche, journalOwnDataAction, type DemarcheEvent } from "./journal-demarche";
