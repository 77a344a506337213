// The access table (docs/regles/acces.md), cell by cell, through the real pages: each kind of person opens the page
// of each capability on their dossier, and gets it or the "page introuvable" — the same answer as for a dossier that
// does not exist. Then Inès, a conjoint without délégation, goes through every page of the space: nothing of the
// dossier, no amount, nothing of Thomas. On a portal of its own, so that no other spec's changes (a password
// recovered, a délégation withdrawn) can move a cell.
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { latestCodeSentTo } from "./messages";
import { ownPortal, type OwnPortal } from "./own-portal";

let portal: OwnPortal;
test.describe.configure({ mode: "serial", timeout: 240_000 });
test.beforeAll(async () => {
  test.setTimeout(300_000);
  portal = ownPortal(Number(process.env.E2E_PORT ?? 3100) + 110);
  await portal.start();
});
test.afterAll(async () => portal?.dispose());

type Persona = { who: string; nir: string; motDePasse: string; email?: string; numero: string };

const SOPHIE: Persona = { who: "allocataire en couple (Sophie)", nir: "290013306308710", motDePasse: "Soleil2026Caf", email: "sophie.bernard@example.org", numero: "0523456" };
const INES: Persona = { who: "conjoint sans délégation (Inès)", nir: "281109205004516", motDePasse: "Nanterre2026Caf", numero: "0698765" };
const KARIM: Persona = { who: "conjoint avec délégation (Karim)", nir: "187051305520164", motDePasse: "Mistral2026Caf", numero: "0523456" };
const NADIA: Persona = { who: "conjoint allocataire (Nadia)", nir: "284064410903322", motDePasse: "Loire2026Caf", numero: "0634567" };
const LEA: Persona = { who: "allocataire seule (Léa)", nir: "295072A00402138", motDePasse: "Maquis2026Caf", numero: "0745678" };
const LUCAS: Persona = { who: "enfant majeur avec un compte (Lucas)", nir: "105069205012359", motDePasse: "Rivage2026Caf", numero: "0698765" };
const MARC_CHEZ_SOPHIE: Persona = { who: "personne d'un autre foyer (Marc, sur le dossier de Sophie)", nir: "182023155507830", motDePasse: "Garonne2026Caf", numero: "0523456" };

/** The page of each capability, on a given dossier (own-data pages are always the person's own). */
const PAGES = {
  VOIR_SES_DONNEES: () => "/mon-compte/informations-personnelles",
  MODIFIER_SES_COORDONNEES: () => "/mon-compte/coordonnees",
  DECLARER_SEPARATION: (n: string) => `/mon-compte/dossier/${n}/separation`,
  VOIR_DOSSIER: (n: string) => `/mon-compte/dossier/${n}`,
  FAIRE_DEMARCHES: (n: string) => `/mon-compte/dossier/${n}/coordonnees-bancaires`,
  VOIR_JOURNAL_DOSSIER: (n: string) => `/mon-compte/dossier/${n}/historique`,
  GERER_DELEGATION: (n: string) => `/mon-compte/dossier/${n}/delegation`,
} as const;
type Capability = keyof typeof PAGES;
const CAPABILITIES = Object.keys(PAGES) as Capability[];

const Y = true;
const N = false;
// Written from the rules:          own data, contacts, separation, dossier, démarches, journal, délégation
const TABLE: [Persona, boolean[]][] = [
  [SOPHIE, [Y, Y, Y, Y, Y, Y, Y]],
  [INES, [Y, Y, Y, N, N, N, N]],
  [KARIM, [Y, Y, Y, Y, Y, Y, N]],
  [NADIA, [Y, Y, Y, Y, Y, Y, N]],
  [LEA, [Y, Y, N, Y, Y, Y, N]],
  [LUCAS, [Y, Y, N, N, N, N, N]],
  [MARC_CHEZ_SOPHIE, [Y, Y, N, N, N, N, N]],
];

async function signIn(browser: Browser, persona: Persona, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: portal.origin, ...options });
  const page = await context.newPage();
  await page.goto("/connexion");
  await page.locator("#identifiant").fill(persona.nir);
  await page.locator("#motDePasse").fill(persona.motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
  if (persona.email) {
    await expect(page).toHaveURL(/\/connexion\/code$/);
    await page.locator("#code").fill(await latestCodeSentTo(browser, persona.email, portal.origin));
    await page.getByRole("button", { name: "Valider" }).click();
  }
  await expect(page).toHaveURL(/\/tableau-de-bord$/, { timeout: 30_000 });
  return page;
}

for (const [persona, row] of TABLE) {
  test(`table des accès, par les pages : ${persona.who}`, async ({ browser }) => {
    const page = await signIn(browser, persona);
    for (const [index, capability] of CAPABILITIES.entries()) {
      const allowed = row[index]!;
      const response = await page.goto(PAGES[capability](persona.numero));
      const heading = page.getByRole("heading", { level: 1 });
      if (allowed) {
        expect(response?.status(), `${capability} ouvert`).toBe(200);
        await expect(heading).not.toHaveText("Page introuvable");
      } else {
        expect(response?.status(), `${capability} refusé`).toBe(404);
        await expect(heading).toHaveText("Page introuvable");
      }
    }
    // A dossier that does not exist answers exactly like one the person may not see.
    const missing = await page.goto(PAGES.VOIR_DOSSIER("0000001"));
    expect(missing?.status()).toBe(404);
    await page.context().close();
  });
}

test("Inès ne voit que ses propres données sur chaque page de l'espace, y compris les adresses du dossier de Thomas tapées à la main", async ({ browser }) => {
  const page = await signIn(browser, INES);
  const pages = [
    "/tableau-de-bord",
    "/mon-compte/informations-personnelles",
    "/mon-compte/coordonnees",
    "/mon-compte/historique-des-actions",
    "/mon-compte/connexions",
    "/mon-compte/mot-de-passe",
    ...Object.values(PAGES).map((href) => href("0698765")),
    "/mon-compte/dossier/0698765/coordonnees-bancaires/code",
    "/mon-compte/delegation",
  ];
  for (const href of pages) {
    await page.goto(href);
    const text = await page.locator("main").innerText();
    expect(text, href).not.toMatch(/Thomas|Hugo|€|Allocations familiales|Aide personnalisée au logement|\bAPL\b|Prochain paiement/);
  }
  await page.goto("/tableau-de-bord");
  await expect(page.getByRole("link", { name: "Voir le dossier : foyer, prestations et paiements" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Déclarer une séparation" })).toBeVisible();
  await page.context().close();
});

test("Léa, allocataire seule, ne voit jamais la délégation ; Sophie lit le sien dans son tableau de bord", async ({ browser }) => {
  const lea = await signIn(browser, LEA);
  await expect(lea.locator("main")).not.toContainText(/délégation/i);
  await lea.getByRole("link", { name: "Voir le dossier : foyer, prestations et paiements" }).click();
  await expect(lea.getByRole("heading", { level: 1, name: "Mon dossier" })).toBeVisible();
  await expect(lea.locator("main")).not.toContainText(/délégation/i);
  await lea.context().close();

  const sophie = await signIn(browser, SOPHIE);
  await expect(sophie.getByText("Vous avez délégué la gestion de votre dossier à Karim BERNARD.")).toBeVisible();
  await expect(sophie.getByText(/Prochain paiement prévu le/)).toBeVisible();
  await sophie.context().close();
});

test("tableau de bord et « Mon dossier » : sans violation axe, lisibles sur un téléphone de 390 px, et sans JavaScript @mobile", async ({ browser }) => {
  const phone = { width: 390, height: 844 };
  // axe needs JavaScript in the page: the accessibility check runs at 390 px with it, the same pages then without it.
  for (const javaScriptEnabled of [true, false]) {
    const page = await signIn(browser, KARIM, { javaScriptEnabled, viewport: phone });
    await expect(page.getByText("Sophie BERNARD vous a délégué la gestion du dossier")).toBeVisible();
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Voir le dossier : foyer, prestations et paiements" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mon dossier" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Paiements des douze derniers mois/ }).locator("tbody tr")).toHaveCount(24);
    if (javaScriptEnabled) {
      // Nothing wider than the screen: the tables scroll inside their own frame.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
      await expectNoAxeViolations(page);
    }
    await page.context().close();
  }
});
