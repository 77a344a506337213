// "Déclarer une séparation" on a portal of its own (Claire and Julien make their first connection here, which the
// shared demo portal's other specs also do). Claire activates her space, confirms her e-mail address and gives the
// délégation to Julien; Julien activates his, then declares the separation without JavaScript: the délégation ends,
// Claire is told by e-mail, both see the request awaiting the Caf, and Claire's second declaration (a form opened
// before) records nothing new.
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";

// This machine is shared by several test runs: the portal may answer slowly, give each check more time.
const expect = baseExpect.configure({ timeout: 15_000 });
import { ownPortal, type OwnPortal } from "./own-portal";

let portal: OwnPortal;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = ownPortal(Number(process.env.E2E_PORT ?? 3100) + 100);
  await portal.start();
});
test.afterAll(async () => portal?.dispose());

async function firstConnection(page: Page, nir: string, password: string) {
  await page.goto(`${portal.origin}/connexion`);
  await page.locator("#identifiant").fill(nir);
  await page.locator("#motDePasse").fill("48207315");
  await page.getByRole("button", { name: "Se connecter" }).click();
  // A shared 2-core machine: a cold portal may take a while to answer the first login.
  await expect(page).toHaveURL(/\/premiere-connexion\/conditions$/, { timeout: 30_000 });
  await page.locator('label[for="accepte"]').click();
  await page.getByRole("button", { name: "Accepter et continuer" }).click();
  await expect(page).toHaveURL(/\/premiere-connexion\/mot-de-passe$/);
  await page.locator("#nouveauMotDePasse").fill(password);
  await page.locator("#confirmation").fill(password);
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(page).toHaveURL(/\/premiere-connexion\/coordonnees$/);
  await page.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(page).toHaveURL(/\/coordonnees\/confirmation$/);
}

async function messagesTo(browser: Browser, recipient: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${portal.origin}/dev/messages`);
  const texts = await page.locator("article").filter({ hasText: recipient }).allTextContents();
  await context.close();
  return texts;
}

/** The code in the newest message to this recipient (the outbox may take a few seconds on a busy machine). */
async function codeSentTo(browser: Browser, recipient: string): Promise<string> {
  let code = "";
  await expect
    .poll(async () => (code = (await messagesTo(browser, recipient))[0]?.match(/\b(\d{6})\b/)?.[1] ?? ""), { timeout: 30_000 })
    .not.toBe("");
  return code;
}

async function tick(page: Page) {
  if (!(await page.locator("#confirmation").isChecked())) await page.locator('label[for="confirmation"]').click();
}

const today = new Date();
const tomorrow = new Date(today.getTime() + 36 * 3600_000);
const ddmmyyyy = (d: Date) => new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" }).format(d);


test("Julien déclare une séparation sans JavaScript : la délégation prend fin, Claire est prévenue, une seule demande en cours", async ({ browser }) => {
  test.setTimeout(600_000);
  const separation = `${portal.origin}/mon-compte/dossier/0412345/separation`;

  // Claire: first connection, e-mail address confirmed, délégation given to Julien.
  const claire = await (await browser.newContext()).newPage();
  await firstConnection(claire, "288036912304529", "Tournesol2026Lyon");
  await claire.getByRole("button", { name: "Confirmer maintenant mon adresse électronique" }).click();
  await claire.locator("#code").fill(await codeSentTo(browser, "claire.martin@example.org"));
  await claire.getByRole("button", { name: "Valider le code" }).click();
  await expect(claire).toHaveURL(/confirme=email/);
  await claire.getByRole("button", { name: "Continuer sans confirmer" }).click();
  await claire.getByRole("button", { name: "Déléguer la gestion de mon dossier à Julien DURAND" }).click();
  await expect(claire).toHaveURL(/\/tableau-de-bord\?bienvenue=1$/);

  // Claire opens the form (she will send it after Julien's declaration). Its error states first.
  await claire.goto(separation);
  await expect(claire.getByRole("heading", { level: 1 })).toHaveText("Déclarer une séparation");
  await expect(claire.getByText("Julien DURAND est informé de votre déclaration")).toBeVisible();
  await expectNoAxeViolations(claire);
  await claire.getByRole("button", { name: "Déclarer ma séparation" }).click();
  await expect(claire.locator("#separation-message")).toBeFocused();
  await expect(claire.locator("#separation-message")).toContainText("Indiquez la date de votre séparation.");
  await expect(claire.locator("#separation-message")).toContainText("Cochez la case pour confirmer");
  await expectNoAxeViolations(claire);
  await claire.locator("#dateSeparation").fill("30/02/2026");
  await tick(claire);
  await claire.getByRole("button", { name: "Déclarer ma séparation" }).click();
  await expect(claire.locator("#separation-message")).toContainText("La date du 30/02/2026 n'existe pas : vérifiez le jour et le mois.");
  await expect(claire.locator("#dateSeparation")).toHaveValue("30/02/2026");
  await expect(claire.locator("#separation-message")).toBeFocused();

  // Julien: first connection (contact details confirmed later), then the declaration without JavaScript.
  const julienContext = await browser.newContext();
  const julien = await julienContext.newPage();
  await firstConnection(julien, "186117505611249", "Verveine2026Paris");
  await julien.getByRole("button", { name: "Continuer sans confirmer" }).click();
  await expect(julien).toHaveURL(/\/tableau-de-bord\?bienvenue=1$/);
  await expect(julien.getByText("Claire MARTIN vous a délégué la gestion du dossier")).toBeVisible();
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await julienContext.storageState() });
  const plain = await noScript.newPage();
  await plain.goto(separation);
  await plain.locator("#dateSeparation").fill(ddmmyyyy(tomorrow));
  await tick(plain);
  await plain.getByRole("button", { name: "Déclarer ma séparation" }).click();
  await expect(plain.locator("#separation-message")).toContainText("La date de séparation ne peut pas être dans le futur");
  await plain.locator("#dateSeparation").fill("31/08/2014");
  await tick(plain);
  await plain.getByRole("button", { name: "Déclarer ma séparation" }).click();
  await expect(plain.locator("#separation-message")).toContainText("ne peut pas précéder le 1er septembre 2014");
  await plain.locator("#dateSeparation").fill(ddmmyyyy(today));
  await tick(plain);
  await plain.getByRole("button", { name: "Déclarer ma séparation" }).click();
  await expect(plain).toHaveURL(/\/separation\?declaree=1$/);
  // The délégation ended with the declaration: Julien no longer sees the dossier, so the page no longer names Claire.
  await expect(plain.getByText("Votre déclaration est enregistrée et nous en informons votre conjoint ou conjointe.")).toBeVisible();
  await expect(plain.getByText(/^Votre déclaration du .+ est en cours de traitement par la Caf\.$/)).toBeVisible();
  await expect(plain.getByRole("button", { name: "Déclarer ma séparation" })).toHaveCount(0);
  // axe runs with JavaScript: the confirmation state, in his re-sealed session.
  const scripted = await browser.newContext({ storageState: await noScript.storageState() });
  const confirmation = await scripted.newPage();
  await confirmation.goto(plain.url());
  await expect(confirmation.getByText(/^Votre déclaration du .+ est en cours de traitement par la Caf\.$/)).toBeVisible();
  await expectNoAxeViolations(confirmation);
  await scripted.close();
  // His own session goes on; the délégation is over: the dashboard no longer says he manages the dossier.
  await plain.goto(`${portal.origin}/tableau-de-bord`);
  await expect(plain).toHaveURL(/\/tableau-de-bord$/);
  await expect(plain.getByText("Claire MARTIN vous a délégué la gestion du dossier")).toHaveCount(0);

  // Claire is told, on her confirmed e-mail address.
  await expect.poll(async () => (await messagesTo(browser, "claire.martin@example.org")).join("\n")).toContain("Julien DURAND a déclaré à la Caf votre séparation");

  // Claire's form, opened before: sending it records nothing new, and she sees Julien's request.
  await claire.locator("#dateSeparation").fill("15/03/2026");
  await tick(claire);
  await claire.getByRole("button", { name: "Déclarer ma séparation" }).click();
  await expect(claire).toHaveURL(/\/separation\?deja=1$/);
  await expect(claire.getByText("Une séparation était déjà déclarée sur ce dossier : aucune nouvelle demande n'a été enregistrée.")).toBeVisible();
  await expect(claire.getByText(/^Julien DURAND a déclaré votre séparation le .+\. Cette déclaration est en cours de traitement par la Caf\.$/)).toBeVisible();
  await expectNoAxeViolations(claire);
  await claire.goto(`${portal.origin}/mon-compte/dossier/0412345/delegation`);
  await expect(claire.getByText("Vous n'avez pas délégué la gestion de votre dossier.")).toBeVisible();
  await Promise.all([noScript.close(), julienContext.close(), claire.context().close()]);
});
