// What a verified FranceConnect identity becomes: a session for exactly one matched personne, or a page that says
// why not. The link (franceConnectSub), the account created for an adult who had none, the login records, the
// journal and the e-mail notice are written in one transaction; the e-mail goes out after it commits.
import "server-only";
import { journal } from "../audit/journal";
import type { SessionClaims } from "../auth/session-token";
import { describeDevice } from "../auth/device-label";
import { decryptField, type FieldKeys } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { isUniqueViolation } from "../db/errors";
import { enqueueMessage, outboxMessage } from "../messaging/enqueue-message";
import { franceConnectConnection } from "../messaging/templates";
import { findPersonnesMatchingIdentity, type IdentityPivot, type UnmatchableReason } from "./match-identity";

export type FranceConnectLoginInput = { sub: string; identity: IdentityPivot; ip: string; userAgent: string | null; now?: Date };

export type FranceConnectLoginOutcome =
  | { kind: "connecte"; claims: Omit<SessionClaims, "authentifieA" | "activiteA">; messageId: string | null }
  | { kind: "aucune-correspondance"; reason: UnmatchableReason | "AUCUNE_PERSONNE" }
  | { kind: "plusieurs-correspondances" }
  /** Matched, but no session: suspended account, subject already linked elsewhere, minor without a space. */
  | { kind: "refuse"; reason: "COMPTE_SUSPENDU" | "SUB_DEJA_LIE" | "MINEUR_SANS_ESPACE" };

const ADULT_AGE = 18;

function isAdult(dateNaissance: Date, now: Date): boolean {
  const eighteenth = new Date(Date.UTC(dateNaissance.getUTCFullYear() + ADULT_AGE, dateNaissance.getUTCMonth(), dateNaissance.getUTCDate()));
  return eighteenth.getTime() <= now.getTime();
}

class LinkTakenError extends Error {}

export async function loginWithFranceConnect(db: Database, keys: FieldKeys, input: FranceConnectLoginInput): Promise<FranceConnectLoginOutcome> {
  const now = input.now ?? new Date();
  const base = { acteur: "systeme", ip: input.ip, survenuLe: now } as const;

  const found = await findPersonnesMatchingIdentity(db, input.identity);
  if (!found.ok && found.reason === "TROP_DE_CANDIDATS") {
    // Too many people share this birth date and sex to read them all: fail closed, the person's Caf will help.
    await journal(db, { ...base, type: "FRANCECONNECT_PLUSIEURS_CORRESPONDANCES", details: { raison: found.reason } });
    return { kind: "plusieurs-correspondances" };
  }
  if (!found.ok || found.matches.length === 0) {
    const reason = found.ok ? "AUCUNE_PERSONNE" : found.reason;
    await journal(db, { ...base, type: "FRANCECONNECT_AUCUNE_CORRESPONDANCE", details: { raison: reason } });
    return { kind: "aucune-correspondance", reason };
  }
  if (found.matches.length > 1) {
    await journal(db, { ...base, type: "FRANCECONNECT_PLUSIEURS_CORRESPONDANCES", details: { nombre: found.matches.length } });
    return { kind: "plusieurs-correspondances" };
  }

  const personneId = found.matches[0]!;
  const personne = await db.personne.findUniqueOrThrow({
    where: { id: personneId },
    select: {
      id: true,
      dateNaissance: true,
      franceConnectSub: true,
      compte: { select: { id: true, etat: true, versionSession: true, derniereConnexionLe: true } },
      coordonnees: { where: { type: "EMAIL" }, select: { valeurChiffree: true, verifiee: true } },
    },
  });
  const refuse = async (reason: "COMPTE_SUSPENDU" | "SUB_DEJA_LIE" | "MINEUR_SANS_ESPACE", type: string) => {
    await journal(db, { ...base, type, sujetId: personne.id, details: { raison: reason } });
    return { kind: "refuse" as const, reason };
  };

  // One FranceConnect identity, one personne: never move a link, never link a second subject.
  if (personne.franceConnectSub !== null && personne.franceConnectSub !== input.sub) return refuse("SUB_DEJA_LIE", "FRANCECONNECT_LIEN_REFUSE");
  const holder = await db.personne.findUnique({ where: { franceConnectSub: input.sub }, select: { id: true } });
  if (holder && holder.id !== personne.id) return refuse("SUB_DEJA_LIE", "FRANCECONNECT_LIEN_REFUSE");

  const context = { ip: input.ip, appareil: describeDevice(input.userAgent) };
  if (personne.compte?.etat === "SUSPENDU") {
    await db.historiqueConnexion.create({ data: { personneId: personne.id, survenueLe: now, methode: "FRANCECONNECT", reussie: false, ...context } });
    return refuse("COMPTE_SUSPENDU", "CONNEXION_REFUSEE_COMPTE_SUSPENDU");
  }
  if (!personne.compte && !isAdult(personne.dateNaissance, now)) return refuse("MINEUR_SANS_ESPACE", "FRANCECONNECT_MINEUR_SANS_ESPACE");

  // The notice goes to the person's e-mail address. A confirmed one is best; an unconfirmed one still gets it: the
  // notice holds nothing but the date, and telling the person is the point (SPEC §2).
  const emailRow = personne.coordonnees[0];
  const email = emailRow ? decryptField(emailRow.valeurChiffree, keys) : null;

  try {
    return await db.$transaction(async (tx) => {
      // The personne's row is locked first, by every login of this personne, before its account's row: parallel
      // logins then queue up in one order. (Linking updates a unique column, which takes a lock that blocks the
      // foreign-key checks of the login record; without this first lock, a parallel login holding the account's row
      // and the linking one waited for each other: PostgreSQL's "deadlock detected".)
      const [locked] = await tx.$queryRaw<{ franceConnectSub: string | null }[]>`
        SELECT "franceConnectSub" FROM "Personne" WHERE "id" = ${personne.id} FOR UPDATE`;
      if (locked?.franceConnectSub === null) {
        const linked = await tx.personne.updateMany({ where: { id: personne.id, franceConnectSub: null }, data: { franceConnectSub: input.sub } });
        if (linked.count !== 1) throw new LinkTakenError();
        await journal(tx, { ...base, type: "FRANCECONNECT_LIE", acteur: personne.id, sujetId: personne.id });
      } else if (locked?.franceConnectSub !== input.sub) {
        // Linked meanwhile to another subject (a parallel login of this same subject is fine: go on).
        throw new LinkTakenError();
      }
      const compte = personne.compte
        ? await tx.compte.update({ where: { id: personne.compte.id }, data: { derniereConnexionLe: now }, select: { id: true, etat: true, versionSession: true } })
        : await tx.compte.create({ data: { personneId: personne.id, etat: "NON_ACTIVE", derniereConnexionLe: now }, select: { id: true, etat: true, versionSession: true } });
      if (!personne.compte) await journal(tx, { ...base, type: "COMPTE_CREE_FRANCECONNECT", acteur: personne.id, sujetId: personne.id });
      await tx.historiqueConnexion.create({ data: { personneId: personne.id, survenueLe: now, methode: "FRANCECONNECT", reussie: true, ...context } });
      await journal(tx, { ...base, type: "CONNEXION_FRANCECONNECT", acteur: personne.id, sujetId: personne.id, details: { notification: email ? (emailRow!.verifiee ? "adresse confirmee" : "adresse non confirmee") : "aucune adresse" } });
      const message = email ? await enqueueMessage(tx, outboxMessage("EMAIL", email, franceConnectConnection({ date: now })), keys, { now }) : null;
      return {
        kind: "connecte" as const,
        messageId: message?.id ?? null,
        claims: {
          sub: compte.id,
          personneId: personne.id,
          versionSession: compte.versionSession,
          methode: "FRANCECONNECT" as const,
          etape: compte.etat === "NON_ACTIVE" ? ("premiere-connexion" as const) : compte.etat === "CHANGEMENT_MOT_DE_PASSE_REQUIS" ? ("changement-mot-de-passe" as const) : ("espace" as const),
          connexionPrecedente: personne.compte?.derniereConnexionLe?.getTime() ?? null,
        },
      };
    });
  } catch (error) {
    // Another personne took this subject between the check and the update (the column is unique: the driver
    // adapter reports it as SQLSTATE 23505, Prisma as P2002), or this personne was linked to another subject.
    if (error instanceof LinkTakenError || isUniqueViolation(error)) return refuse("SUB_DEJA_LIE", "FRANCECONNECT_LIEN_REFUSE");
    throw error;
  }
}
