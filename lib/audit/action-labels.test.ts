// The action journal's catalogue: every type the code writes has its words, and the sentences say who acted, how
// and for which dossier — "Coordonnées bancaires modifiées par Karim BERNARD (délégation) pour le dossier 0523456".
import path from "node:path";
import { describe, expect, it } from "vitest";
import { journalTypesInCode } from "../../tests/support/journal-types-in-code";
import { ACTION_LABELS, actionLabel, actionSentence, displayName, typesOf, type SentenceContext } from "./action-labels";

const SOPHIE = "11111111-1111-4111-8111-111111111111";
const KARIM = "22222222-2222-4222-8222-222222222222";
const names = new Map([
  [SOPHIE, "Sophie BERNARD"],
  [KARIM, "Karim BERNARD"],
]);
const asSophie: SentenceContext = { viewerId: SOPHIE, names, numeroAllocataire: "0523456" };
const asKarim: SentenceContext = { viewerId: KARIM, names, numeroAllocataire: "0523456" };

describe("catalogue des types du journal", () => {
  it("chaque type de journal écrit dans lib/, app/ et scripts/ a un libellé et une catégorie", () => {
    const { types, unresolved } = journalTypesInCode(path.resolve(import.meta.dirname, "../.."));
    expect(unresolved).toEqual([]);
    // The reader finds the types (a sanity floor: if it stopped reading calls, the check below would prove nothing).
    expect(types.size).toBeGreaterThan(30);
    expect([...types.keys()]).toContain("DELEGATION_ACCORDEE");
    expect([...types.keys()]).toContain("DOSSIER_CONSULTE_GUICHET");
    const missing = [...types.entries()].filter(([type]) => actionLabel(type) === null).map(([type, files]) => `${type} (${files.join(", ")})`);
    expect(missing).toEqual([]);
  });

  it("les connexions et les refus d'accès restent internes ; les démarches sur le dossier sont montrées", () => {
    expect(typesOf("interne")).toEqual(expect.arrayContaining(["CONNEXION_REUSSIE", "DECONNEXION", "ACCES_REFUSE", "GUICHET_RIEN_COMMUNIQUE"]));
    expect(typesOf("demarche")).toEqual(
      expect.arrayContaining(["COORDONNEES_BANCAIRES_MODIFIEES", "SEPARATION_DECLAREE", "DELEGATION_ACCORDEE", "DELEGATION_RETIREE", "DELEGATION_TERMINEE_SEPARATION"]),
    );
    expect(typesOf("donnees")).toEqual(expect.arrayContaining(["COORDONNEE_MODIFIEE", "MOT_DE_PASSE_MODIFIE"]));
    expect(actionSentence({ type: "CONNEXION_REUSSIE", acteur: SOPHIE, sujetId: SOPHIE, details: null }, asSophie)).toBeNull();
    expect(actionSentence({ type: "TYPE_INCONNU", acteur: SOPHIE, sujetId: SOPHIE, details: null }, asSophie)).toBeNull();
    expect(actionLabel("toString")).toBeNull();
  });

  it("chaque libellé montré commence par une majuscule et ne finit pas par un point", () => {
    for (const [type, label] of Object.entries(ACTION_LABELS)) {
      expect(label.libelle, type).toMatch(/^[A-ZÉ]/);
      expect(label.libelle, type).not.toMatch(/[.\s]$/);
    }
  });
});

describe("phrase d'une action", () => {
  const bank = { type: "COORDONNEES_BANCAIRES_MODIFIEES", acteur: KARIM, sujetId: SOPHIE, details: { titre: "delegation", numeroAllocataire: "0523456" } };

  it("Sophie lit l'action de Karim avec sa délégation et le dossier", () => {
    expect(actionSentence(bank, asSophie)).toBe("Coordonnées bancaires modifiées par Karim BERNARD (délégation) pour le dossier 0523456");
  });

  it("Karim lit sa propre action « par vous (délégation) »", () => {
    expect(actionSentence(bank, asKarim)).toBe("Coordonnées bancaires modifiées par vous (délégation) pour le dossier 0523456");
  });

  it("une démarche faite à titre propre ne porte pas de mention entre parenthèses", () => {
    expect(actionSentence({ ...bank, acteur: SOPHIE, details: { titre: "titulaire" } }, asKarim)).toBe(
      "Coordonnées bancaires modifiées par Sophie BERNARD pour le dossier 0523456",
    );
    expect(actionSentence({ ...bank, acteur: SOPHIE, details: { titre: "conjoint-allocataire" } }, asKarim)).toBe(
      "Coordonnées bancaires modifiées par Sophie BERNARD (conjoint allocataire) pour le dossier 0523456",
    );
  });

  it("la délégation nomme la personne qui la reçoit", () => {
    const row = { type: "DELEGATION_ACCORDEE", acteur: SOPHIE, sujetId: KARIM, details: { depuis: "espace" } };
    expect(actionSentence(row, asSophie)).toBe("Délégation de gestion du dossier accordée à Karim BERNARD par vous pour le dossier 0523456");
    // Karim reads it in his own history: "à vous" goes without saying.
    expect(actionSentence(row, asKarim)).toBe("Délégation de gestion du dossier accordée par Sophie BERNARD pour le dossier 0523456");
  });

  it("une action de la Caf est « par la Caf », une action du système « automatiquement », sans nom d'agent", () => {
    const own = { ...asSophie, numeroAllocataire: null };
    expect(actionSentence({ type: "COMPTE_SUSPENDU", acteur: "operateur:agent.dupont", sujetId: SOPHIE, details: null }, own)).toBe("Espace suspendu par la Caf");
    expect(actionSentence({ type: "COMPTE_PROTEGE_PAR_CODE", acteur: "systeme", sujetId: SOPHIE, details: null }, own)).toBe(
      "Connexion protégée par un code après des échecs répétés automatiquement",
    );
  });

  it("une coordonnée retirée parce qu'une autre personne l'a confirmée ne dit pas qui", () => {
    const sentence = actionSentence({ type: "COORDONNEE_RETIREE_CONFIRMEE_AILLEURS", acteur: SOPHIE, sujetId: KARIM, details: { canal: "EMAIL" } }, { ...asKarim, numeroAllocataire: null });
    expect(sentence).not.toContain("Sophie");
    expect(sentence).toBe("Coordonnée non confirmée retirée : une autre personne l'a confirmée comme la sienne");
  });

  it("la coordonnée modifiée est nommée, jamais sa valeur", () => {
    const own = { ...asSophie, numeroAllocataire: null };
    expect(actionSentence({ type: "COORDONNEE_MODIFIEE", acteur: SOPHIE, sujetId: SOPHIE, details: { coordonnee: "EMAIL" } }, own)).toBe("Adresse électronique modifiée par vous");
    expect(actionSentence({ type: "COORDONNEE_CONFIRMEE", acteur: SOPHIE, sujetId: SOPHIE, details: { canal: "MOBILE" } }, own)).toBe("Numéro de mobile confirmé par un code par vous");
  });

  it("les informations données au guichet nomment la personne qui les a demandées, pas l'agent", () => {
    const row = { type: "DOSSIER_CONSULTE_GUICHET", acteur: "operateur:agent.dupont", sujetId: KARIM, details: { numeroAllocataire: "0523456" } };
    expect(actionSentence(row, asSophie)).toBe("Informations du dossier données à Karim BERNARD à l'accueil de la Caf pour le dossier 0523456");
    expect(actionSentence(row, asKarim)).toBe("Informations du dossier données à l'accueil de la Caf pour le dossier 0523456");
  });

  it("le nom affiché est le premier prénom et le nom d'usage en capitales", () => {
    expect(displayName({ prenoms: ["Nadia", "Leïla"], nomNaissance: "Haddad", nomUsage: "Petit" })).toBe("Nadia PETIT");
  });
});
