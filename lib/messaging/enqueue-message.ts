// Writes a message to the durable outbox (MessageSortant) inside the caller's transaction: the message exists if and
// only if the state change that caused it was committed. The worker (deliver-outbox.ts) sends it afterwards.
import type { CanalMessage, Prisma } from "../db/generated/client";
import { encryptField, type FieldKeys } from "../crypto/field-encryption";
import type { MessageContent } from "./templates";

export type OutboxClient = Pick<Prisma.TransactionClient, "messageSortant">;

/** What the caller queues: for EMAIL a subject and text (HTML optional), for SMS a text only. */
export type OutboxMessage = { canal: CanalMessage; destinataire: string; sujet?: string; texte: string; html?: string };

/** The e-mail or SMS part of a template (templates.ts), addressed: enqueueMessage(tx, outboxMessage(…), keys). */
export function outboxMessage(canal: CanalMessage, destinataire: string, content: MessageContent): OutboxMessage {
  return canal === "EMAIL" ? { canal, destinataire, ...content.email } : { canal, destinataire, texte: content.sms.texte };
}

export const SUBJECT_MAX_LENGTH = 200;

/**
 * Queues one message. `destinataire` is an e-mail address or a mobile number in E.164 (+33…): it is stored
 * encrypted. Returns the id to pass to deliverMessageNow() once the transaction is committed.
 */
export async function enqueueMessage(
  tx: OutboxClient,
  message: OutboxMessage,
  keys: FieldKeys,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ id: string }> {
  const destinataire = message.destinataire.trim();
  if (!destinataire) throw new Error("Message sans destinataire.");
  if (!message.texte.trim()) throw new Error("Message sans texte.");
  if (message.canal === "EMAIL") {
    if (!message.sujet?.trim()) throw new Error("Un courriel doit avoir un sujet.");
    if (message.sujet.length > SUBJECT_MAX_LENGTH) throw new Error(`Le sujet d'un courriel est limité à ${SUBJECT_MAX_LENGTH} caractères.`);
    if (!destinataire.includes("@")) throw new Error("Le destinataire d'un courriel doit être une adresse électronique.");
  } else {
    if (message.sujet !== undefined || message.html !== undefined) throw new Error("Un SMS n'a ni sujet ni version HTML.");
    if (!/^\+[1-9]\d{6,14}$/.test(destinataire)) throw new Error("Le destinataire d'un SMS doit être un numéro au format international (+33…).");
  }
  // Dates are set here rather than by the column defaults: TIMESTAMP columns hold UTC written by Prisma, and the
  // worker compares them with its own clock.
  return tx.messageSortant.create({
    data: {
      canal: message.canal,
      destinataireChiffre: encryptField(destinataire, keys),
      sujet: message.canal === "EMAIL" ? message.sujet : null,
      // The body may hold a live code: encrypted like the recipient, erased once sent or given up (deliver-outbox.ts).
      texteChiffre: encryptField(message.texte, keys),
      htmlChiffre: message.canal === "EMAIL" && message.html ? encryptField(message.html, keys) : null,
      creeLe: now,
      prochainEssaiLe: now,
    },
    select: { id: true },
  });
}
