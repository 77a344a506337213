// Delivers the outbox. Each due message is claimed with one conditional UPDATE (statut EN_ATTENTE and due → lease):
// of two workers that saw the same message, only the one whose UPDATE changed a row sends it. A temporary failure
// schedules another attempt with a growing delay; a permanent one (address or number refused) stops there.
// Delivery is "at least once": a worker that dies between sending and recording lets its lease expire, and the
// message is sent again. Logs carry the message id and a masked recipient, never the full contact detail or text.
// Recipient and body are stored encrypted; the body is erased once the message is sent or given up.
import { decryptField, type FieldKeys } from "../crypto/field-encryption";
import type { Prisma } from "../db/generated/client";
import { maskEmail } from "../identity/email";
import { maskMobile } from "../identity/mobile";
import { DeliveryError, RAISON_ADRESSE_REFUSEE, RAISON_ENVOI_DIFFERE, RAISON_NUMERO_REFUSE, type Transports } from "./transports";

export type OutboxDatabase = Pick<Prisma.TransactionClient, "messageSortant">;

/** Delay before attempt n+1 after n failed attempts: 15 s, 30 s, 1 min, 2 min, 5 min, 10 min, then every 30 min. */
const SCHEDULE_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000];
const THEN_EVERY_MS = 30 * 60_000;
/** After this many attempts (about 21 hours), the message is given up. */
export const MAX_ATTEMPTS = 48;
/** How long a claimed message is reserved for the worker that claimed it (longer than any send can take). */
export const LEASE_MS = 2 * 60_000;

/** The wait after the `attempts`-th failed attempt, or null when no attempt is left. */
export function retryDelayMs(attempts: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return SCHEDULE_MS[Math.max(attempts, 1) - 1] ?? THEN_EVERY_MS;
}

export type DeliveryOutcome =
  | { statut: "ENVOYE" }
  | { statut: "EN_ATTENTE"; raison: string }
  | { statut: "ECHEC_DEFINITIF"; raison: string };

export type DeliverOptions = { now?: Date; log?: (line: string) => void };

const defaultLog = (line: string) => console.info(`[messages] ${line}`);

function mask(canal: string, recipient: string): string {
  return canal === "EMAIL" ? maskEmail(recipient) : maskMobile(recipient);
}

type Claimed = { id: string; canal: "EMAIL" | "SMS"; destinataireChiffre: string; sujet: string | null; texteChiffre: string | null; htmlChiffre: string | null; tentatives: number };

/** Once a message is sent or given up, its body is erased: what remains is the delivery record. */
const ERASED_BODY = { texteChiffre: null, htmlChiffre: null } as const;

async function claim(db: OutboxDatabase, id: string, now: Date): Promise<boolean> {
  const { count } = await db.messageSortant.updateMany({
    where: { id, statut: "EN_ATTENTE", prochainEssaiLe: { lte: now } },
    data: { prochainEssaiLe: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1;
}

async function sendClaimed(db: OutboxDatabase, transports: Transports, keys: FieldKeys, message: Claimed, now: Date, log: (line: string) => void): Promise<DeliveryOutcome> {
  const attempts = message.tentatives + 1;
  let recipient = "";
  try {
    recipient = decryptField(message.destinataireChiffre, keys);
    if (message.texteChiffre === null) throw new DeliveryError(true, RAISON_ENVOI_DIFFERE, "corps du message effacé");
    const texte = decryptField(message.texteChiffre, keys);
    const html = message.htmlChiffre === null ? null : decryptField(message.htmlChiffre, keys);
    if (message.canal === "EMAIL") await transports.email(recipient, { sujet: message.sujet ?? "Mon Compte", texte, html });
    else await transports.sms(recipient, texte);
  } catch (caught) {
    const error =
      caught instanceof DeliveryError
        ? caught
        : new DeliveryError(
            false,
            RAISON_ENVOI_DIFFERE,
            // An undecipherable recipient means another DATA_ENCRYPTION_KEY: retried, in case the key is put back.
            recipient ? `erreur inattendue ${(caught as Error)?.name ?? ""}`.trim() : "destinataire indéchiffrable (DATA_ENCRYPTION_KEY a changé ?)",
          );
    const delay = error.permanent ? null : retryDelayMs(attempts);
    const who = recipient ? mask(message.canal, recipient) : "?";
    if (delay === null) {
      const derniereErreur = error.permanent ? error.detail : `abandon après ${attempts} tentatives : ${error.detail}`.slice(0, 200);
      await db.messageSortant.updateMany({
        where: { id: message.id, statut: "EN_ATTENTE" },
        data: { statut: "ECHEC_DEFINITIF", tentatives: attempts, derniereErreur, ...ERASED_BODY },
      });
      log(`${message.canal} ${message.id} vers ${who} : échec définitif (${derniereErreur}).`);
      return { statut: "ECHEC_DEFINITIF", raison: error.raison };
    }
    const prochainEssaiLe = new Date(now.getTime() + delay);
    await db.messageSortant.updateMany({
      where: { id: message.id, statut: "EN_ATTENTE" },
      data: { tentatives: attempts, prochainEssaiLe, derniereErreur: error.detail },
    });
    log(`${message.canal} ${message.id} vers ${who} : tentative ${attempts} échouée (${error.detail}), nouvel essai dans ${Math.round(delay / 1000)} s.`);
    return { statut: "EN_ATTENTE", raison: error.raison };
  }
  await db.messageSortant.updateMany({
    where: { id: message.id, statut: "EN_ATTENTE" },
    data: { statut: "ENVOYE", envoyeLe: new Date(), tentatives: attempts, derniereErreur: null, ...ERASED_BODY },
  });
  log(`${message.canal} ${message.id} envoyé à ${mask(message.canal, recipient)}.`);
  return { statut: "ENVOYE" };
}

const CLAIMED_FIELDS = { id: true, canal: true, destinataireChiffre: true, sujet: true, texteChiffre: true, htmlChiffre: true, tentatives: true } as const;

/**
 * Sends the messages that are due, at most `limit` of them (oldest first), `concurrency` at a time.
 * Returns how many were sent, postponed and given up; messages claimed by another worker are not counted.
 */
export async function deliverPendingMessages(
  db: OutboxDatabase,
  transports: Transports,
  keys: FieldKeys,
  { now = new Date(), limit = 50, concurrency = 4, log = defaultLog }: DeliverOptions & { limit?: number; concurrency?: number } = {},
): Promise<{ envoyes: number; reportes: number; echecs: number }> {
  const due = await db.messageSortant.findMany({
    where: { statut: "EN_ATTENTE", prochainEssaiLe: { lte: now } },
    orderBy: { prochainEssaiLe: "asc" },
    take: limit,
    select: CLAIMED_FIELDS,
  });
  const totals = { envoyes: 0, reportes: 0, echecs: 0 };
  let next = 0;
  const lane = async () => {
    while (next < due.length) {
      const message = due[next++]!;
      if (!(await claim(db, message.id, now))) continue;
      const outcome = await sendClaimed(db, transports, keys, message, now, log);
      if (outcome.statut === "ENVOYE") totals.envoyes++;
      else if (outcome.statut === "EN_ATTENTE") totals.reportes++;
      else totals.echecs++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, due.length)) }, lane));
  return totals;
}

/**
 * Sends one message right away, typically just after the transaction that queued it was committed, so that the
 * page can tell the person at once whether the code went. If another worker holds it, reports where it stands.
 */
export async function deliverMessageNow(
  db: OutboxDatabase,
  transports: Transports,
  keys: FieldKeys,
  id: string,
  { now = new Date(), log = defaultLog }: DeliverOptions = {},
): Promise<DeliveryOutcome> {
  if (await claim(db, id, now)) {
    const message = await db.messageSortant.findUniqueOrThrow({ where: { id }, select: CLAIMED_FIELDS });
    return sendClaimed(db, transports, keys, message, now, log);
  }
  const current = await db.messageSortant.findUnique({ where: { id }, select: { statut: true, canal: true } });
  if (!current) throw new Error(`Message ${id} introuvable dans la boîte d'envoi.`);
  if (current.statut === "ENVOYE") return { statut: "ENVOYE" };
  if (current.statut === "ECHEC_DEFINITIF") return { statut: "ECHEC_DEFINITIF", raison: current.canal === "EMAIL" ? RAISON_ADRESSE_REFUSEE : RAISON_NUMERO_REFUSE };
  return { statut: "EN_ATTENTE", raison: RAISON_ENVOI_DIFFERE };
}
