// "Mes coordonnées" (docs/regles/coordonnees.md): a new e-mail address or mobile number counts only once confirmed by
// the code sent to it; until then the confirmed value stays in force (double authentification, recovery, notices);
// on confirmation the former value is told and the change is journaled; a value confirmed by someone else can never
// be confirmed; a person always keeps one confirmed contact detail. Real database, real SMTP and SMS sinks.
import { describe, expect, it } from "vitest";
import { decideSelfAccess, type SelfGrant } from "../../lib/access/self-grant";
import { verifiedEmailOf } from "../../lib/auth/second-factor";
import { startPasswordRecovery } from "../../lib/auth/recovery/password-recovery";
import {
  CONTACT_CHANGE_MESSAGES,
  cancelContactChange,
  confirmContactChange,
  pendingChangeCode,
  readOwnContacts,
  removeContact,
  requestContactChange,
  resendContactChangeCode,
} from "../../lib/contacts/contact-change";
import { CONTACT_MESSAGES, readContacts } from "../../lib/contacts/contact-details";
import { MOBILE_MESSAGES } from "../../lib/identity/mobile";
import { latestCodeFor, ipSequence, personneIdByName, seededWorld } from "../support/seeded-world";
import { testDatabaseKind } from "../support/test-database";

const world = seededWorld();
const { keys } = world;
const freshIp = ipSequence("203.0.113");

async function grantOf(nom: string, prenom: string): Promise<SelfGrant> {
  return decideSelfAccess(await personneIdByName(world.db, nom, prenom));
}


const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe(`changement de coordonnées depuis l'espace (${testDatabaseKind()})`, () => {
  it("la nouvelle adresse ne compte qu'une fois confirmée par son code ; l'ancienne est avertie ; le changement est journalisé", async () => {
    const sophie = await grantOf("BERNARD", "Sophie");
    const requested = await requestContactChange(world.db, keys, world.transports, sophie, { type: "EMAIL", value: " sophie.nouvelle@Example.org ", ip: freshIp() });
    expect(requested).toMatchObject({ ok: true, type: "EMAIL", envoi: { ok: true, statut: "ENVOYE" } });

    // Pending: nothing in force changed — the login code and the recovery still use the confirmed address.
    expect((await readContacts(world.db, keys, sophie.sujetId)).EMAIL).toEqual({ type: "EMAIL", value: "sophie.bernard@example.org", verifiee: true });
    expect(await verifiedEmailOf(world.db, keys, sophie.sujetId)).toBe("sophie.bernard@example.org");
    const recovery = await startPasswordRecovery(world.db, keys, world.transports, { identifiant: "290013306308710", contact: "sophie.nouvelle@example.org", ip: freshIp() });
    expect(recovery).toMatchObject({ ok: true, messageId: null });
    const recoveryCode = await world.db.codeVerification.findFirstOrThrow({ where: { objet: "MOT_DE_PASSE_OUBLIE" }, orderBy: { emisLe: "desc" } });
    expect(recoveryCode.personneId).toBeNull();
    const lines = await readOwnContacts(world.db, keys, sophie);
    expect(lines.EMAIL).toMatchObject({ actuelle: { affichee: "sophie.bernard@example.org", verifiee: true }, enAttente: { affichee: "sophie.nouvelle@example.org" } });
    expect(await pendingChangeCode(world.db, keys, sophie, { type: "EMAIL" })).toMatchObject({ type: "EMAIL", nouveauxCodesRestants: expect.any(Number) });

    const code = await latestCodeFor(world.sinks, "sophie.nouvelle@example.org");
    const confirmed = await confirmContactChange(world.db, keys, world.transports, sophie, { type: "EMAIL", code, ip: freshIp() });
    expect(confirmed).toEqual({ ok: true, type: "EMAIL", ancienneAvertie: true });
    expect((await readContacts(world.db, keys, sophie.sujetId)).EMAIL).toEqual({ type: "EMAIL", value: "sophie.nouvelle@example.org", verifiee: true });
    expect(await verifiedEmailOf(world.db, keys, sophie.sujetId)).toBe("sophie.nouvelle@example.org");
    expect(await world.db.coordonneeEnAttente.count({ where: { personneId: sophie.sujetId } })).toBe(0);

    const notice = (await world.sinks.received((m) => m.to.includes("sophie.bernard@example.org")))[0];
    expect(notice?.subject).toContain("adresse électronique a été modifiée");
    expect(notice?.text).toContain("contactez votre Caf");
    expect(notice?.text).not.toContain("sophie.nouvelle");

    const entries = await world.db.journalAudit.findMany({ where: { type: "COORDONNEE_MODIFIEE", sujetId: sophie.sujetId } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ acteur: sophie.sujetId, details: { coordonnee: "EMAIL", titre: "titulaire" } });
    expect(JSON.stringify(entries[0]!.details)).not.toContain("example.org");

    // The same code cannot confirm anything twice.
    expect(await confirmContactChange(world.db, keys, world.transports, sophie, { type: "EMAIL", code, ip: freshIp() })).toMatchObject({ ok: false, reason: "AUCUN_CHANGEMENT" });
  });

  it("un code faux ou expiré ne change rien", async () => {
    const lea = await grantOf("LEFEBVRE", "Léa");
    const before = await readContacts(world.db, keys, lea.sujetId);
    const now = new Date();
    expect(await requestContactChange(world.db, keys, world.transports, lea, { type: "MOBILE", value: "06 12 34 56 70", ip: freshIp(), now })).toMatchObject({ ok: true });
    const code = await latestCodeFor(world.sinks, "+33612345670");

    expect(await confirmContactChange(world.db, keys, world.transports, lea, { type: "MOBILE", code: wrong(code), ip: freshIp(), now })).toMatchObject({ ok: false, reason: "INCORRECT" });
    expect(await readContacts(world.db, keys, lea.sujetId)).toEqual(before);

    const later = new Date(now.getTime() + 11 * 60_000); // an SMS code lasts 10 minutes
    expect(await confirmContactChange(world.db, keys, world.transports, lea, { type: "MOBILE", code, ip: freshIp(), now: later })).toMatchObject({ ok: false, reason: "EXPIRE" });
    expect(await readContacts(world.db, keys, lea.sujetId)).toEqual(before);
    expect(await world.db.journalAudit.count({ where: { type: "COORDONNEE_MODIFIEE", sujetId: lea.sujetId } })).toBe(0);
    expect(await cancelContactChange(world.db, lea, { type: "MOBILE" })).toBe(true);
    expect(await world.db.coordonneeEnAttente.count({ where: { personneId: lea.sujetId } })).toBe(0);
    // Once cancelled, the code confirms nothing and no new code can be asked for.
    expect(await confirmContactChange(world.db, keys, world.transports, lea, { type: "MOBILE", code, ip: freshIp(), now })).toMatchObject({ ok: false, reason: "AUCUN_CHANGEMENT" });
    expect(await resendContactChangeCode(world.db, keys, world.transports, lea, { type: "MOBILE", ip: freshIp() })).toMatchObject({ ok: false, reason: "AUCUN_CHANGEMENT" });
    expect(await pendingChangeCode(world.db, keys, lea, { type: "MOBILE" })).toBeNull();
    expect(await cancelContactChange(world.db, lea, { type: "MOBILE" })).toBe(false);
    expect(await readContacts(world.db, keys, lea.sujetId)).toEqual(before);
  });

  it("un code envoyé à une valeur remplacée depuis ne confirme pas la nouvelle", async () => {
    const jeanne = await grantOf("GIRARD", "Jeanne");
    expect(await requestContactChange(world.db, keys, world.transports, jeanne, { type: "EMAIL", value: "jeanne.premiere@example.org", ip: freshIp() })).toMatchObject({ ok: true });
    const first = await latestCodeFor(world.sinks, "jeanne.premiere@example.org");
    expect(await requestContactChange(world.db, keys, world.transports, jeanne, { type: "EMAIL", value: "jeanne.seconde@example.org", ip: freshIp() })).toMatchObject({ ok: true });
    const outcome = await confirmContactChange(world.db, keys, world.transports, jeanne, { type: "EMAIL", code: first, ip: freshIp() });
    expect(outcome.ok).toBe(false);
    expect((await readContacts(world.db, keys, jeanne.sujetId)).EMAIL).toBeUndefined();
    const second = await latestCodeFor(world.sinks, "jeanne.seconde@example.org");
    expect(await confirmContactChange(world.db, keys, world.transports, jeanne, { type: "EMAIL", code: second, ip: freshIp() })).toMatchObject({ ok: true, ancienneAvertie: false });
    expect((await readContacts(world.db, keys, jeanne.sujetId)).EMAIL).toMatchObject({ value: "jeanne.seconde@example.org", verifiee: true });
  });

  it("la valeur confirmée d'une autre personne est refusée à la demande, et à la confirmation si elle l'a confirmée entre-temps", async () => {
    const thomas = await grantOf("MOREAU", "Thomas");
    const ines = await grantOf("ROCHE", "Inès");
    // Karim's mobile is confirmed in his space.
    expect(await requestContactChange(world.db, keys, world.transports, thomas, { type: "MOBILE", value: "06 39 98 10 04", ip: freshIp() })).toEqual({ ok: false, field: "mobile", message: CONTACT_MESSAGES.mobilePris });

    expect(await requestContactChange(world.db, keys, world.transports, thomas, { type: "EMAIL", value: "foyer@example.org", ip: freshIp() })).toMatchObject({ ok: true });
    const thomasCode = await latestCodeFor(world.sinks, "foyer@example.org");
    expect(await requestContactChange(world.db, keys, world.transports, ines, { type: "EMAIL", value: "foyer@example.org", ip: freshIp() })).toMatchObject({ ok: true });
    const inesCode = await latestCodeFor(world.sinks, "foyer@example.org");
    expect(await confirmContactChange(world.db, keys, world.transports, ines, { type: "EMAIL", code: inesCode, ip: freshIp() })).toMatchObject({ ok: true });

    expect(await confirmContactChange(world.db, keys, world.transports, thomas, { type: "EMAIL", code: thomasCode, ip: freshIp() })).toEqual({
      ok: false,
      reason: "DEJA_CONFIRMEE_AILLEURS",
      message: CONTACT_MESSAGES.dejaConfirmeeAilleurs,
    });
    expect((await readContacts(world.db, keys, thomas.sujetId)).EMAIL).toBeUndefined();
    expect(await world.db.coordonneeEnAttente.count({ where: { personneId: thomas.sujetId } })).toBe(0);
    expect((await readContacts(world.db, keys, ines.sujetId)).EMAIL).toMatchObject({ value: "foyer@example.org", verifiee: true });
  });

  it("deux confirmations simultanées avec le même code : une seule réussit, un seul avis part", async () => {
    const marc = await grantOf("PETIT", "Marc");
    expect(await requestContactChange(world.db, keys, world.transports, marc, { type: "MOBILE", value: "07 45 67 89 01", ip: freshIp() })).toMatchObject({ ok: true });
    const code = await latestCodeFor(world.sinks, "+33745678901");
    const results = await Promise.all([0, 1, 2].map(() => confirmContactChange(world.db, keys, null, marc, { type: "MOBILE", code, ip: freshIp() })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await world.db.journalAudit.count({ where: { type: "COORDONNEE_MODIFIEE", sujetId: marc.sujetId } })).toBe(1);
    const outbox = await world.db.messageSortant.count({ where: { canal: "SMS", sujet: null, statut: "EN_ATTENTE" } });
    expect(outbox).toBe(1); // the notice to the former number, left to the worker (no world.transports here)
    expect((await readContacts(world.db, keys, marc.sujetId)).MOBILE).toMatchObject({ value: "+33745678901", verifiee: true });
  });

  it("chaque saisie invalide est refusée avec un message précis, sans rien écrire", async () => {
    const lea = await grantOf("LEFEBVRE", "Léa");
    const cases: [unknown, unknown, { field?: string; message: string }][] = [
      ["TELEPHONE", "0612345678", { message: CONTACT_CHANGE_MESSAGES.typeInconnu }],
      [null, "0612345678", { message: CONTACT_CHANGE_MESSAGES.typeInconnu }],
      ["EMAIL", "   ", { field: "email", message: CONTACT_CHANGE_MESSAGES.emailObligatoire }],
      ["EMAIL", undefined, { field: "email", message: CONTACT_CHANGE_MESSAGES.emailObligatoire }],
      ["EMAIL", `${"a".repeat(250)}@example.org`, { field: "email", message: CONTACT_CHANGE_MESSAGES.emailTropLong }],
      ["EMAIL", "lea.example.org", { field: "email", message: expect.stringContaining("@") }],
      ["MOBILE", "", { field: "mobile", message: CONTACT_CHANGE_MESSAGES.mobileObligatoire }],
      ["MOBILE", "04 78 12 34 56", { field: "mobile", message: MOBILE_MESSAGES.fixe }],
      ["MOBILE", "+44 7911 123456", { field: "mobile", message: MOBILE_MESSAGES.etranger }],
      ["MOBILE", "06 39 98 10 07", { field: "mobile", message: CONTACT_CHANGE_MESSAGES.mobileDejaLeVotre }],
    ];
    for (const [type, value, expected] of cases) {
      expect(await requestContactChange(world.db, keys, world.transports, lea, { type, value, ip: freshIp() })).toEqual({ ok: false, ...expected });
    }
    expect(await world.db.coordonneeEnAttente.count({ where: { personneId: lea.sujetId } })).toBe(0);
    expect(await world.db.codeVerification.count({ where: { personneId: lea.sujetId, objet: "CONFIRMATION_CONTACT", emisLe: { gt: new Date(Date.now() - 1000) } } })).toBe(0);
  });

  it("on ne retire une coordonnée confirmée que s'il en reste une autre confirmée ; la coordonnée retirée est avertie", async () => {
    const lea = await grantOf("LEFEBVRE", "Léa");
    expect(await removeContact(world.db, keys, world.transports, lea, { type: "MOBILE", ip: freshIp() })).toEqual({ ok: false, reason: "DERNIERE_CONFIRMEE", message: CONTACT_CHANGE_MESSAGES.derniereConfirmee });
    expect(await removeContact(world.db, keys, world.transports, lea, { type: "EMAIL", ip: freshIp() })).toMatchObject({ ok: false, reason: "RIEN_A_RETIRER" });
    expect((await readContacts(world.db, keys, lea.sujetId)).MOBILE).toMatchObject({ verifiee: true });

    const karim = await grantOf("BERNARD", "Karim"); // confirmed mobile, unconfirmed e-mail
    expect(await removeContact(world.db, keys, world.transports, karim, { type: "EMAIL", ip: freshIp() })).toEqual({ ok: true, ancienneAvertie: false });
    expect(await removeContact(world.db, keys, world.transports, karim, { type: "MOBILE", ip: freshIp() })).toMatchObject({ ok: false, reason: "DERNIERE_CONFIRMEE" });

    const sophie = await grantOf("BERNARD", "Sophie"); // both confirmed
    const outcomes = await Promise.all([
      removeContact(world.db, keys, world.transports, sophie, { type: "EMAIL", ip: freshIp() }),
      removeContact(world.db, keys, world.transports, sophie, { type: "MOBILE", ip: freshIp() }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const left = await readContacts(world.db, keys, sophie.sujetId);
    expect(Object.values(left).filter((c) => c.verifiee)).toHaveLength(1);
    expect(await world.db.journalAudit.count({ where: { type: "COORDONNEE_SUPPRIMEE", sujetId: sophie.sujetId } })).toBe(1);
    const removedType = outcomes[0]!.ok ? "EMAIL" : "MOBILE";
    const removedTo = removedType === "EMAIL" ? "sophie.nouvelle@example.org" : "+33639981003";
    expect((await world.sinks.received((m) => m.to.includes(removedTo)))[0]?.text).toContain("retiré");
  });

  it("un droit sur soi fabriqué hors du module d'accès est refusé", async () => {
    const forged = { acteurId: "x", sujetId: (await grantOf("LEFEBVRE", "Léa")).sujetId, capabilities: new Set(["MODIFIER_SES_COORDONNEES"]), decidedAt: new Date() } as unknown as SelfGrant;
    await expect(requestContactChange(world.db, keys, world.transports, forged, { type: "EMAIL", value: "x@example.org", ip: freshIp() })).rejects.toThrow(/Accès refusé/);
    await expect(readOwnContacts(world.db, keys, forged)).rejects.toThrow(/Accès refusé/);
    await expect(resendContactChangeCode(world.db, keys, world.transports, forged, { type: "EMAIL", ip: freshIp() })).rejects.toThrow(/Accès refusé/);
  });
});
