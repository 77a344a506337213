import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";

test("un identifiant mal formé affiche l'erreur précise, garde la saisie et place le focus sur le résumé", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByRole("textbox", { name: /^Identifiant/ }).fill("2 88 03 69 123 045 28");
  await page.locator("#motDePasse").fill("n'importe quoi");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.locator("#connexion-message")).toContainText("La clé de contrôle ne correspond pas au numéro saisi");
  await expect(page.locator("#connexion-message")).toBeFocused();
  await expect(page.locator("#identifiant")).toHaveValue("2 88 03 69 123 045 28");
  await expect(page.locator("#identifiant")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
});

test("un formulaire vide indique les deux champs à remplir", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.locator("#connexion-message")).toContainText("Saisissez votre identifiant");
  await expect(page.locator("#connexion-message")).toContainText("Saisissez votre mot de passe.");
});

test.describe("sans JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("le formulaire de connexion fonctionne comme un simple envoi de formulaire", async ({ page }) => {
    await page.goto("/connexion");
    await page.locator("#identifiant").fill("X123");
    await page.locator("#motDePasse").fill("secret");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.locator("#connexion-message")).toContainText("Le formulaire contient des erreurs.");
  });
});
