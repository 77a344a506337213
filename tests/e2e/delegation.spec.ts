// The délégation de gestion from the space: Sophie withdraws it (Karim's open session ends at once), then grants it
// again; Karim, a conjoint, can never change it.
import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { latestCodeSentTo } from "./messages";

async function signedIn(browser: Browser, identifiant: string, motDePasse: string, email?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/connexion");
  await page.locator("#identifiant").fill(identifiant);
  await page.locator("#motDePasse").fill(motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
  if (email) {
    await expect(page).toHaveURL(/\/connexion\/code$/);
    await page.locator("#code").fill(await latestCodeSentTo(browser, email));
    await page.getByRole("button", { name: "Valider" }).click();
  }
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  return { context, page };
}

test("Sophie retire la délégation à Karim, dont la session prend fin aussitôt, puis la lui accorde de nouveau", async ({ browser }) => {
  const karim = await signedIn(browser, "187051305520164", "Mistral2026Caf");
  await expect(karim.page.getByText("Sophie BERNARD vous a délégué la gestion du dossier")).toBeVisible();
  // A conjoint may not change the délégation: no button, and nothing to do here.
  await karim.page.goto("/mon-compte/delegation");
  await expect(karim.page.getByText("Elle ne concerne pas votre situation.")).toBeVisible();
  await expect(karim.page.getByRole("button", { name: /délégation|Déléguer/ })).toHaveCount(0);

  const sophie = await signedIn(browser, "290013306308710", "Soleil2026Caf", "sophie.bernard@example.org");
  await sophie.page.getByRole("link", { name: "Délégation de gestion du dossier" }).click();
  await expect(sophie.page.getByText(/Karim BERNARD gère le dossier avec vous/)).toBeVisible();
  await expectNoAxeViolations(sophie.page);
  await sophie.page.getByRole("button", { name: "Retirer la délégation accordée à Karim BERNARD" }).click();
  await expect(sophie.page.getByText("La délégation est retirée")).toBeVisible();
  await expectNoAxeViolations(sophie.page);

  // Karim's session ended with the délégation.
  await karim.page.goto("/tableau-de-bord");
  await expect(karim.page).toHaveURL(/\/connexion/);

  await sophie.page.getByRole("button", { name: "Déléguer la gestion de mon dossier à Karim BERNARD" }).click();
  await expect(sophie.page.getByText("La gestion de votre dossier est maintenant déléguée à Karim BERNARD.")).toBeVisible();
  await sophie.page.goto("/tableau-de-bord");
  await expect(sophie.page.getByText("Vous avez délégué la gestion de votre dossier à Karim BERNARD.")).toBeVisible();
  await Promise.all([karim.context.close(), sophie.context.close()]);
});
