// "Mes informations personnelles" and "Mes coordonnées" in a real browser. The changes run on a second portal with
// its own fresh database (they change a persona's contact details, which other specs rely on); the read-only pages
// run on the shared one. axe on every state; one run without JavaScript, one on a 390 px wide phone.
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { ownPortal, type OwnPortal } from "./own-portal";

async function signIn(page: Page, identifiant: string, motDePasse: string, origin = "", codeByEmail?: { browser: Browser; email: string }) {
  await page.goto(`${origin}/connexion`);
  await page.locator("#identifiant").fill(identifiant);
  await page.locator("#motDePasse").fill(motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
  if (codeByEmail) {
    // A confirmed e-mail address: the login asks for the code sent to it.
    await expect(page).toHaveURL(/\/connexion\/code$/, { timeout: 30_000 });
    await page.locator("#code").fill(codeIn(await latestMessageTo(codeByEmail.browser, codeByEmail.email, origin)));
    await page.getByRole("button", { name: "Valider" }).click();
  }
  // argon2 on a busy machine: the first login may take a while.
  await expect(page).toHaveURL(/\/tableau-de-bord$/, { timeout: 30_000 });
}

/** The newest message to `recipient` on the portal's /dev/messages page (its whole text). */
async function latestMessageTo(browser: Browser, recipient: string, origin: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/dev/messages`);
    const message = page.locator("article").filter({ hasText: recipient }).first();
    await expect(message).toBeVisible();
    return (await message.textContent()) ?? "";
  } finally {
    await context.close();
  }
}

const codeIn = (text: string) => text.match(/\b(\d{6})\b/)![1]!;

test.describe("Mes informations personnelles", () => {
  test("Inès, conjointe sans délégation, voit sa propre identité, NIR masqué", async ({ page }) => {
    await signIn(page, "281109205004516", "Nanterre2026Caf");
    await page.goto("/mon-compte/informations-personnelles");
    await expect(page.getByRole("heading", { level: 1, name: "Mes informations personnelles" })).toBeVisible();
    await expect(page.getByText("ROCHE", { exact: true })).toBeVisible();
    await expect(page.getByText("2 81 10 •• ••• ••• 16")).toBeVisible();
    await expect(page.getByText("Conjointe de l'allocataire")).toBeVisible();
    await expect(page.getByText(/demande de rectification à votre Caf/)).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain("281109205004516");
    expect(html).not.toContain("92050045");
    expect(html).not.toContain("Thomas"); // nobody else's identity
    await expectNoAxeViolations(page);
  });

  test("Lucas, enfant majeur du foyer, voit la sienne", async ({ page }) => {
    await signIn(page, "105069205012359", "Rivage2026Caf");
    await page.goto("/mon-compte/informations-personnelles");
    await expect(page.getByText("Enfant du foyer (dossier n° 0698765)")).toBeVisible();
    await expect(page.getByText("1 05 06 •• ••• ••• 59")).toBeVisible();
    expect(await page.content()).not.toContain("105069205012359");
    await expectNoAxeViolations(page);
  });
});

test.describe("Mes coordonnées", () => {
  let portal: OwnPortal;
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    portal = ownPortal(Number(process.env.E2E_PORT ?? 3100) + 70);
    await portal.start();
  });
  test.afterAll(async () => portal?.dispose());

  async function leaOn(browser: Browser, options: BrowserContextOptions = {}, confirmedEmail?: string) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await signIn(page, "295072A00402138", "Maquis2026Caf", portal.origin, confirmedEmail ? { browser, email: confirmedEmail } : undefined);
    await page.goto(`${portal.origin}/mon-compte/coordonnees`);
    await expect(page.getByRole("heading", { level: 1, name: "Mes coordonnées" })).toBeVisible();
    return { context, page };
  }

  // axe runs in the page's JavaScript: the run without JavaScript checks behaviour, the next one checks every state.
  test("sans JavaScript : Léa ajoute une adresse, l'erreur de saisie est signalée, le code reçu la confirme", async ({ browser }) => {
    const { context, page } = await leaOn(browser, { javaScriptEnabled: false });
    await expect(page.getByText("06 39 98 10 07")).toBeVisible();

    await page.locator("#email").fill("lea.lefebvre.example.org");
    await page.getByRole("button", { name: "Recevoir un code de confirmation" }).first().click();
    await expect(page.locator("#email-message")).toContainText("Vos coordonnées n'ont pas été modifiées.");
    await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#email")).toHaveValue("lea.lefebvre.example.org");

    await page.locator("#email").fill("lea.lefebvre@example.org");
    await page.getByRole("button", { name: "Recevoir un code de confirmation" }).first().click();
    await expect(page).toHaveURL(/\/mon-compte\/coordonnees\/code\?coordonnee=email$/);
    await expect(page.getByText(/Nous venons de vous envoyer un code de vérification par courriel/)).toBeVisible();

    // A wrong code: refused, nothing changes.
    const code = codeIn(await latestMessageTo(browser, "lea.lefebvre@example.org", portal.origin));
    await page.locator("#code").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Valider le code" }).click();
    await expect(page.locator("#code-message")).toContainText("Le code n'a pas pu être vérifié.");

    await page.locator("#code").fill(code);
    await page.getByRole("button", { name: "Valider le code" }).click();
    await expect(page).toHaveURL(/\/mon-compte\/coordonnees\?confirme=email$/);
    await expect(page.getByText("Votre nouvelle adresse électronique est confirmée")).toBeVisible();
    await expect(page.getByText("lea.lefebvre@example.org")).toBeVisible();
    await context.close();
  });

  test("sur un téléphone de 390 px : Léa change son adresse ; l'ancienne reçoit l'avis ; puis elle la retire — axe à chaque état", async ({ browser }) => {
    // Since the previous test her e-mail address is confirmed: her login now asks for the code sent to it.
    const { context, page } = await leaOn(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, "lea.lefebvre@example.org");
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Errors: focus on the error summary, axe clean.
    await page.locator("#mobile").fill("04 78 12 34 56");
    await page.getByRole("button", { name: "Recevoir un code de confirmation" }).nth(1).click();
    await expect(page.locator("#mobile-message")).toContainText("numéro de téléphone fixe");
    await expect(page.locator("#mobile-message")).toBeFocused();
    await expectNoAxeViolations(page);

    await page.locator("#email").fill("lea.nouvelle@example.org");
    await page.getByRole("button", { name: "Recevoir un code de confirmation" }).first().click();
    await expect(page).toHaveURL(/coordonnee=email/);
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.locator("#code").fill("12345");
    await page.getByRole("button", { name: "Valider le code" }).click();
    await expect(page.locator("#code-message")).toContainText("Le code n'a pas pu être vérifié.");
    await expect(page.locator("#code-message")).toBeFocused();
    await expectNoAxeViolations(page);

    await page.locator("#code").fill(codeIn(await latestMessageTo(browser, "lea.nouvelle@example.org", portal.origin)));
    await page.getByRole("button", { name: "Valider le code" }).click();
    await expect(page.getByText("Votre nouvelle adresse électronique est confirmée")).toBeVisible();
    await expectNoAxeViolations(page);

    const notice = await latestMessageTo(browser, "lea.lefebvre@example.org", portal.origin);
    expect(notice).toContain("a été remplacée le");
    expect(notice).toContain("contactez votre Caf");

    await page.getByRole("button", { name: "Retirer cette adresse électronique" }).click();
    await expect(page.getByText("Votre adresse électronique est retirée de votre espace.")).toBeVisible();
    // Her mobile is now her only confirmed contact detail: it may be replaced, not removed.
    await expect(page.getByRole("button", { name: "Retirer ce numéro de mobile" })).toHaveCount(0);
    await expect(page.getByText("Ce numéro est votre seule coordonnée confirmée")).toBeVisible();
    await expectNoAxeViolations(page);
    await context.close();
  });
});
