// An operator publishes a new CGU version (npm run admin -- cgu:publier): Sophie, already signed in, is asked to
// accept it at her next request, may refuse and come back, and finds her space again once she accepts.
// Runs on a portal of its own, stopped while the operator command writes to its embedded database.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { latestCodeSentTo } from "./messages";
import { ownPortal, type OwnPortal } from "./own-portal";

let portal: OwnPortal;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = ownPortal(Number(process.env.E2E_PORT ?? 3100) + 50);
  await portal.start();
});
test.afterAll(async () => portal?.dispose());

test("une nouvelle version des CGU publiée par un opérateur oblige Sophie à l'accepter de nouveau", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { origin } = portal;
  await page.goto(`${origin}/connexion`);
  await page.locator("#identifiant").fill("290013306308710");
  await page.locator("#motDePasse").fill("Soleil2026Caf");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/connexion\/code$/);
  await page.locator("#code").fill(await latestCodeSentTo(browser, "sophie.bernard@example.org", origin));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);

  // A second tab holds the password change form, filled in before the new version exists.
  const passwordTab = await page.context().newPage();
  await passwordTab.goto(`${origin}/mon-compte/mot-de-passe`);
  await expect(passwordTab.getByRole("heading", { level: 1 })).toHaveText("Changer mon mot de passe");
  await passwordTab.locator("#motDePasseActuel").fill("Soleil2026Caf");
  await passwordTab.locator("#nouveauMotDePasse").fill("Garrigue5Thym");
  await passwordTab.locator("#confirmation").fill("Garrigue5Thym");

  // The operator publishes version 1.1 (the portal is stopped meanwhile: its embedded database has one owner).
  await portal.stop();
  const published = portal.admin("cgu:publier", "1.1");
  expect(published.output).toContain("Version 1.1 des CGU publiée");
  expect(published.status).toBe(0);
  const again = portal.admin("cgu:publier", "1.1");
  expect(again.output).toContain("déjà publiée");
  expect(again.status).toBe(1);
  await portal.start();

  // The password change action is part of the space: sent now, it leads to the new version and changes nothing.
  await passwordTab.getByRole("button", { name: "Changer mon mot de passe" }).click();
  await expect(passwordTab).toHaveURL(/\/conditions-generales\/acceptation\?retour=%2Fmon-compte%2Fmot-de-passe$/);
  await expect(passwordTab.getByRole("heading", { level: 1 })).toHaveText("Les conditions d'utilisation ont changé");
  await passwordTab.close();

  // Her next request: the new version first.
  await page.goto(`${origin}/mon-compte/connexions`);
  await expect(page).toHaveURL(/\/conditions-generales\/acceptation\?retour=%2Fmon-compte%2Fconnexions$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les conditions d'utilisation ont changé");
  const fold = page.locator("summary", { hasText: "Lire les conditions générales d'utilisation (version 1.1 du 1er janvier 2027)" });
  await expect(fold).toBeVisible();
  await expectNoAxeViolations(page);

  // On a phone: the text is folded, one tap away, never a small scrolling box; the full text has its own page too.
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await fold.click();
  await expect(page.getByText(/Version 1\.1 du 1er janvier 2027/)).toBeVisible();
  const scrollingBoxes = await page.evaluate(() =>
    [...document.querySelectorAll("main *")].filter((element) => {
      const style = getComputedStyle(element);
      return /auto|scroll/.test(`${style.overflowX} ${style.overflowY}`) && (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1);
    }).length,
  );
  expect(scrollingBoxes, "aucune zone qui défile dans la page").toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.getByRole("link", { name: "Les conditions générales d'utilisation sur une page à part" })).toHaveAttribute("href", "/cgu");
  await expectNoAxeViolations(page);
  await page.setViewportSize(desktop);

  await page.getByRole("button", { name: "Refuser" }).click();
  await expect(page).toHaveURL(/\/conditions-generales\/refus$/);
  await page.goto(`${origin}/tableau-de-bord`);
  await expect(page).toHaveURL(/\/conditions-generales\/acceptation/);

  await page.getByRole("button", { name: "Accepter et continuer" }).click();
  await expect(page.locator("#cgu-message")).toContainText("Vous n'avez pas encore accepté les conditions.");
  await page.locator('label[for="accepte"]').click();
  await page.getByRole("button", { name: "Accepter et continuer" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Sophie");

  // Her password did not change while the CGU were pending: the current one is still "Soleil2026Caf".
  await page.goto(`${origin}/mon-compte/mot-de-passe`);
  await page.locator("#motDePasseActuel").fill("Soleil2026Caf");
  await page.locator("#nouveauMotDePasse").fill("Garrigue5Thym");
  await page.locator("#confirmation").fill("Garrigue5Thym");
  await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord\?mot-de-passe=modifie$/);
});
