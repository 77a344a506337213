// The délégation de gestion, decided by the access module: Sophie withdraws it after a confirmation step that says
// what Karim loses ("Annuler" changes nothing) (Karim is told, and his already-open
// session loses the dossier at his next request), then grants it again (Karim is told); Karim, a conjoint, gets the
// not-found page on the délégation pages. The délégation ends as it started: granted (other specs rely on it).
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { expectArrival } from "./arrivee";
import { latestCodeSentTo } from "./messages";

// This machine is shared by several test runs: the portal may answer slowly, give each check more time.
const expect = baseExpect.configure({ timeout: 15_000 });

async function signedIn(browser: Browser, identifiant: string, motDePasse: string, email?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, browser, identifiant, motDePasse, email);
  return { context, page };
}

async function signIn(page: Page, browser: Browser, identifiant: string, motDePasse: string, email?: string) {
  await page.goto("/connexion");
  await page.locator("#identifiant").fill(identifiant);
  await page.locator("#motDePasse").fill(motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
  if (email) {
    await expect(page).toHaveURL(/\/connexion\/code$/, { timeout: 30_000 });
    await page.locator("#code").fill(await latestCodeSentTo(browser, email));
    await page.getByRole("button", { name: "Valider" }).click();
  }
  // A shared 2-core machine: a cold portal may take a while to answer the first login.
  await expect(page).toHaveURL(/\/tableau-de-bord$/, { timeout: 30_000 });
}

/** The newest message to this recipient on /dev/messages, as text. */
async function latestMessageTo(browser: Browser, recipient: string, containing: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/dev/messages");
  await expect(page.locator("article").filter({ hasText: recipient }).first()).toContainText(containing);
  await context.close();
}

test("Sophie retire la délégation à Karim, prévenu, dont la session ouverte perd le dossier à sa requête suivante, puis la lui accorde de nouveau", async ({ browser }) => {
  test.setTimeout(150_000); // two sessions, a confirmation step and several axe checks on a shared machine
  const karim = await signedIn(browser, "187051305520164", "Mistral2026Caf");
  await expect(karim.page.getByText("Sophie BERNARD vous a délégué la gestion du dossier")).toBeVisible();
  // A conjoint may not change the délégation: the page does not exist for him, at the old address or the new one.
  for (const path of ["/mon-compte/delegation", "/mon-compte/dossier/0523456/delegation"]) {
    await karim.page.goto(path);
    await expect(karim.page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(karim.page.getByRole("button", { name: /délégation|Déléguer/ })).toHaveCount(0);
  }
  await karim.page.goto("/tableau-de-bord");
  await expect(karim.page.getByText("Sophie BERNARD vous a délégué la gestion du dossier")).toBeVisible();

  const sophie = await signedIn(browser, "290013306308710", "Soleil2026Caf", "sophie.bernard@example.org");
  await sophie.page.getByRole("link", { name: "Délégation de gestion du dossier" }).click();
  await expect(sophie.page).toHaveURL(/\/mon-compte\/dossier\/0523456\/delegation$/);
  await expect(sophie.page.getByText(/Karim BERNARD gère le dossier avec vous/)).toBeVisible();
  await expectNoAxeViolations(sophie.page);
  // Withdrawing asks first, on a page of its own, what Karim loses; "Annuler" leads back and changes nothing.
  const retirer = sophie.page.getByRole("link", { name: "Retirer la délégation accordée à Karim BERNARD" });
  await retirer.click();
  await expect(sophie.page).toHaveURL(/\/mon-compte\/dossier\/0523456\/delegation\/retirer$/);
  await expect(sophie.page.getByRole("heading", { level: 1 })).toHaveText("Retirer la délégation accordée à Karim BERNARD ?");
  await expect(sophie.page.getByText("Karim BERNARD ne voit plus le dossier")).toBeVisible();
  await expect(sophie.page.getByText("ses sessions ouvertes sont fermées")).toBeVisible();
  await expectNoAxeViolations(sophie.page);
  await sophie.page.getByRole("link", { name: "Annuler" }).click();
  await expect(sophie.page).toHaveURL(/\/mon-compte\/dossier\/0523456\/delegation$/);
  await expect(sophie.page.getByText(/Karim BERNARD gère le dossier avec vous/)).toBeVisible();
  await karim.page.reload();
  await expect(karim.page.getByText("Sophie BERNARD vous a délégué la gestion du dossier")).toBeVisible();

  await retirer.click();
  await sophie.page.getByRole("button", { name: "Oui, retirer la délégation" }).click();
  await expect(sophie.page.getByText("La délégation est retirée")).toBeVisible();
  await expectArrival(sophie.page, "message");
  await expectNoAxeViolations(sophie.page);
  await latestMessageTo(browser, "06 39 98 10 04", "la delegation de gestion du dossier Caf vous a ete retiree");

  // Karim's already-open session: his next request no longer reaches the dossier (the session ended with it)…
  await karim.page.reload();
  await expect(karim.page).toHaveURL(/\/connexion/);
  // …and signed in again, he is a conjoint without délégation.
  await signIn(karim.page, browser, "187051305520164", "Mistral2026Caf");
  await expect(karim.page.getByText("Sophie BERNARD vous a délégué la gestion du dossier")).toHaveCount(0);

  await sophie.page.getByRole("button", { name: "Déléguer la gestion de mon dossier à Karim BERNARD" }).click();
  await expect(sophie.page.getByText("La gestion de votre dossier est maintenant déléguée à Karim BERNARD.")).toBeVisible();
  await expectArrival(sophie.page, "message");
  await expectNoAxeViolations(sophie.page);
  await latestMessageTo(browser, "06 39 98 10 04", "la gestion du dossier Caf de votre foyer vous a ete deleguee");
  await sophie.page.goto("/tableau-de-bord");
  await expect(sophie.page.getByText("Vous avez délégué la gestion de votre dossier à Karim BERNARD.")).toBeVisible();
  await karim.page.reload();
  await expect(karim.page.getByText("Sophie BERNARD vous a délégué la gestion du dossier")).toBeVisible();
  await Promise.all([karim.context.close(), sophie.context.close()]);
});

test("Léa, allocataire seule, ne voit jamais la délégation : page introuvable à l'ancienne adresse comme à la nouvelle", async ({ page }) => {
  await page.goto("/connexion");
  await page.locator("#identifiant").fill("295072A00402138");
  await page.locator("#motDePasse").fill("Maquis2026Caf");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/, { timeout: 30_000 });
  for (const path of ["/mon-compte/delegation", "/mon-compte/dossier/0745678/delegation", "/mon-compte/dossier/0745678/separation"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.getByText(/délégation/i)).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
});
