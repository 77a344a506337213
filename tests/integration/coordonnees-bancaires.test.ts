// "Mes coordonnées bancaires", the sensitive démarche (docs/regles/coordonnees-bancaires.md): who may change a
// dossier's bank details (FAIRE_DEMARCHES), the code to a confirmed contact of the person acting, one change per code
// even under twenty parallel submissions, the IBAN never in clear at rest, the journal entry, and the notices to the
// allocataire. Real database (PGlite and PostgreSQL), real SMTP and SMS sinks.
import { describe, expect, it } from "vitest";
import { AccessDeniedError, decideAccess, type AccessGrant } from "../../lib/access";
import {
  BANK_DETAILS_JOURNAL_TYPE,
  BANK_FLOW_MESSAGES,
  confirmBankDetailsChange,
  currentBankDetails,
  deliverBankDetailsNotices,
  pendingBankDetailsChange,
  requestBankDetailsChange,
  resendBankDetailsCode,
} from "../../lib/coordonnees-bancaires/bank-details-service";
import { BANK_MESSAGES } from "../../lib/coordonnees-bancaires/validation";
import { decryptField } from "../../lib/crypto/field-encryption";
import { CODE_MESSAGES, MAX_CODE_TRIES } from "../../lib/verification/code-messages";
import { DEMO_IBANS } from "../../prisma/seed/seed-coordonnees-bancaires";
import { latestCodeFor, ipSequence, personneIdByName, seededWorld } from "../support/seeded-world";
import { testDatabaseKind } from "../support/test-database";

const world = seededWorld({ fixtures: true });
const { keys } = world;
const freshIp = ipSequence("203.0.113");

const IBAN_A = "FR7630006000011234567890189";
const IBAN_B = "DE89370400440532013000";
const form = { iban: "FR76 3000 6000 0112 3456 7890 189", bic: "BNPAFRPP", titulaire: "Sophie Bernard" };

async function grantOf(nom: string, prenom: string, numeroAllocataire: string): Promise<AccessGrant> {
  const grant = await decideAccess(world.db, await personneIdByName(world.db, nom, prenom), { numeroAllocataire });
  if (!grant) throw new Error("dossier introuvable");
  return grant;
}
async function currentRows(numeroAllocataire: string) {
  return world.db.coordonneesBancaires.findMany({ where: { foyer: { numeroAllocataire }, remplaceesLe: null } });
}
/** Whatever the dossier holds now: the current row's IBAN in clear, or null. */
async function currentIban(numeroAllocataire: string): Promise<string | null> {
  const [row] = await currentRows(numeroAllocataire);
  return row ? decryptField(row.ibanChiffre, keys) : null;
}
async function changeThrough(grant: AccessGrant, recipient: string, input = form) {
  const requested = await requestBankDetailsChange(world.db, keys, world.transports, grant, { ...input, ip: freshIp() });
  expect(requested).toMatchObject({ ok: true, statut: "ENVOYE" });
  const code = await latestCodeFor(world.sinks, recipient, /coordonnées bancaires|coordonnees bancaires/);
  return confirmBankDetailsChange(world.db, keys, grant, { code, ip: freshIp() });
}

describe(`coordonnées bancaires : qui peut les modifier (${testDatabaseKind()})`, () => {
  it("chaque dossier de démonstration a un compte enregistré, montré sans son IBAN", async () => {
    const grant = await grantOf("BERNARD", "Sophie", "0523456");
    expect(await currentIban("0523456")).toBe(DEMO_IBANS["0523456"]);
    expect(await currentBankDetails(world.db, grant)).toEqual({ pays: "FR", paysNom: "France", ibanFin: "5680", bic: "DEMOFRPP", titulaire: "Sophie BERNARD", enregistreesLe: expect.any(Date) });
  });

  it("l'allocataire (Sophie) les modifie avec le code reçu ; journal « titulaire » ; avis à toutes ses coordonnées confirmées", async () => {
    const grant = await grantOf("BERNARD", "Sophie", "0523456");
    const outbox = await world.db.messageSortant.count();
    const outcome = await changeThrough(grant, "sophie.bernard@example.org");
    expect(outcome).toMatchObject({ ok: true, dejaApplique: false });
    if (!outcome.ok) return;
    expect(outcome.notices).toHaveLength(2);
    expect(await currentIban("0523456")).toBe(IBAN_A);
    expect(await currentBankDetails(world.db, grant)).toMatchObject({ pays: "FR", paysNom: "France", ibanFin: "0189", bic: "BNPAFRPP", titulaire: "Sophie Bernard" });
    const entry = await world.db.journalAudit.findFirstOrThrow({ where: { type: BANK_DETAILS_JOURNAL_TYPE, foyerId: grant.dossier.id }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ acteur: grant.acteurId, sujetId: grant.acteurId, details: { titre: "titulaire", numeroAllocataire: "0523456" } });
    await deliverBankDetailsNotices(world.db, keys, world.transports, outcome.notices);
    // The code message and the notices: 1 + 2 outbox rows.
    expect(await world.db.messageSortant.count()).toBe(outbox + 3);
    const notices = await world.sinks.received((m) => /modifi/.test(m.text) && /0523456/.test(m.text));
    expect(notices.map((m) => m.to).sort()).toEqual(["+33639981003", "sophie.bernard@example.org"]);
    expect(notices.find((m) => m.to.includes("sophie"))!.text).toContain("par vous");
  });

  it("Karim (délégation) les modifie : journal « délégation » pour le compte de Sophie ; Sophie et Karim sont avertis", async () => {
    const grant = await grantOf("BERNARD", "Karim", "0523456");
    expect(grant.role).toBe("CONJOINT_DELEGATAIRE");
    const outcome = await changeThrough(grant, "+33639981004", { iban: IBAN_B, bic: "COBADEFFXXX", titulaire: "Sophie Bernard" });
    expect(outcome).toMatchObject({ ok: true });
    if (!outcome.ok) return;
    expect(await currentIban("0523456")).toBe(IBAN_B);
    const sophie = await personneIdByName(world.db, "BERNARD", "Sophie");
    const entry = await world.db.journalAudit.findFirstOrThrow({ where: { type: BANK_DETAILS_JOURNAL_TYPE, acteur: grant.acteurId }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ sujetId: sophie, foyerId: grant.dossier.id, details: { titre: "delegation", numeroAllocataire: "0523456", pays: "DE" } });
    await deliverBankDetailsNotices(world.db, keys, world.transports, outcome.notices);
    const toSophie = await world.sinks.received((m) => m.to === "sophie.bernard@example.org" && /par Karim BERNARD \(délégation\)/.test(m.text));
    expect(toSophie).toHaveLength(1);
    expect(toSophie[0]!.text).toContain("se termine par 3000");
    expect(await world.sinks.received((m) => m.to.includes("+33639981004") && /vous avez modifie l'IBAN du dossier 0523456/.test(m.text))).toHaveLength(1);
    // The history is kept: the demo account, Sophie's, Karim's; one current.
    expect(await world.db.coordonneesBancaires.count({ where: { foyerId: grant.dossier.id } })).toBe(3);
    expect(await currentRows("0523456")).toHaveLength(1);
  });

  it("Nadia (conjoint allocataire, sans délégation) les modifie pour le dossier 0634567 ; Marc est averti", async () => {
    const grant = await grantOf("HADDAD", "Nadia", "0634567");
    expect(grant.role).toBe("CONJOINT_ALLOCATAIRE");
    const outcome = await changeThrough(grant, "+33639981006", { ...form, titulaire: "Marc Petit" });
    expect(outcome).toMatchObject({ ok: true });
    if (!outcome.ok) return;
    expect(await currentIban("0634567")).toBe(IBAN_A);
    const entry = await world.db.journalAudit.findFirstOrThrow({ where: { type: BANK_DETAILS_JOURNAL_TYPE, acteur: grant.acteurId }, orderBy: { id: "desc" } });
    expect(entry.details).toMatchObject({ titre: "conjoint-allocataire" });
    await deliverBankDetailsNotices(world.db, keys, world.transports, outcome.notices);
    expect(await world.sinks.received((m) => m.to.includes("+33639981005") && /par Nadia PETIT \(conjoint allocataire\)/.test(m.text))).toHaveLength(1);
  });

  it.each([
    ["Inès, conjointe sans délégation", "ROCHE", "Inès", "0698765"],
    ["Lucas, enfant majeur du foyer", "MOREAU", "Lucas", "0698765"],
    ["Léa, d'un autre foyer", "LEFEBVRE", "Léa", "0523456"],
    ["Karim, sur un dossier qui n'est pas le sien", "BERNARD", "Karim", "0634567"],
  ])("%s : refusé à chaque étape, rien n'est créé ni modifié", async (_label, nom, prenom, numero) => {
    const grant = await grantOf(nom, prenom, numero);
    const before = { rows: await world.db.coordonneesBancaires.count(), pending: await world.db.changementCoordonneesBancaires.count(), codes: await world.db.codeVerification.count() };
    await expect(requestBankDetailsChange(world.db, keys, world.transports, grant, { ...form, ip: freshIp() })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(currentBankDetails(world.db, grant)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(pendingBankDetailsChange(world.db, keys, grant)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(resendBankDetailsCode(world.db, keys, world.transports, grant, { ip: freshIp() })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(confirmBankDetailsChange(world.db, keys, grant, { code: "123456", ip: freshIp() })).rejects.toBeInstanceOf(AccessDeniedError);
    expect({ rows: await world.db.coordonneesBancaires.count(), pending: await world.db.changementCoordonneesBancaires.count(), codes: await world.db.codeVerification.count() }).toEqual(before);
  });

  it("une autorisation fabriquée à la main (sans decideAccess) est refusée", async () => {
    const real = await grantOf("BERNARD", "Sophie", "0523456");
    const forged = { ...real, capabilities: [...real.capabilities] } as AccessGrant;
    await expect(requestBankDetailsChange(world.db, keys, world.transports, forged, { ...form, ip: freshIp() })).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("sans coordonnée confirmée (Claire), pas de code ni de changement en attente : le message l'explique", async () => {
    const grant = await grantOf("MARTIN", "Claire", "0412345");
    const pending = await world.db.changementCoordonneesBancaires.count();
    expect(await requestBankDetailsChange(world.db, keys, world.transports, grant, { ...form, ip: freshIp() })).toEqual({
      ok: false,
      reason: "AUCUNE_COORDONNEE_CONFIRMEE",
      message: BANK_FLOW_MESSAGES.aucuneCoordonnee,
    });
    expect(await world.db.changementCoordonneesBancaires.count()).toBe(pending);
  });
});

describe(`coordonnées bancaires : saisies refusées, rien n'est changé (${testDatabaseKind()})`, () => {
  it.each([
    ["un IBAN invalide (clé de contrôle)", { iban: "FR76 3000 6000 0112 3456 7890 188" }, { iban: BANK_MESSAGES.ibanCle }],
    ["un IBAN d'un pays hors SEPA", { iban: "US12 3456 7890 1234" }, { iban: BANK_MESSAGES.ibanHorsSepa("États-Unis") }],
    ["un IBAN de la mauvaise longueur", { iban: "FR76 3000 6000 0112 3456 7890 18" }, { iban: BANK_MESSAGES.ibanLongueur("France", 27, 26) }],
    ["un BIC mal formé", { bic: "BNPAFR" }, { bic: BANK_MESSAGES.bicFormat }],
    ["le BIC d'un autre pays", { bic: "COBADEFFXXX" }, { bic: BANK_MESSAGES.bicPays("Allemagne", "France") }],
    ["un titulaire vide", { titulaire: "" }, { titulaire: BANK_MESSAGES.titulaireVide }],
  ])("%s", async (_label, input, fieldErrors) => {
    const grant = await grantOf("BERNARD", "Sophie", "0523456");
    const before = { iban: await currentIban("0523456"), pending: await world.db.changementCoordonneesBancaires.count(), codes: await world.db.codeVerification.count(), outbox: await world.db.messageSortant.count() };
    expect(await requestBankDetailsChange(world.db, keys, world.transports, grant, { ...form, ...input, ip: freshIp() })).toEqual({ ok: false, reason: "SAISIE_INVALIDE", fieldErrors });
    expect({ iban: await currentIban("0523456"), pending: await world.db.changementCoordonneesBancaires.count(), codes: await world.db.codeVerification.count(), outbox: await world.db.messageSortant.count() }).toEqual(before);
  });
});

describe(`coordonnées bancaires : le code (${testDatabaseKind()})`, () => {
  it("un code faux ne change rien et compte un essai ; le bon code ensuite applique le changement", async () => {
    const grant = await grantOf("LEFEBVRE", "Léa", "0745678");
    expect(await requestBankDetailsChange(world.db, keys, world.transports, grant, { ...form, titulaire: "Léa Lefebvre", ip: freshIp() })).toMatchObject({ ok: true });
    const code = await latestCodeFor(world.sinks, "+33639981007", /coordonnées bancaires|coordonnees bancaires/);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await confirmBankDetailsChange(world.db, keys, grant, { code: wrong, ip: freshIp() })).toEqual({ ok: false, reason: "INCORRECT", essaisRestants: MAX_CODE_TRIES - 1, message: CODE_MESSAGES.incorrect(MAX_CODE_TRIES - 1) });
    expect(await confirmBankDetailsChange(world.db, keys, grant, { code: "12a", ip: freshIp() })).toMatchObject({ ok: false, reason: "MAL_FORME" });
    expect(await currentIban("0745678")).toBe(DEMO_IBANS["0745678"]);
    expect(await confirmBankDetailsChange(world.db, keys, grant, { code, ip: freshIp() })).toMatchObject({ ok: true, dejaApplique: false });
    expect(await currentIban("0745678")).toBe(IBAN_A);
  });

  it("un code expiré ne change rien : il faut saisir de nouveau les coordonnées", async () => {
    const grant = await grantOf("GIRARD", "Jeanne", "0967890");
    const sentAt = new Date(Date.now() - 11 * 60_000);
    expect(await requestBankDetailsChange(world.db, keys, world.transports, grant, { ...form, ip: freshIp(), now: sentAt })).toMatchObject({ ok: true, canal: "SMS" });
    const code = await latestCodeFor(world.sinks, "+33639981008", /coordonnées bancaires|coordonnees bancaires/);
    expect(await confirmBankDetailsChange(world.db, keys, grant, { code, ip: freshIp() })).toEqual({ ok: false, reason: "CHANGEMENT_EXPIRE", message: BANK_FLOW_MESSAGES.changementExpire });
    expect(await pendingBankDetailsChange(world.db, keys, grant)).toBeNull();
    expect(await currentIban("0967890")).toBe(DEMO_IBANS["0967890"]);
  });

  it("un code déjà utilisé ne resservira pas : une seconde demande avec l'ancien code est refusée", async () => {
    const grant = await grantOf("BERNARD", "Sophie", "0523456");
    const first = await changeThrough(grant, "sophie.bernard@example.org", { ...form, iban: IBAN_A });
    expect(first).toMatchObject({ ok: true });
    const used = await latestCodeFor(world.sinks, "sophie.bernard@example.org", /coordonnées bancaires|coordonnees bancaires/);
    expect(await requestBankDetailsChange(world.db, keys, world.transports, grant, { ...form, iban: IBAN_B, bic: "COBADEFFXXX", ip: freshIp() })).toMatchObject({ ok: true });
    expect(await confirmBankDetailsChange(world.db, keys, grant, { code: used, ip: freshIp() })).toMatchObject({ ok: false, reason: "DEJA_UTILISE" });
    expect(await currentIban("0523456")).toBe(IBAN_A);
  });

  it("un nouveau code remplace le précédent, et prolonge le changement en attente", async () => {
    const grant = await grantOf("BERNARD", "Sophie", "0523456");
    const before = await pendingBankDetailsChange(world.db, keys, grant);
    expect(before).toMatchObject({ etat: "EN_ATTENTE", canal: "EMAIL", ibanFin: "3000" });
    const old = await latestCodeFor(world.sinks, "sophie.bernard@example.org", /coordonnées bancaires|coordonnees bancaires/);
    expect(await resendBankDetailsCode(world.db, keys, world.transports, grant, { ip: freshIp() })).toMatchObject({ ok: true, canal: "EMAIL" });
    const fresh = await latestCodeFor(world.sinks, "sophie.bernard@example.org", /coordonnées bancaires|coordonnees bancaires/);
    expect(fresh).not.toBe(old);
    expect(await confirmBankDetailsChange(world.db, keys, grant, { code: old, ip: freshIp() })).toMatchObject({ ok: false, reason: "REMPLACE" });
    expect(await confirmBankDetailsChange(world.db, keys, grant, { code: fresh, ip: freshIp() })).toMatchObject({ ok: true });
    expect(await currentIban("0523456")).toBe(IBAN_B);
    // The same form submitted again: done, not done twice.
    expect(await confirmBankDetailsChange(world.db, keys, grant, { code: fresh, ip: freshIp() })).toEqual({ ok: true, dejaApplique: true, notices: [] });
    expect(await pendingBankDetailsChange(world.db, keys, grant)).toEqual({ etat: "APPLIQUE" });
  });

  it("un changement en attente est lié à la personne : Sophie ne peut pas utiliser celui de Karim", async () => {
    const karim = await grantOf("BERNARD", "Karim", "0523456");
    const sophie = await grantOf("BERNARD", "Sophie", "0523456");
    expect(await requestBankDetailsChange(world.db, keys, world.transports, karim, { ...form, ip: freshIp() })).toMatchObject({ ok: true });
    const code = await latestCodeFor(world.sinks, "+33639981004", /coordonnées bancaires|coordonnees bancaires/);
    const pendingRows = await world.db.changementCoordonneesBancaires.count({ where: { utiliseLe: null, annuleLe: null } });
    await confirmBankDetailsChange(world.db, keys, sophie, { code, ip: freshIp() });
    expect(await currentIban("0523456")).toBe(IBAN_B);
    expect(await world.db.changementCoordonneesBancaires.count({ where: { utiliseLe: null, annuleLe: null } })).toBe(pendingRows);
    expect(await pendingBankDetailsChange(world.db, keys, karim)).toMatchObject({ etat: "EN_ATTENTE" });
    expect(await confirmBankDetailsChange(world.db, keys, karim, { code, ip: freshIp() })).toMatchObject({ ok: true });
    expect(await currentIban("0523456")).toBe(IBAN_A);
  });

  it("vingt validations simultanées du même code n'appliquent le changement qu'une fois", async () => {
    const grant = await grantOf("PETIT", "Marc", "0634567");
    const rowsBefore = await world.db.coordonneesBancaires.count({ where: { foyerId: grant.dossier.id } });
    const journalBefore = await world.db.journalAudit.count({ where: { type: BANK_DETAILS_JOURNAL_TYPE, foyerId: grant.dossier.id } });
    expect(await requestBankDetailsChange(world.db, keys, world.transports, grant, { iban: IBAN_B, bic: "COBADEFFXXX", titulaire: "Marc Petit", ip: freshIp() })).toMatchObject({ ok: true });
    const code = await latestCodeFor(world.sinks, "+33639981005", /coordonnées bancaires|coordonnees bancaires/);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => confirmBankDetailsChange(world.db, keys, grant, { code, ip: freshIp() })));
    expect(outcomes.filter((o) => o.ok && !o.dejaApplique)).toHaveLength(1);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await world.db.coordonneesBancaires.count({ where: { foyerId: grant.dossier.id } })).toBe(rowsBefore + 1);
    expect(await world.db.journalAudit.count({ where: { type: BANK_DETAILS_JOURNAL_TYPE, foyerId: grant.dossier.id } })).toBe(journalBefore + 1);
    expect(await currentRows("0634567")).toHaveLength(1);
    expect(await currentIban("0634567")).toBe(IBAN_B);
  });
});

describe(`coordonnées bancaires : au repos (${testDatabaseKind()})`, () => {
  it("aucun IBAN n'apparaît en clair dans aucune colonne d'aucune table (coordonnées, changements, journal, boîte d'envoi)", async () => {
    const tables = await world.db.$queryRaw<{ table_name: string }[]>`SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(["CoordonneesBancaires", "ChangementCoordonneesBancaires", "JournalAudit", "MessageSortant"]));
    expect(await world.db.changementCoordonneesBancaires.count()).toBeGreaterThan(0);
    for (const { table_name } of tables) {
      const rows = await world.db.$queryRawUnsafe<{ ligne: string }[]>(`SELECT row_to_json(t)::text AS ligne FROM "${table_name}" t`);
      for (const { ligne } of rows) {
        for (const iban of [IBAN_A, IBAN_B, "30006000011234567890", "370400440532013000", ...Object.values(DEMO_IBANS)]) expect(ligne, table_name).not.toContain(iban);
      }
    }
  });

  it("une ligne de coordonnées bancaires ne se réécrit pas : seule sa clôture est permise", async () => {
    const [row] = await currentRows("0523456");
    await expect(world.db.coordonneesBancaires.update({ where: { id: row!.id }, data: { bic: "AGRIFRPP" } })).rejects.toThrow();
    const [ended] = await world.db.coordonneesBancaires.findMany({ where: { foyerId: row!.foyerId, NOT: { remplaceesLe: null } }, take: 1 });
    await expect(world.db.coordonneesBancaires.update({ where: { id: ended!.id }, data: { remplaceesLe: null } })).rejects.toThrow();
    expect((await currentRows("0523456"))[0]!.bic).toBe(row!.bic);
  });
});
