// The one way a 6-digit code leaves the portal, whatever it is for (login double authentification, password
// recovery, contact confirmation): caps checked, code issued by the engine, message queued in the outbox — all in one
// transaction — then delivered at once or after the answer. One result shape for every flow.
//
// Caps, on top of the engine's own limit per contact detail and purpose (QUALITY-BARS §4):
// - per person: at most CODE_SENDING_LIMITS.perPerson.max codes in 24 hours, all purposes and targets together, so
//   that nobody can use their space to send codes to a stream of other people's numbers;
// - per client address: at most CODE_SENDING_LIMITS.perAddress.max codes per hour, whoever they are for.
// Each cap is one atomic conditional INSERT … ON CONFLICT … WHERE … RETURNING on the shared counters table; a refused
// send rolls the whole transaction back, so a refusal uses up nothing.
import { clockNow } from "../clock";
import { lookupHash, type FieldKeys } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { maskEmail } from "../identity/email";
import { maskMobile } from "../identity/mobile";
import { deliverMessageNow } from "../messaging/deliver-outbox";
import { enqueueMessage, outboxMessage } from "../messaging/enqueue-message";
import { verificationCode, type UsageCode } from "../messaging/templates";
import type { Transports } from "../messaging/transports";
import { codeValidityMinutes, type CanalCode } from "./code-messages";
import { issueVerificationCode, normaliseCodeTarget, type VerificationDb } from "./verification-engine";

/** What a code is for. Add a purpose here (with its engine objet and message wording) to plug a new flow in. */
export const CODE_PURPOSES = {
  CONFIRMATION_CONTACT: { objet: "CONFIRMATION_CONTACT", usage: "confirmation des coordonnées" },
  DOUBLE_AUTHENTIFICATION: { objet: "double-authentification", usage: "double authentification" },
  MOT_DE_PASSE_OUBLIE: { objet: "MOT_DE_PASSE_OUBLIE", usage: "mot de passe oublié" },
  /** The code a protected account needs before its password is checked (lib/auth/protected-login-code.ts). */
  CONNEXION_PROTEGEE: { objet: "connexion-protegee", usage: "connexion protégée" },
  /** The code that confirms a change of a dossier's bank details (lib/coordonnees-bancaires/bank-details-service.ts). */
  MODIFICATION_COORDONNEES_BANCAIRES: { objet: "modification-coordonnees-bancaires", usage: "coordonnées bancaires" },
  /** The codes that confirm the contact details of "Créer mon espace", before anybody exists (lib/creer-mon-espace/). */
  CREATION_ESPACE: { objet: "creation-espace", usage: "création de votre espace" },
} as const satisfies Record<string, { objet: string; usage: UsageCode }>;

export type CodePurpose = keyof typeof CODE_PURPOSES;

export const CODE_SENDING_LIMITS = {
  perPerson: { max: 20, windowMs: 24 * 60 * 60_000 },
  perAddress: { max: 50, windowMs: 60 * 60_000 },
} as const;

export const CODE_SENDING_MESSAGES = {
  limitePersonne:
    "Vous avez demandé trop de codes de vérification aujourd'hui. Par sécurité, aucun autre code ne peut être envoyé avant demain ; en cas de besoin, contactez votre Caf.",
  limiteAdresse:
    "Trop de codes de vérification ont été demandés depuis cette connexion internet. Par sécurité, réessayez dans une heure.",
} as const;

export type SendCodeInput = {
  purpose: CodePurpose;
  /** The person the code is for; null when nobody is identified (the code is then bound to no one). */
  personneId: string | null;
  canal: CanalCode;
  /** The contact detail the code is bound to. */
  cible: string;
  /**
   * Where the message goes: by default `cible`; another form of the same contact detail (as it was confirmed);
   * or null to issue the code without sending anything (a flow that must do the same work whether or not it matched).
   */
  envoyerA?: string | null;
  /** "immediate" tries the provider before answering; "apres-reponse" leaves it to the caller (messageId). */
  livraison?: "immediate" | "apres-reponse";
  /** The client's address, for the per-address cap. */
  ip: string;
  /** Defaults to the portal's codes clock (the demo can stop it). */
  now?: Date;
};

export type SendCodeResult =
  | {
      ok: true;
      codeId: string;
      /** The recipient, masked ("06 ** ** ** 03", "s***d@example.org"); empty when nothing was sent. */
      destination: string;
      expireLe: Date;
      nouveauxCodesRestants: number;
      /** ENVOYE, EN_ATTENTE (the outbox retries), ECHEC_DEFINITIF (refused), A_ENVOYER (caller delivers), AUCUN (not sent). */
      statut: "ENVOYE" | "EN_ATTENTE" | "ECHEC_DEFINITIF" | "A_ENVOYER" | "AUCUN";
      /** Why it has not gone yet, in words for the person. */
      raison?: string;
      messageId: string | null;
    }
  | { ok: false; reason: "TROP_DE_NOUVEAUX_CODES" | "LIMITE_PERSONNE" | "LIMITE_ADRESSE"; message: string };

class CapReached extends Error {
  constructor(readonly reason: "LIMITE_PERSONNE" | "LIMITE_ADRESSE") {
    super(reason);
  }
}

type CapDb = Pick<VerificationDb, "$queryRaw">;

/** Counts one code on a counter unless it is at its limit within its window: one atomic statement. */
async function takeFromCap(db: CapDb, key: string, limit: { max: number; windowMs: number }, now: Date): Promise<boolean> {
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const rows = await db.$queryRaw<{ echecs: number }[]>`
    INSERT INTO "CompteurEchecs" ("cle", "echecs", "fenetreDebutLe", "verrouillages", "modifieLe")
    VALUES (${key}, 1, ${now}, 0, ${now})
    ON CONFLICT ("cle") DO UPDATE SET
      "echecs" = CASE WHEN "CompteurEchecs"."fenetreDebutLe" <= ${windowStart} THEN 1 ELSE "CompteurEchecs"."echecs" + 1 END,
      "fenetreDebutLe" = CASE WHEN "CompteurEchecs"."fenetreDebutLe" <= ${windowStart} THEN ${now} ELSE "CompteurEchecs"."fenetreDebutLe" END,
      "modifieLe" = ${now}
    WHERE "CompteurEchecs"."fenetreDebutLe" <= ${windowStart} OR "CompteurEchecs"."echecs" < ${limit.max}
    RETURNING "echecs"`;
  return rows.length === 1;
}

/** The counters' keys: the person's id is not secret; the address goes through the keyed hash. */
export function codeCapKeys(personneId: string | null, ip: string, keys: FieldKeys): { person: string | null; address: string } {
  return { person: personneId ? `codes-personne:${personneId}` : null, address: `codes-adresse:${lookupHash(ip, keys)}` };
}

const masked = (canal: CanalCode, value: string) => (canal === "SMS" ? maskMobile(value) : maskEmail(value));

/** `transports` may be null when the caller delivers after answering (`livraison: "apres-reponse"`). */
export async function sendVerificationCode(db: Database, keys: FieldKeys, transports: Transports | null, input: SendCodeInput): Promise<SendCodeResult> {
  const now = input.now ?? clockNow();
  const { objet, usage } = CODE_PURPOSES[input.purpose];
  const recipient = input.envoyerA === undefined ? normaliseCodeTarget(input.canal, input.cible) : input.envoyerA;
  const caps = codeCapKeys(input.personneId, input.ip, keys);

  let issued;
  try {
    issued = await db.$transaction(async (tx) => {
      const code = await issueVerificationCode(tx, { personneId: input.personneId, objet, canal: input.canal, cible: input.cible, now }, keys);
      if (!code.ok) return code;
      if (caps.person && !(await takeFromCap(tx, caps.person, CODE_SENDING_LIMITS.perPerson, now))) throw new CapReached("LIMITE_PERSONNE");
      if (!(await takeFromCap(tx, caps.address, CODE_SENDING_LIMITS.perAddress, now))) throw new CapReached("LIMITE_ADRESSE");
      if (recipient === null) return { ...code, messageId: null };
      const content = verificationCode({ code: code.code, validiteMinutes: codeValidityMinutes(input.canal), usage });
      // The outbox runs on real time (the demo clock only moves codes' validity).
      const message = await enqueueMessage(tx, outboxMessage(input.canal, recipient, content), keys);
      return { ...code, messageId: message.id };
    });
  } catch (error) {
    if (!(error instanceof CapReached)) throw error;
    const message = error.reason === "LIMITE_PERSONNE" ? CODE_SENDING_MESSAGES.limitePersonne : CODE_SENDING_MESSAGES.limiteAdresse;
    return { ok: false, reason: error.reason, message };
  }
  if (!issued.ok) return { ok: false, reason: issued.reason, message: issued.message };

  const common = {
    ok: true as const,
    codeId: issued.codeId,
    destination: recipient === null ? "" : masked(input.canal, recipient),
    expireLe: issued.expireLe,
    nouveauxCodesRestants: issued.nouveauxCodesRestants,
    messageId: issued.messageId,
  };
  if (issued.messageId === null) return { ...common, statut: "AUCUN" };
  if (input.livraison === "apres-reponse" || transports === null) return { ...common, statut: "A_ENVOYER" };
  const delivery = await deliverMessageNow(db, transports, keys, issued.messageId);
  return delivery.statut === "ENVOYE" ? { ...common, statut: "ENVOYE" } : { ...common, statut: delivery.statut, raison: delivery.raison };
}
