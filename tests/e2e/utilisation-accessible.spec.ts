// Everyday use on a phone, with the keyboard and without JavaScript (docs/regles/accessibilite.md): logging out
// without JavaScript at 390 px, targets a finger can hit, a failed form sent without JavaScript that opens on its
// errors (its summary focused and on screen), and no hidden dialog title that a screen reader could take for the page's.
// This file runs after the others (alphabetical order): Léa only signs in and out here.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { expectTouchTarget } from "./cible-tactile";

const PHONE = { width: 390, height: 844 };
const LEA = { identifiant: "295072A00402138", motDePasse: "Maquis2026Caf" };

async function phone(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, who = LEA) {
  await page.goto("/connexion");
  await page.locator("#identifiant").fill(who.identifiant);
  await page.locator("#motDePasse").fill(who.motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
}

test("sur un téléphone sans JavaScript, « Se déconnecter » est visible hors du menu et ferme la session", async ({ browser }) => {
  const { context, page } = await phone(browser, false);
  await signIn(page);
  // The header's "Menu" panel needs JavaScript: the button used here is outside it, visible at 390 px.
  const logout = page.getByRole("navigation", { name: "Session" }).getByRole("button", { name: "Se déconnecter" });
  await expect(logout).toBeVisible();
  await expectTouchTarget(logout, "Se déconnecter");
  await logout.click();
  await expect(page).toHaveURL(/\/connexion\?raison=deconnexion$/);
  await page.goto("/tableau-de-bord");
  await expect(page).toHaveURL(/\/connexion\?retour=%2Ftableau-de-bord$/);
  await context.close();
});

test("sur un téléphone avec JavaScript, le bouton de déconnexion hors menu passe axe ; sur un grand écran il laisse la place à l'en-tête", async ({ browser, page }) => {
  const small = await phone(browser, true);
  await signIn(small.page);
  await expect(small.page.getByRole("navigation", { name: "Session" }).getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await expectNoAxeViolations(small.page);
  await small.context.close();

  await signIn(page);
  await expect(page.getByRole("navigation", { name: "Session" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(1);
});

test("à 390 px, les liens et cases les plus touchés mesurent au moins 44 × 44 px", async ({ browser }) => {
  const { context, page } = await phone(browser, true);
  await page.goto("/connexion");
  await expectTouchTarget(page.getByRole("link", { name: "Identifiant oublié" }), "Identifiant oublié");
  await expectTouchTarget(page.getByRole("link", { name: "Mot de passe oublié" }), "Mot de passe oublié");
  await page.goto("/mot-de-passe-oublie");
  await expectTouchTarget(page.getByRole("link", { name: "Retour à la connexion" }), "Retour à la connexion");

  await signIn(page);
  await page.goto("/mon-compte/mot-de-passe");
  await expectTouchTarget(page.locator('label[for="afficherMotDePasse"]'), "Afficher le mot de passe");
  // The bigger label still ticks its box, and the box stays level with the label's text.
  await page.locator('label[for="afficherMotDePasse"]').click();
  await expect(page.locator("#afficherMotDePasse")).toBeChecked();
  await expectNoAxeViolations(page);
  await context.close();
});

test.describe("un formulaire refusé, envoyé sans JavaScript, s'ouvre sur ses erreurs", () => {
  const forms = [
    { path: "/connexion", button: "Se connecter", summary: "#connexion-message" },
    { path: "/mot-de-passe-oublie", button: "Recevoir un code", summary: "#identifiant-message" },
    { path: "/identifiant-oublie", button: "Recevoir mon identifiant", summary: "#identifiant-oublie-message" },
  ];
  for (const form of forms) {
    test(`${form.path} : le récapitulatif des erreurs a le focus et s'affiche à l'écran, sur un téléphone`, async ({ browser }) => {
      const { context, page } = await phone(browser, false);
      await page.goto(form.path);
      await page.getByRole("button", { name: form.button }).click();
      const summary = page.locator(form.summary);
      await expect(summary.locator(".fr-alert--error")).toBeVisible();
      await expect(summary).toBeFocused();
      await expect(summary).toBeInViewport();
      await context.close();
    });
  }

  test("avec JavaScript, le titre du document commence par « Erreur : » et le récapitulatif a le focus", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.locator("#connexion-message")).toBeFocused();
    await expect(page).toHaveTitle(/^Erreur : \S/);
    await expectNoAxeViolations(page);
  });
});

test("aucun titre de dialogue caché n'est un <h1> : la page n'en a qu'un, le sien", async ({ page }) => {
  for (const path of ["/", "/connexion", "/mot-de-passe-oublie"]) {
    await page.goto(path);
    await expect(page.locator("h1"), path).toHaveCount(1);
    await expect(page.locator("main h1"), path).toHaveCount(1);
  }
  // The display settings stay reachable, from the footer.
  await page.getByRole("button", { name: "Paramètres d'affichage" }).click();
  const dialog = page.getByRole("dialog", { name: "Paramètres d'affichage" });
  await expect(dialog).toBeVisible();
  await dialog.getByText("Thème sombre").click();
  await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "dark");
  await expectNoAxeViolations(page);
});
