// Test fixtures: fictitious people the browser and integration tests need beyond the demo personas, loaded only
// when MON_COMPTE_TEST_FIXTURES=1 (the demo itself holds exactly the personas). Every record is marked fictif.
//
// Lucas MOREAU, an adult child of the foyer 0698765 (Thomas and Inès) with his own account: the "other adult member"
// of the access table (docs/regles/acces.md), who sees only his own personal data.
import { randomUUID } from "node:crypto";
import type { Database } from "../../lib/db/open-prisma";
import { encryptField, lookupHash, type FieldKeys } from "../../lib/crypto/field-encryption";
import { hashPassword } from "../../lib/auth/password-hash";
import { parseNir } from "../../lib/identity/nir";
import { ensureInitialCgu } from "./seed-personas";

export const TEST_FIXTURES_ENV = "MON_COMPTE_TEST_FIXTURES";

export const ADULT_CHILD = {
  key: "lucas",
  numeroAllocataire: "0698765",
  nir: "105069205012359",
  nomNaissance: "MOREAU",
  prenoms: ["Lucas"],
  sexe: "M" as const,
  dateNaissance: "2005-06-11",
  commune: { codeInsee: "92050", nom: "Nanterre" },
  email: "lucas.moreau@example.net",
  motDePasse: "Rivage2026Caf",
};

export async function seedTestFixtures(db: Database, keys: FieldKeys): Promise<boolean> {
  const nir = parseNir(ADULT_CHILD.nir);
  if (!nir.ok) throw new Error(`Le NIR de la fixture ${ADULT_CHILD.key} est invalide : ${nir.error}`);
  const empreinte = lookupHash(nir.value.normalise, keys);
  if (await db.personne.findUnique({ where: { nirEmpreinte: empreinte }, select: { id: true } })) return false;
  const foyer = await db.foyer.findUnique({ where: { numeroAllocataire: ADULT_CHILD.numeroAllocataire }, select: { id: true } });
  if (!foyer) throw new Error(`Le foyer ${ADULT_CHILD.numeroAllocataire} des personas doit être chargé avant les fixtures de test.`);
  const now = new Date();
  const cguId = await ensureInitialCgu(db, now);
  const hash = await hashPassword(ADULT_CHILD.motDePasse);
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.personne.create({
      data: {
        id,
        nomNaissance: ADULT_CHILD.nomNaissance,
        prenoms: ADULT_CHILD.prenoms,
        sexe: ADULT_CHILD.sexe,
        dateNaissance: new Date(`${ADULT_CHILD.dateNaissance}T00:00:00Z`),
        lieuNaissancePays: "FRANCE",
        lieuNaissanceCodeInsee: ADULT_CHILD.commune.codeInsee,
        lieuNaissanceCommune: ADULT_CHILD.commune.nom,
        nirChiffre: encryptField(nir.value.normalise, keys),
        nirEmpreinte: empreinte,
        fictif: true,
      },
    });
    await tx.membre.create({ data: { foyerId: foyer.id, personneId: id, role: "ENFANT", depuisLe: new Date(`${ADULT_CHILD.dateNaissance}T00:00:00Z`) } });
    await tx.compte.create({ data: { personneId: id, etat: "ACTIF", motDePasseHash: hash, activeLe: now } });
    await tx.acceptationCgu.create({ data: { personneId: id, versionCguId: cguId, accepteeLe: now } });
    await tx.coordonnee.create({
      data: { personneId: id, type: "EMAIL", valeurChiffree: encryptField(ADULT_CHILD.email, keys), empreinte: lookupHash(ADULT_CHILD.email, keys), verifiee: false },
    });
  });
  return true;
}
