// "Mes coordonnées bancaires" in a real browser: Karim (délégation) changes Sophie's dossier's bank details with the
// code sent to his mobile and Sophie's e-mail gets the notice; Nadia (conjoint allocataire) does it for 0634567; the
// whole démarche with the keyboard alone; without JavaScript; on a 390 px phone; and a conjoint without délégation
// gets "page introuvable", even when posting the form directly. axe on every state (with JavaScript: axe runs in the page).
// Only bank details change here, which no other spec reads.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { latestCodeSentTo } from "./messages";

const KARIM = ["187051305520164", "Mistral2026Caf"] as const;
const NADIA = ["284064410903322", "Loire2026Caf"] as const;
const MARC = ["182023155507830", "Garonne2026Caf"] as const;
const THOMAS = ["179067505612310", "Seine2026Caf"] as const;
const INES = ["281109205004516", "Nanterre2026Caf"] as const;
const LEA = ["295072A00402138", "Maquis2026Caf"] as const;

// The first test meets a freshly started portal (first renders, argon2): give every test room.
test.describe.configure({ timeout: 120_000 });

const pathOf = (numero: string) => `/mon-compte/dossier/${numero}/coordonnees-bancaires`;

async function login(page: Page, [identifiant, motDePasse]: readonly [string, string]) {
  await page.goto("/connexion");
  await page.locator("#identifiant").fill(identifiant);
  await page.locator("#motDePasse").fill(motDePasse);
  await page.locator("#motDePasse").press("Enter");
  // The first login of a freshly started portal may take a while (argon2, first render).
  await expect(page).toHaveURL(/\/tableau-de-bord$/, { timeout: 20_000 });
}

/** The newest message to this recipient on the sinks' page that contains `text`. */
async function messageTo(browser: Browser, recipient: string, text: string | RegExp): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto("/dev/messages");
    const article = page.locator("article").filter({ hasText: recipient }).filter({ hasText: text }).first();
    await expect(article).toBeVisible();
    return (await article.textContent()) ?? "";
  } finally {
    await context.close();
  }
}

async function fillForm(page: Page, iban: string, bic: string, titulaire: string) {
  await page.locator("#iban").fill(iban);
  await page.locator("#bic").fill(bic);
  await page.locator("#titulaire").fill(titulaire);
  await page.getByRole("button", { name: "Recevoir le code de sécurité" }).click();
}

test("Karim (délégation) change les coordonnées bancaires du dossier de Sophie ; Sophie en reçoit l'avis par courriel", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, KARIM);
  await page.goto(pathOf("0523456"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coordonnées bancaires");
  await expect(page).toHaveTitle(/Coordonnées bancaires/);
  await expectNoAxeViolations(page);

  // A non-SEPA IBAN: a precise message, focus on the summary, nothing changed.
  await fillForm(page, "US12 3456 7890 1234", "BNPAFRPP", "Sophie Bernard");
  const summary = page.locator("#coordonnees-bancaires-message");
  await expect(summary).toContainText("Les IBAN de ce pays (États-Unis) ne sont pas acceptés");
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page);

  await fillForm(page, "FR76 3000 6000 0112 3456 7890 189", "BNPAFRPP", "Sophie Bernard");
  await expect(page).toHaveURL(/\/coordonnees-bancaires\/code$/);
  await expect(page.getByText("se terminant par 0189")).toBeVisible();
  await expectNoAxeViolations(page);
  // A wrong code first: the error state.
  const code = await latestCodeSentTo(browser, "06 39 98 10 04");
  await page.locator("#code").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Valider le code et enregistrer" }).click();
  await expect(page.locator("#code-message")).toContainText("Le code saisi est incorrect");
  await expectNoAxeViolations(page);
  await page.locator("#code").fill(code);
  await page.getByRole("button", { name: "Valider le code et enregistrer" }).click();
  await expect(page).toHaveURL(/\/coordonnees-bancaires\?modifiees=1$/);
  await expect(page.getByText("Les nouvelles coordonnées bancaires sont enregistrées")).toBeVisible();
  await expect(page.getByText("IBAN se terminant par 0189")).toBeVisible();
  await expectNoAxeViolations(page);

  const notice = await messageTo(browser, "sophie.bernard@example.org", "par Karim BERNARD (délégation)");
  expect(notice).toContain("Les coordonnées bancaires de votre dossier 0523456 ont été modifiées");
  expect(notice).toContain("se termine par 0189");
  expect(notice).not.toContain("FR76");
  await context.close();
});

test("Nadia (conjoint allocataire, sans délégation) change les coordonnées bancaires du dossier 0634567 ; Marc est averti", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, NADIA);
  await page.goto(pathOf("0634567"));
  await fillForm(page, "DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "Marc Petit");
  await expect(page).toHaveURL(/\/code$/);
  await page.locator("#code").fill(await latestCodeSentTo(browser, "06 39 98 10 06"));
  await page.getByRole("button", { name: "Valider le code et enregistrer" }).click();
  await expect(page.getByText("Les nouvelles coordonnées bancaires sont enregistrées")).toBeVisible();
  await expect(page.getByText("Compte en Allemagne, IBAN se terminant par 3000")).toBeVisible();
  await messageTo(browser, "06 39 98 10 05", "par Nadia PETIT");
  await context.close();
});

/** Tab (or Shift+Tab) until `selector` has the focus, checking that every focused element shows it (:focus-visible). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const state = await page.evaluate((target) => {
      const active = document.activeElement;
      return { here: !!active && active.matches(target), visible: !!active && active !== document.body && active.matches(":focus-visible") };
    }, selector);
    expect(state.visible, `focus visible (étape ${i})`).toBe(true);
    if (state.here) return;
  }
  throw new Error(`${selector} jamais atteint au clavier`);
}

test("Marc fait toute la démarche au clavier seul : focus visible, résumé d'erreurs focalisé après un envoi refusé", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, MARC);
  await page.goto(pathOf("0634567"));

  await tabTo(page, "#iban");
  await page.keyboard.type("FR76 3000 6000 0112 3456 7890 188");
  await tabTo(page, "#bic");
  await page.keyboard.type("BNPAFRPP");
  await tabTo(page, "#titulaire");
  await page.keyboard.type("Marc Petit");
  await page.keyboard.press("Enter");
  const summary = page.locator("#coordonnees-bancaires-message");
  await expect(summary).toContainText("la clé de contrôle ne correspond pas, vérifiez chaque caractère");
  await expect(summary).toBeFocused();

  // From the summary, on to the field: the typed values are still there, to be corrected.
  await tabTo(page, "#iban");
  await expect(page.locator("#iban")).toHaveValue("FR76 3000 6000 0112 3456 7890 188");
  await page.keyboard.press("End");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("9");
  await tabTo(page, "button[type=submit]");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/code$/);

  const code = await latestCodeSentTo(browser, "06 39 98 10 05");
  await tabTo(page, "#code");
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Les nouvelles coordonnées bancaires sont enregistrées")).toBeVisible();
  await expect(page.getByText("IBAN se terminant par 0189")).toBeVisible();
  await context.close();
});

test("sans JavaScript, Thomas change les coordonnées bancaires (erreur, code, succès) par des envois classiques", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, THOMAS);
  await page.goto(pathOf("0698765"));
  await fillForm(page, "FR76 3000 6000 0112 3456 7890 189", "COBADEFFXXX", "Thomas Moreau");
  await expect(page.locator("#coordonnees-bancaires-message")).toContainText("Ce BIC est celui d'une banque d'un autre pays (Allemagne) que celui de l'IBAN (France)");
  await expect(page.locator("#iban")).toHaveValue("FR76 3000 6000 0112 3456 7890 189");
  await page.locator("#bic").fill("BNPAFRPP");
  await page.getByRole("button", { name: "Recevoir le code de sécurité" }).click();
  await expect(page).toHaveURL(/\/code$/);
  await page.locator("#code").fill(await latestCodeSentTo(browser, "06 39 98 10 11"));
  await page.getByRole("button", { name: "Valider le code et enregistrer" }).click();
  await expect(page.getByText("Les nouvelles coordonnées bancaires sont enregistrées")).toBeVisible();
  await context.close();
});

test("sur un téléphone de 390 px, Léa change ses coordonnées bancaires sans défilement horizontal", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await login(page, LEA);
  const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= 390);
  await page.goto(pathOf("0745678"));
  expect(await fitsWidth()).toBe(true);
  await fillForm(page, "FR76 3000 6000 0112 3456 7890 18", "BNPAFRPP", "Léa Lefebvre");
  await expect(page.locator("#coordonnees-bancaires-message")).toContainText("Un IBAN de ce pays (France) compte 27 caractères : vous en avez saisi 26.");
  expect(await fitsWidth()).toBe(true);
  await expectNoAxeViolations(page);
  await page.locator("#iban").fill("FR76 3000 6000 0112 3456 7890 189");
  await page.getByRole("button", { name: "Recevoir le code de sécurité" }).click();
  await expect(page).toHaveURL(/\/code$/);
  expect(await fitsWidth()).toBe(true);
  await page.locator("#code").fill(await latestCodeSentTo(browser, "06 39 98 10 07"));
  await page.getByRole("button", { name: "Valider le code et enregistrer" }).click();
  await expect(page.getByText("Les nouvelles coordonnées bancaires sont enregistrées")).toBeVisible();
  expect(await fitsWidth()).toBe(true);
  await context.close();
});

test("Inès, conjointe sans délégation : page introuvable, et le formulaire envoyé directement ne change rien", async ({ browser }) => {
  // Thomas's form, as served without JavaScript: every field the server action needs.
  const thomas = await browser.newContext({ javaScriptEnabled: false });
  const thomasPage = await thomas.newPage();
  await login(thomasPage, THOMAS);
  await thomasPage.goto(pathOf("0698765"));
  const before = await thomasPage.locator("dl").textContent();
  const fields = await thomasPage.locator("form:has(#iban)").evaluate((form) => [...new FormData(form as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)]));

  const ines = await browser.newContext();
  const page = await ines.newPage();
  await login(page, INES);
  const response = await page.goto(pathOf("0698765"));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/introuvable/i);
  await expect(page.locator("#iban")).toHaveCount(0);

  const multipart: Record<string, string> = Object.fromEntries(fields);
  Object.assign(multipart, { iban: "FR76 3000 6000 0112 3456 7890 189", bic: "BNPAFRPP", titulaire: "Ines Roche" });
  const posted = await page.request.post(pathOf("0698765"), { multipart, maxRedirects: 0 });
  expect(posted.status()).toBe(404);
  expect(await posted.text()).not.toContain("/code");

  // No code went to Inès: the action refused before doing anything.
  const sinks = await ines.newPage();
  await sinks.goto("/dev/messages");
  await expect(sinks.locator("article").filter({ hasText: "06 39 98 10 12" }).filter({ hasText: /coordonn[ée]es bancaires/ })).toHaveCount(0);
  // Nothing changed on Thomas's side, and no code was asked for.
  await thomasPage.goto(pathOf("0698765"));
  expect(await thomasPage.locator("dl").textContent()).toBe(before);
  await thomasPage.goto(`${pathOf("0698765")}/code`);
  await expect(thomasPage).toHaveURL(new RegExp(`${pathOf("0698765")}(\\?modifiees=1)?$`));
  await Promise.all([thomas.close(), ines.close()]);
});
