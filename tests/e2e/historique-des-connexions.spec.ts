// The connection history on the smallest phone screens: every column, "Résultat" included, within 320 px, and no
// scrolling frame that the keyboard could not reach (axe: scrollable-region-focusable), at phone and desktop width.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";

const SMALLEST = { width: 320, height: 640 };

test("l'historique des connexions montre toutes ses colonnes, « Résultat » compris, sur un écran de 320 px @mobile", async ({ browser }) => {
  const context = await browser.newContext({ viewport: SMALLEST });
  const page = await context.newPage();
  await page.goto("/connexion");
  await page.locator("#identifiant").fill("295072A00402138");
  await page.locator("#motDePasse").fill("Maquis2026Caf");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/, { timeout: 30_000 });

  await page.goto("/mon-compte/connexions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Historique de mes connexions");
  const table = page.getByRole("table", { name: "Connexions des 12 derniers mois" });
  await expect(table.getByRole("columnheader")).toHaveText(["Date et heure", "Moyen et appareil", "Résultat"]);
  const results = table.locator("tbody tr td:last-child");
  expect(await results.count()).toBeGreaterThan(0);
  await expect(results.first()).toHaveText(/^(Réussie|Échouée)$/);
  // Every "Résultat" cell lies within the screen, and nothing is wider than it.
  for (const box of await results.evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(SMALLEST.width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALLEST.width);
  await expectNoAxeViolations(page);
  await context.close();
});
