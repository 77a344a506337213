import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { expectTouchTarget } from "./cible-tactile";
import { latestCodeSentTo } from "./messages";

async function loginAsSophie(page: Page) {
  await page.goto("/connexion");
  await page.locator("#identifiant").fill("2 90 01 33 063 087 10");
  await page.locator("#motDePasse").fill("Soleil2026Caf");
  await page.getByRole("button", { name: "Se connecter" }).click();
}

test("Sophie, depuis un nouveau navigateur, reçoit un code par courriel, puis ce navigateur est reconnu", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAsSophie(page);
  await expect(page).toHaveURL(/\/connexion\/code$/);
  await expect(page.getByText("s***d@example.org")).toBeVisible();
  await expect(page.getByText(/Ce code est valable encore 1[45] minutes \(jusqu.à \d\d h \d\d\)\./)).toBeVisible();
  await expectNoAxeViolations(page);

  // A wrong code says how many tries remain, and the error state is accessible too.
  await page.locator("#code").fill("000000");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.locator("#code-message")).toContainText(/incorrect/i);
  await expectNoAxeViolations(page);

  const code = await latestCodeSentTo(browser, "sophie.bernard@example.org");
  await page.locator("#code").fill(code);
  await expectTouchTarget(page.locator('label[for="seSouvenir"]'), "Se souvenir de ce navigateur");
  await page.locator('label[for="seSouvenir"]').click();
  await expect(page.getByLabel(/Se souvenir de ce navigateur pendant 30 jours/)).toBeChecked();
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Sophie");

  // Same browser, next login: no code asked.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await loginAsSophie(page);
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await context.close();

  // Another browser: the code is asked again.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await loginAsSophie(otherPage);
  await expect(otherPage).toHaveURL(/\/connexion\/code$/);
  await other.close();
});

test("une personne sans adresse électronique confirmée n'a pas de code à saisir", async ({ page }) => {
  await page.goto("/connexion");
  await page.locator("#identifiant").fill("187051305520164"); // Karim: e-mail not confirmed
  await page.locator("#motDePasse").fill("Mistral2026Caf");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
});

test("un code mal formé est refusé avec un message clair, sans consommer d'essai", async ({ page }) => {
  await loginAsSophie(page);
  await expect(page).toHaveURL(/\/connexion\/code$/);
  // Five malformed codes (as many as the tries a code allows): none reaches the code check.
  for (const malformed of ["12a45", "1234567", "12 34 5", "abcdef", "١٢٣٤٥٦"]) {
    await page.locator("#code").fill(malformed);
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.locator("#code-message")).toContainText(/6 chiffres/);
  }
  // The first wrong code of the right form is the first try counted: 4 remain.
  await page.locator("#code").fill("000000");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.locator("#code-message")).toContainText("Il vous reste 4 essais avant que ce code ne soit plus valable.");
});
