// The draft of "Créer mon espace", kept in the database between steps (docs/decisions/0017-brouillon-creer-mon-espace.md).
// The browser holds a random 256-bit token in an HTTP-only cookie; the table holds its SHA-256 (a stolen database
// copy does not give live tokens) and the answers encrypted like every personal field. Nothing the browser posts
// is trusted as identity: each step re-reads the draft from here.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { decryptField, encryptField, type FieldKeys } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { EMPTY_DRAFT, type Brouillon } from "./draft";

/** A draft lives 2 hours after its last change: long enough to fetch a code, short enough not to linger. */
export const DRAFT_LIFETIME_MS = 2 * 60 * 60_000;

export type DraftRecord = { id: string; brouillon: Brouillon; termineLe: Date | null; personneId: string | null };

type DraftDb = Pick<Database, "brouillonEspace">;

export function newDraftToken(): string {
  return randomBytes(32).toString("base64url");
}

export function draftTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const parent = z.object({ nomNaissance: z.string(), prenoms: z.array(z.string()) });
const coordonnee = z.object({ valeur: z.string(), confirmee: z.boolean() });
// What a stored draft must hold to be used at all (it was written by us, but perhaps by an older version).
const storedDraft: z.ZodType<Brouillon> = z.object({
  version: z.literal(1),
  source: z.enum(["formulaire", "franceconnect"]),
  identite: z
    .object({ nomNaissance: z.string(), nomUsage: z.string().nullable(), prenoms: z.array(z.string()), sexe: z.enum(["F", "M"]), dateNaissance: z.string() })
    .optional(),
  naissance: z
    .discriminatedUnion("lieu", [
      z.object({ lieu: z.literal("france"), communeCode: z.string(), communeNom: z.string() }),
      z.object({ lieu: z.literal("etranger"), paysCode: z.string(), paysNom: z.string(), ville: z.string(), parents: z.tuple([parent, parent]) }),
    ])
    .optional(),
  naissanceVerrouillee: z
    .discriminatedUnion("lieu", [z.object({ lieu: z.literal("france"), communeCode: z.string() }), z.object({ lieu: z.literal("etranger"), paysCode: z.string() })])
    .optional(),
  numero: z.discriminatedUnion("aUnNir", [z.object({ aUnNir: z.literal(false) }), z.object({ aUnNir: z.literal(true), nir: z.string() })]).optional(),
  coordonnees: z.object({ email: coordonnee.optional(), mobile: coordonnee.optional() }).optional(),
});

function seal(brouillon: Brouillon, keys: FieldKeys): string {
  return encryptField(JSON.stringify(brouillon), keys);
}

function unseal(stored: string, keys: FieldKeys): Brouillon | null {
  try {
    const parsed = storedDraft.safeParse(JSON.parse(decryptField(stored, keys)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function createDraft(db: DraftDb, keys: FieldKeys, brouillon: Brouillon = EMPTY_DRAFT, now = new Date()): Promise<{ token: string; id: string }> {
  const token = newDraftToken();
  const row = await db.brouillonEspace.create({
    data: { jetonEmpreinte: draftTokenHash(token), donneesChiffrees: seal(brouillon, keys), expireLe: new Date(now.getTime() + DRAFT_LIFETIME_MS), modifieLe: now },
    select: { id: true },
  });
  return { token, id: row.id };
}

/** The draft the token names, if it has not expired (a finished draft is still read: it says who was created). */
export async function loadDraft(db: DraftDb, keys: FieldKeys, token: string | undefined, now = new Date()): Promise<DraftRecord | null> {
  if (!token || token.length > 100) return null;
  const row = await db.brouillonEspace.findUnique({ where: { jetonEmpreinte: draftTokenHash(token) } });
  if (!row || row.expireLe <= now) return null;
  const brouillon = unseal(row.donneesChiffrees, keys);
  if (!brouillon) return null;
  return { id: row.id, brouillon, termineLe: row.termineLe, personneId: row.personneId };
}

/** Saves a step's answers, only while the draft is open (a finished or expired draft changes no more). */
export async function saveDraft(db: DraftDb, keys: FieldKeys, id: string, brouillon: Brouillon, now = new Date()): Promise<boolean> {
  const { count } = await db.brouillonEspace.updateMany({
    where: { id, termineLe: null, expireLe: { gt: now } },
    data: { donneesChiffrees: seal(brouillon, keys), expireLe: new Date(now.getTime() + DRAFT_LIFETIME_MS), modifieLe: now },
  });
  return count === 1;
}

/** Expired drafts hold personal data for nothing: removed (called when a new draft starts). */
export async function purgeExpiredDrafts(db: DraftDb, now = new Date()): Promise<number> {
  const { count } = await db.brouillonEspace.deleteMany({ where: { expireLe: { lte: now } } });
  return count;
}

/** The draft's answers by its id (the server already knows which draft; used by the creation). */
export async function loadDraftById(db: DraftDb, keys: FieldKeys, id: string): Promise<Brouillon | null> {
  const row = await db.brouillonEspace.findUnique({ where: { id }, select: { donneesChiffrees: true } });
  return row ? unseal(row.donneesChiffrees, keys) : null;
}
