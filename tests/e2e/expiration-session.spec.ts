import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";

test("après 25 minutes sans activité, un avertissement accessible propose de rester connecté", async ({ page }) => {
  await page.clock.install();
  await page.goto("/connexion");
  await page.locator("#identifiant").fill("281109205004516");
  await page.locator("#motDePasse").fill("Nanterre2026Caf");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await expect(page.getByRole("alertdialog")).toHaveCount(0);

  await page.clock.fastForward("25:01");
  const dialog = page.getByRole("alertdialog", { name: "Votre session va bientôt expirer" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Rester connecté" })).toBeFocused();
  await expectNoAxeViolations(page);

  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Inès");
});

test("sans réponse, la session se termine au bout de 30 minutes et la page de connexion le dit", async ({ page }) => {
  await page.clock.install();
  await page.goto("/connexion");
  await page.locator("#identifiant").fill("281109205004516");
  await page.locator("#motDePasse").fill("Nanterre2026Caf");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await page.clock.fastForward("30:01");
  await expect(page).toHaveURL(/\/connexion\?raison=expiree$/);
  await expect(page.getByText("Votre session a pris fin.")).toBeVisible();
});
