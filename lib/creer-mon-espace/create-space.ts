// The last step of "Créer mon espace": the person, their account (not activated: the first-connection wizard's CGU
// and password steps come next), their confirmed contact details and, for a birth abroad, their parents — all in one
// transaction that also consumes the draft (one conditional UPDATE), queues the messages and writes the journal.
//
// - A consistent NIR: the account is on the NIR. An inconsistent NIR, or none: a provisional identifier
//   "P" + 8 random digits (unique column; a collision is drawn again), shown and sent by e-mail and SMS, no link.
// - A NIR that already belongs to someone, or an identity already created online: nothing is created, and the answer
//   is the same neutral sentence whatever the reason (DEJA_EXISTANT).
// - The same draft submitted twice (double click, two tabs): the second one finds it consumed and answers with the
//   person the first one created. The same identity from two drafts: the unique identity hash keeps one.
import { journal } from "../audit/journal";
import { clockNow } from "../clock";
import { encryptField, lookupHash, type FieldKeys } from "../crypto/field-encryption";
import { isUniqueViolation } from "../db/errors";
import type { Database } from "../db/open-prisma";
import type { Prisma } from "../db/generated/client";
import { withdrawFromUnconfirmedHolders } from "../contacts/contact-details";
import { generateProvisionalIdentifier, type RandomInt } from "../identity/provisional-identifier";
import { deliverMessageNow } from "../messaging/deliver-outbox";
import { enqueueMessage, outboxMessage } from "../messaging/enqueue-message";
import { provisionalIdentifierCreated } from "../messaging/templates-creer-mon-espace";
import type { Transports } from "../messaging/transports";
import { coordonneesConfirmees } from "./draft";
import { loadDraftById } from "./draft-store";
import { identityFingerprint } from "./identity-fingerprint";
import { decideNir } from "./nir-check";
import { randomInt as cryptoRandomInt } from "node:crypto";

export const CREATION_MESSAGES = {
  dejaExistant:
    "Un espace existe peut-être déjà pour vous : nous ne pouvons pas en créer un autre. Si vous avez oublié votre identifiant, utilisez « Identifiant oublié » ; vous pouvez aussi vous connecter avec FranceConnect.",
  incomplet: "Toutes les étapes ne sont pas terminées : reprenez à la première étape qui n'est pas faite.",
  expire: "Votre saisie a expiré (plus de 2 heures sans activité) : pour votre sécurité, recommencez depuis le début.",
  coordonneePrise:
    "Une de vos coordonnées vient d'être confirmée dans un autre espace : elle ne peut plus servir ici. Indiquez-en une autre à l'étape « Vos coordonnées ».",
} as const;

export type CreateSpaceOutcome =
  | {
      ok: true;
      personneId: string;
      compteId: string;
      /** The provisional identifier, or null when the account is on the NIR. */
      identifiantProvisoire: string | null;
      /** Why a NIR that was given was not used (sentences for the person); empty otherwise. */
      raisonsNirNonRetenu: string[];
      /** The draft had already been used (double click): this is the person it created. */
      deja: boolean;
    }
  | { ok: false; reason: "DEJA_EXISTANT" | "INCOMPLET" | "EXPIRE" | "COORDONNEE_PRISE"; message: string };

const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

/** fictif: the portal runs as a demonstration, where every person is invented (its start-up refuses a real one). */
type Input = { draftId: string; ip: string; now?: Date; randomInt?: RandomInt; fictif?: boolean };

class Refusal extends Error {
  constructor(readonly outcome: Extract<CreateSpaceOutcome, { ok: false }>) {
    super(outcome.reason);
  }
}
class AlreadyConsumed extends Error {}

/** What the person was told the first time, read again for the draft's second submission. */
async function existingOutcome(db: Database, draftId: string): Promise<CreateSpaceOutcome> {
  const draft = await db.brouillonEspace.findUnique({ where: { id: draftId }, select: { personneId: true } });
  if (!draft?.personneId) return { ok: false, reason: "EXPIRE", message: CREATION_MESSAGES.expire };
  const personne = await db.personne.findUniqueOrThrow({
    where: { id: draft.personneId },
    select: { id: true, identifiantProvisoire: true, identifiantProvisoireRetireLe: true, compte: { select: { id: true } } },
  });
  return {
    ok: true,
    personneId: personne.id,
    compteId: personne.compte!.id,
    identifiantProvisoire: personne.identifiantProvisoireRetireLe ? null : personne.identifiantProvisoire,
    raisonsNirNonRetenu: [],
    deja: true,
  };
}

/** A confirmed value belongs to one person: taken from those who only typed it, refused if confirmed elsewhere. */
async function claimContact(tx: Prisma.TransactionClient, personneId: string, type: "EMAIL" | "MOBILE", empreinte: string, ip: string, now: Date) {
  const lockKey = `coordonnee:${type}:${empreinte}`;
  await tx.$queryRaw`SELECT 1 AS verrou FROM pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
  const confirmedElsewhere = await tx.coordonnee.count({ where: { type, empreinte, verifiee: true } });
  if (confirmedElsewhere > 0) throw new Refusal({ ok: false, reason: "COORDONNEE_PRISE", message: CREATION_MESSAGES.coordonneePrise });
  const losers = await withdrawFromUnconfirmedHolders(tx, personneId, type, empreinte);
  for (const loser of losers) {
    await journal(tx, { type: "COORDONNEE_RETIREE_CONFIRMEE_AILLEURS", acteur: personneId, sujetId: loser.id, ip, survenuLe: now, details: { canal: type === "EMAIL" ? "EMAIL" : "SMS" } });
  }
}

export async function createSpace(db: Database, keys: FieldKeys, transports: Transports | null, input: Input): Promise<CreateSpaceOutcome> {
  const now = input.now ?? clockNow();
  const row = await db.brouillonEspace.findUnique({ where: { id: input.draftId } });
  if (!row) return { ok: false, reason: "EXPIRE", message: CREATION_MESSAGES.expire };
  if (row.termineLe) return existingOutcome(db, input.draftId);
  if (row.expireLe <= now) return { ok: false, reason: "EXPIRE", message: CREATION_MESSAGES.expire };
  const brouillon = await loadDraftById(db, keys, input.draftId);
  if (!brouillon) return { ok: false, reason: "EXPIRE", message: CREATION_MESSAGES.expire };
  const { identite, naissance, numero, coordonnees } = brouillon;
  if (!identite || !naissance || !numero || !coordonnees || !coordonneesConfirmees(brouillon)) {
    return { ok: false, reason: "INCOMPLET", message: CREATION_MESSAGES.incomplet };
  }

  const decision = numero.aUnNir ? decideNir(numero.nir, identite, naissance) : null;
  const nir = decision?.ok ? decision.nir : null;
  const raisons = decision && !decision.ok ? decision.raisons : [];
  const empreinteIdentite = identityFingerprint(identite, naissance, keys);
  const contacts = [
    ...(coordonnees.email ? [{ type: "EMAIL" as const, canal: "EMAIL" as const, valeur: coordonnees.email.valeur }] : []),
    ...(coordonnees.mobile ? [{ type: "MOBILE" as const, canal: "SMS" as const, valeur: coordonnees.mobile.valeur }] : []),
  ];

  for (let attempt = 0; attempt < 5; attempt++) {
    const identifiant = nir ? null : generateProvisionalIdentifier(input.randomInt ?? cryptoRandomInt);
    try {
      const created = await db.$transaction(async (tx) => {
        const { count } = await tx.brouillonEspace.updateMany({
          where: { id: input.draftId, termineLe: null, expireLe: { gt: now } },
          data: { termineLe: now },
        });
        if (count !== 1) throw new AlreadyConsumed();
        const personne = await tx.personne.create({
          data: {
            nomNaissance: identite.nomNaissance,
            nomUsage: identite.nomUsage,
            prenoms: identite.prenoms,
            sexe: identite.sexe,
            dateNaissance: new Date(`${identite.dateNaissance}T00:00:00Z`),
            lieuNaissancePays: naissance.lieu === "france" ? "FRANCE" : naissance.paysNom,
            lieuNaissancePaysCode: naissance.lieu === "france" ? null : naissance.paysCode,
            lieuNaissanceCodeInsee: naissance.lieu === "france" ? naissance.communeCode : null,
            lieuNaissanceCommune: naissance.lieu === "france" ? naissance.communeNom : naissance.ville,
            nirChiffre: nir ? encryptField(nir, keys) : null,
            nirEmpreinte: nir ? lookupHash(nir, keys) : null,
            identifiantProvisoire: identifiant,
            empreinteIdentite,
            fictif: input.fictif ?? false,
          },
          select: { id: true },
        });
        const compte = await tx.compte.create({ data: { personneId: personne.id, etat: "NON_ACTIVE", coordonneesSaisiesLe: now }, select: { id: true } });
        if (naissance.lieu === "etranger") {
          await tx.parentDeclare.createMany({
            data: naissance.parents.map((p, i) => ({ personneId: personne.id, rang: i + 1, nomNaissance: p.nomNaissance, prenoms: p.prenoms })),
          });
        }
        const messages: string[] = [];
        for (const contact of contacts) {
          const empreinte = lookupHash(contact.valeur, keys);
          await claimContact(tx, personne.id, contact.type, empreinte, input.ip, now);
          await tx.coordonnee.create({
            data: { personneId: personne.id, type: contact.type, valeurChiffree: encryptField(contact.valeur, keys), empreinte, verifiee: true, verifieeLe: now },
          });
          if (identifiant) {
            const message = await enqueueMessage(tx, outboxMessage(contact.canal, contact.valeur, provisionalIdentifierCreated({ identifiant })), keys);
            messages.push(message.id);
          }
        }
        await tx.brouillonEspace.update({ where: { id: input.draftId }, data: { personneId: personne.id } });
        await journal(tx, {
          type: "ESPACE_CREE",
          acteur: personne.id,
          sujetId: personne.id,
          ip: input.ip,
          survenuLe: now,
          details: { identifiant: nir ? "nir" : "provisoire", nirNonRetenu: raisons.length > 0, franceConnect: brouillon.source === "franceconnect", neEtranger: naissance.lieu === "etranger" },
        });
        return { personneId: personne.id, compteId: compte.id, messages };
        // Parallel submissions of one draft or one identity wait for each other (row lock, unique index): a
        // connection may take a while to come free, and a transaction to see the first one commit.
      }, TRANSACTION_OPTIONS);
      if (transports) for (const id of created.messages) await deliverMessageNow(db, transports, keys, id);
      return { ok: true, personneId: created.personneId, compteId: created.compteId, identifiantProvisoire: identifiant, raisonsNirNonRetenu: raisons, deja: false };
    } catch (error) {
      if (error instanceof AlreadyConsumed) return existingOutcome(db, input.draftId);
      if (error instanceof Refusal) return error.outcome;
      if (!isUniqueViolation(error)) throw error;
      // Which unique value was taken? Read after the rollback; the answer never says which one to the person.
      const taken = await db.personne.count({
        where: { OR: [{ empreinteIdentite }, ...(nir ? [{ nirEmpreinte: lookupHash(nir, keys) }] : [])] },
      });
      if (taken > 0) {
        await journal(db, { type: "CREATION_ESPACE_REFUSEE_DEJA_EXISTANT", acteur: "systeme", ip: input.ip, survenuLe: now });
        return { ok: false, reason: "DEJA_EXISTANT", message: CREATION_MESSAGES.dejaExistant };
      }
      if (identifiant && (await db.personne.count({ where: { identifiantProvisoire: identifiant } })) > 0) continue;
      // A contact detail confirmed elsewhere at the same instant (partial unique index).
      return { ok: false, reason: "COORDONNEE_PRISE", message: CREATION_MESSAGES.coordonneePrise };
    }
  }
  throw new Error("Impossible de tirer un identifiant provisoire libre après 5 essais.");
}
