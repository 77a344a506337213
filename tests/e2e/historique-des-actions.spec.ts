// "Historique des actions": Sophie reads the délégation she granted in her dossier's journal; Inès, a conjoint
// without délégation, sees only the actions on her own data, and her foyer's journal does not exist for her.
// The pages work without JavaScript and on a 390 px phone, with no axe violation.
import { expect, test, type Browser, type Page } from "@playwright/test";
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
    await expect(page).toHaveURL(/\/connexion\/code$/, { timeout: 30_000 });
    await page.locator("#code").fill(await latestCodeSentTo(browser, email));
    await page.getByRole("button", { name: "Valider" }).click();
  }
  await expect(page).toHaveURL(/\/tableau-de-bord$/, { timeout: 30_000 });
  return { context, page };
}

/** Nothing wider than the screen: the page reads without scrolling sideways (a table may scroll inside its frame). */
async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
}

const DOSSIER_SOPHIE = "Historique des actions du dossier 0523456";
const GRANTED = "Délégation de gestion du dossier accordée à Karim BERNARD par vous pour le dossier 0523456";

test("Sophie lit dans le journal de son dossier la délégation accordée à Karim, sans violation axe, sur téléphone et sans JavaScript", async ({ browser }) => {
  const sophie = await signedIn(browser, "290013306308710", "Soleil2026Caf", "sophie.bernard@example.org");
  const page = sophie.page;
  // A délégation withdrawn and granted again (the demo's state is the same afterwards): two entries of the journal.
  await page.goto("/mon-compte/delegation");
  await page.getByRole("link", { name: "Retirer la délégation accordée à Karim BERNARD" }).click();
  await page.getByRole("button", { name: "Oui, retirer la délégation" }).click();
  await expect(page.getByText("La délégation est retirée")).toBeVisible();
  await page.getByRole("button", { name: "Déléguer la gestion de mon dossier à Karim BERNARD" }).click();
  await expect(page.getByText("La gestion de votre dossier est maintenant déléguée à Karim BERNARD.")).toBeVisible();

  await page.goto("/mon-compte/historique-des-actions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Historique des actions");
  await expect(page.getByRole("heading", { level: 2, name: "Actions sur vos données" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: DOSSIER_SOPHIE }).click();
  await expect(page).toHaveURL(/\/mon-compte\/dossier\/0523456\/historique$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DOSSIER_SOPHIE);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: GRANTED }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "Délégation de gestion du dossier retirée à Karim BERNARD par vous pour le dossier 0523456" }).first()).toBeVisible();
  // Her own actions carry the address they came from.
  await expect(rows.filter({ hasText: GRANTED }).first()).toContainText("Depuis l'adresse IP");
  await expectNoAxeViolations(page);

  const state = await sophie.context.storageState();
  const phone = await browser.newContext({ storageState: state, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const onPhone = await phone.newPage();
  await onPhone.goto("/mon-compte/dossier/0523456/historique");
  await expect(onPhone.getByText(GRANTED).first()).toBeVisible();
  await expectNoHorizontalScroll(onPhone);
  await expectNoAxeViolations(onPhone);
  await onPhone.goto("/mon-compte/historique-des-actions");
  await expectNoHorizontalScroll(onPhone);
  await expectNoAxeViolations(onPhone);

  const noScript = await browser.newContext({ storageState: state, javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/mon-compte/historique-des-actions");
  await plain.getByRole("link", { name: DOSSIER_SOPHIE }).click();
  await expect(plain.getByText(GRANTED).first()).toBeVisible();
  await Promise.all([phone.close(), noScript.close(), sophie.context.close()]);
});

test("Inès, conjointe sans délégation, ne voit que ses propres actions, et le journal de son foyer est pour elle une page introuvable", async ({ browser }) => {
  const ines = await signedIn(browser, "281109205004516", "Nanterre2026Caf");
  const page = ines.page;
  await page.goto("/mon-compte/historique-des-actions");
  await expect(page.getByRole("heading", { level: 2, name: "Actions sur vos données" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Actions sur le dossier" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Historique des actions du dossier/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  for (const numero of ["0698765", "0523456", "0999999", "abc"]) {
    const response = await page.goto(`/mon-compte/dossier/${numero}/historique`);
    expect(response?.status(), numero).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.getByText(/Thomas|MOREAU|0698765/)).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
  await ines.context.close();
});

test("sans session, l'historique des actions renvoie à la connexion", async ({ page }) => {
  await page.goto("/mon-compte/historique-des-actions");
  await expect(page).toHaveURL(/\/connexion/);
  await page.goto("/mon-compte/dossier/0523456/historique");
  await expect(page).toHaveURL(/\/connexion/);
});
