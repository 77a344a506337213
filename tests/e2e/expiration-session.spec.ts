// Session limits. The first test moves only the browser's clock: it proves the warning dialog. The others move
// the SERVER's clock (the demo clock, POST /dev/horloge, demo mode only) and leave the browser's alone, so that
// what ends the session is the server's own 30-minute idle and 12-hour limits, not the page's countdown.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";

const MINUTE = 60_000;

async function loginAsInes(page: Page) {
  await page.goto("/connexion");
  await page.locator("#identifiant").fill("281109205004516");
  await page.locator("#motDePasse").fill("Nanterre2026Caf");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
}

async function setServerClock(page: Page, instant: Date | null) {
  const response = await page.request.post("/dev/horloge", { data: { figeeA: instant?.toISOString() ?? null } });
  expect(response.ok()).toBe(true);
}

/** One request to the space at that server instant; true when the session still opens it. */
async function visitAt(page: Page, instant: Date): Promise<boolean> {
  await setServerClock(page, instant);
  await page.goto("/tableau-de-bord");
  if (/\/tableau-de-bord$/.test(page.url())) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Inès");
    return true;
  }
  await expect(page).toHaveURL(/\/connexion\?retour=%2Ftableau-de-bord$/);
  return false;
}

test("après 25 minutes sans activité, un avertissement accessible propose de rester connecté", async ({ page }) => {
  await page.clock.install();
  await loginAsInes(page);
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

test("l'avertissement est une vraie fenêtre modale : Tab et Maj+Tab y restent, la page derrière est inerte, Échap garde la session", async ({ page }) => {
  await page.clock.install();
  await loginAsInes(page);
  await page.clock.fastForward("25:01");
  const dialog = page.getByRole("alertdialog", { name: "Votre session va bientôt expirer" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Rester connecté" })).toBeFocused();
  const focusInside = () => dialog.evaluate((element) => element.contains(document.activeElement));

  for (let press = 1; press <= 20; press++) {
    await page.keyboard.press("Tab");
    expect(await focusInside(), `Tab n° ${press}`).toBe(true);
  }
  for (let press = 1; press <= 20; press++) {
    await page.keyboard.press("Shift+Tab");
    expect(await focusInside(), `Maj+Tab n° ${press}`).toBe(true);
  }
  // The browser shows it as a modal dialog (top layer): everything else on the page is inert, so a click on the
  // page behind reaches nothing and the focus stays in the dialog.
  expect(await dialog.evaluate((element) => element.matches(":modal"))).toBe(true);
  const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
  await page.mouse.click(heading!.x + 5, heading!.y + 5);
  expect(await focusInside()).toBe(true);
  await expectNoAxeViolations(page);

  // Escape answers "Rester connecté": the warning goes and the countdown starts again from now, so five more
  // minutes (30 minutes after the page was opened) do not end the session.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.clock.fastForward("05:00");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Inès");
});

test.describe("limites de session tenues par le serveur (horloge du serveur avancée)", () => {
  test.afterEach(async ({ page }) => {
    await setServerClock(page, null);
  });

  test("31 minutes sans requête : le serveur a fermé la session, la page suivante demande de se reconnecter", async ({ page }) => {
    await loginAsInes(page);
    const signedInAt = Date.now();
    expect(await visitAt(page, new Date(signedInAt + 29 * MINUTE))).toBe(true);
    expect(await visitAt(page, new Date(signedInAt + (29 + 31) * MINUTE))).toBe(false);
    // The cookie is gone, not merely ignored: going back to the earlier instant does not revive it.
    expect(await visitAt(page, new Date(signedInAt + 29 * MINUTE))).toBe(false);
  });

  test("sans réponse, au bout de 30 minutes la page annonce la fin de session, et le serveur l'a bien fermée", async ({ page }) => {
    await page.clock.install();
    await loginAsInes(page);
    const signedInAt = Date.now();
    await setServerClock(page, new Date(signedInAt + 30 * MINUTE + 1_000));
    await page.clock.fastForward("30:01");
    await expect(page).toHaveURL(/\/connexion\?raison=expiree$/);
    await expect(page.getByText("Votre session a pris fin.")).toBeVisible();
    expect(await visitAt(page, new Date(signedInAt + 30 * MINUTE + 1_000))).toBe(false);
  });

  test("une requête toutes les 29 minutes garde la session ouverte bien au-delà de 30 minutes", async ({ page }) => {
    await loginAsInes(page);
    const signedInAt = Date.now();
    for (let step = 1; step <= 4; step++) {
      expect(await visitAt(page, new Date(signedInAt + step * 29 * MINUTE)), `requête à ${step * 29} min`).toBe(true);
    }
  });

  test("même active, une session prend fin 12 heures après la connexion", async ({ page }) => {
    await loginAsInes(page);
    const signedInAt = Date.now();
    let elapsed = 0;
    while (elapsed + 29 < 12 * 60 - 1) {
      elapsed += 29;
      expect(await visitAt(page, new Date(signedInAt + elapsed * MINUTE)), `requête à ${elapsed} min`).toBe(true);
    }
    // 11 h 59 min: still open; two minutes later (activity fresh, past 12 h): closed.
    expect(await visitAt(page, new Date(signedInAt + (12 * 60 - 1) * MINUTE))).toBe(true);
    expect(await visitAt(page, new Date(signedInAt + (12 * 60 + 1) * MINUTE))).toBe(false);
  });
});
