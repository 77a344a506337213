// Identifiant oublié: a person gives their birth name, first name, birth date and an e-mail address or mobile
// number. When exactly one person has that identity and the contact is one of their verified contacts, their
// identifier is sent there (no link, through the durable outbox). The answer on screen is the same in every case,
// so that the form tells nobody whether a person, an account or a contact exists.
import "server-only";
import { z } from "zod";
import { journal } from "../../audit/journal";
import { decryptField, type FieldKeys } from "../../crypto/field-encryption";
import type { Database } from "../../db/open-prisma";
import { fieldErrorsFrom } from "../../forms/action-result";
import { maskEmail } from "../../identity/email";
import { maskMobile } from "../../identity/mobile";
import { enqueueMessage, outboxMessage } from "../../messaging/enqueue-message";
import { identifierReminder, type IdentifierReminder } from "../../messaging/templates";
import type { CanalCode } from "../../verification/code-messages";
import { contactFingerprints, recoveryContactField, RECOVERY_CONTACT_MESSAGES } from "./recovery-contact";
import { takeRecoveryAttempt } from "./recovery-throttle";
import { normaliseName } from "../../identity/person-name";

export { normaliseName };

export type IdentifierRecoveryField = "nomNaissance" | "prenom" | "jour" | "mois" | "annee" | "contact";

const NAME_MAX_LENGTH = 100;

const nameField = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(NAME_MAX_LENGTH, `Ce nom est trop long : ${NAME_MAX_LENGTH} caractères au plus.`)
    .refine((value) => /^[\p{L}\p{M}\s\-‐‑'’.]+$/u.test(value), "Saisissez uniquement des lettres, des espaces, des tirets ou des apostrophes.");

const dateField = (missing: string, invalid: string, max: number) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .regex(/^\d{1,4}$/, invalid)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, invalid);

export const CONTACT_MESSAGES = RECOVERY_CONTACT_MESSAGES;

const ANNEE_HORS_LIMITES = "Vérifiez l'année de naissance : elle est comprise entre 1900 et aujourd'hui.";

const identifierRecoverySchema = z
  .object({
    nomNaissance: nameField("Saisissez votre nom de naissance."),
    prenom: nameField("Saisissez votre prénom."),
    jour: dateField("Saisissez le jour de votre naissance.", "Le jour est un nombre de 1 à 31.", 31),
    mois: dateField("Saisissez le mois de votre naissance.", "Le mois est un nombre de 1 à 12.", 12),
    annee: z
      .string({ error: "Saisissez l'année de votre naissance." })
      .trim()
      .min(1, "Saisissez l'année de votre naissance.")
      .regex(/^\d{4}$/, "L'année s'écrit avec 4 chiffres, par exemple 1984.")
      .transform(Number),
    contact: recoveryContactField,
  })
  .transform((v, ctx) => {
    const date = new Date(Date.UTC(v.annee, v.mois - 1, v.jour));
    if (date.getUTCFullYear() !== v.annee || date.getUTCMonth() !== v.mois - 1 || date.getUTCDate() !== v.jour) {
      ctx.addIssue({ code: "custom", path: ["jour"], message: "Cette date n'existe pas : vérifiez le jour et le mois." });
      return z.NEVER;
    }
    if (v.annee < 1900) {
      ctx.addIssue({ code: "custom", path: ["annee"], message: ANNEE_HORS_LIMITES });
      return z.NEVER;
    }
    return { nomNaissance: v.nomNaissance, prenom: v.prenom, dateNaissance: date, contact: v.contact };
  });

export type IdentifierRecoveryInput = Partial<Record<IdentifierRecoveryField, unknown>> & { ip: string; now?: Date };

export type IdentifierRecoveryOutcome =
  | { ok: false; reason: "SAISIE_INVALIDE"; fieldErrors: Partial<Record<IdentifierRecoveryField, string>> }
  | { ok: false; reason: "LIMITE_ATTEINTE"; until: Date }
  | {
      ok: true;
      /** The contact as typed, masked: what the screen repeats, whatever happened. */
      destination: string;
      canal: CanalCode;
      /**
       * The outbox id of the reminder when one was queued. For the caller to deliver it after answering: the
       * answer itself must not depend on it.
       */
      messageId: string | null;
    };

export async function recoverIdentifier(db: Database, keys: FieldKeys, input: IdentifierRecoveryInput): Promise<IdentifierRecoveryOutcome> {
  const now = input.now ?? new Date();
  const parsed = identifierRecoverySchema.safeParse({
    nomNaissance: input.nomNaissance,
    prenom: input.prenom,
    jour: input.jour,
    mois: input.mois,
    annee: input.annee,
    contact: input.contact,
  });
  if (!parsed.success) return { ok: false, reason: "SAISIE_INVALIDE", fieldErrors: fieldErrorsFrom<IdentifierRecoveryField>(parsed.error.issues) };
  const { nomNaissance, prenom, dateNaissance, contact } = parsed.data;
  if (dateNaissance.getTime() > now.getTime()) return { ok: false, reason: "SAISIE_INVALIDE", fieldErrors: { annee: ANNEE_HORS_LIMITES } };

  const allowed = await takeRecoveryAttempt(db, keys, { flow: "identifiant-oublie", identifier: `${contact.canal}:${contact.value.toLowerCase()}`, ip: input.ip, now });
  if (!allowed.allowed) return { ok: false, reason: "LIMITE_ATTEINTE", until: allowed.until };

  const destination = contact.canal === "EMAIL" ? maskEmail(contact.value) : maskMobile(contact.value);
  const answer = (messageId: string | null) => ({ ok: true as const, destination, canal: contact.canal, messageId });

  // Names are compared once normalised, so the query narrows on the birth date only.
  const sameBirthDate = await db.personne.findMany({
    where: { dateNaissance },
    select: {
      id: true,
      nomNaissance: true,
      prenoms: true,
      nirChiffre: true,
      identifiantProvisoire: true,
      coordonnees: { where: { verifiee: true }, select: { type: true, empreinte: true, valeurChiffree: true } },
    },
    take: 1000,
  });
  const nom = normaliseName(nomNaissance);
  const premier = normaliseName(prenom);
  const matches = sameBirthDate.filter((p) => normaliseName(p.nomNaissance) === nom && p.prenoms.some((x) => normaliseName(x) === premier));
  if (matches.length !== 1) return answer(null);
  const personne = matches[0]!;

  const fingerprints = contactFingerprints(contact, keys);
  const type = contact.canal === "SMS" ? "MOBILE" : "EMAIL";
  const verified = personne.coordonnees.find((c) => c.type === type && fingerprints.includes(c.empreinte));
  // A NIR is never sent whole: the message names the carte Vitale and gives its last 4 characters only.
  const reminder: IdentifierReminder | null = personne.nirChiffre
    ? { nirFinissantPar: decryptField(personne.nirChiffre, keys).slice(-4) }
    : personne.identifiantProvisoire
      ? { identifiantProvisoire: personne.identifiantProvisoire }
      : null;
  if (!verified || !reminder) return answer(null);

  // Sent to the contact as it was verified, not as it was typed today.
  const recipient = decryptField(verified.valeurChiffree, keys);
  const message = await db.$transaction(async (tx) => {
    const queued = await enqueueMessage(tx, outboxMessage(contact.canal, recipient, identifierReminder(reminder)), keys, { now });
    await journal(tx, { type: "IDENTIFIANT_RAPPELE", acteur: "systeme", sujetId: personne.id, ip: input.ip, survenuLe: now, details: { canal: contact.canal } });
    return queued;
  });
  return answer(message.id);
}
