import { expect, test, type Page } from "@playwright/test";

// The guards of the pages and actions of someone not signed in (lib/auth/guards.ts), in a real browser.
const KARIM = { identifiant: "187051305520164", motDePasse: "Mistral2026Caf" }; // no confirmed e-mail: no code asked

async function fillLogin(page: Page, { identifiant, motDePasse }: { identifiant: string; motDePasse: string }) {
  await page.locator("#identifiant").fill(identifiant);
  await page.locator("#motDePasse").fill(motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

test("une personne connectée qui ouvre la connexion ou une récupération arrive dans son espace", async ({ page }) => {
  await page.goto("/connexion");
  await fillLogin(page, KARIM);
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  for (const path of ["/connexion", "/connexion/code", "/mot-de-passe-oublie", "/mot-de-passe-oublie/code", "/identifiant-oublie"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/tableau-de-bord$/);
  }
});

test("le formulaire de connexion, envoyé par-dessus une session ouverte, ne la remplace pas", async ({ page, context }) => {
  // A login page left open in one tab; meanwhile Karim signs in from another tab of the same browser.
  await page.goto("/connexion");
  const other = await context.newPage();
  await other.goto("/connexion");
  await fillLogin(other, KARIM);
  await expect(other).toHaveURL(/\/tableau-de-bord$/);

  // The first tab's form is sent with someone else's right password: the action itself refuses to sign in again.
  await fillLogin(page, { identifiant: "281109205004516", motDePasse: "Nanterre2026Caf" });
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Karim");
});

test("sans connexion en attente ni récupération en cours, les étapes suivantes renvoient au début", async ({ page }) => {
  await page.goto("/connexion/code");
  await expect(page).toHaveURL(/\/connexion\?raison=expiree$/);
  for (const path of ["/mot-de-passe-oublie/code", "/mot-de-passe-oublie/nouveau-mot-de-passe", "/mot-de-passe-oublie/modifie"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/mot-de-passe-oublie\?raison=expiree$/);
  }
});

test("sans JavaScript, le bouton « Se déconnecter » du bandeau ferme la session", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/connexion");
  await fillLogin(page, KARIM);
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await page.getByRole("button", { name: "Se déconnecter" }).first().click();
  await expect(page).toHaveURL(/\/connexion\?raison=deconnexion$/);
  await page.goto("/tableau-de-bord");
  await expect(page).toHaveURL(/\/connexion\?retour=%2Ftableau-de-bord$/);
  await context.close();
});
