// "Mot de passe oublié" and "Identifiant oublié" in the browser, reading the messages the way a person trying the
// demo would: on /dev/messages, opened in a second page. axe-core checks every step, errors shown included.
// Nadia is the one whose password changes here: no other browser test signs in as her.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { expectArrival } from "./arrivee";

/** The text of the newest message to `recipient` on /dev/messages that matches `content`, waiting for it to arrive. */
async function newestMessage(browser: Browser, recipient: string, content: RegExp): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    let text = "";
    await expect
      .poll(
        async () => {
          await page.goto("/dev/messages");
          const message = page.locator("article").filter({ hasText: recipient }).first();
          text = (await message.count()) > 0 ? ((await message.textContent()) ?? "") : "";
          return content.test(text);
        },
        { timeout: 15_000, intervals: [250, 500, 1_000] },
      )
      .toBe(true);
    return text;
  } finally {
    await context.close();
  }
}

async function codeSentTo(browser: Browser, recipient: string): Promise<string> {
  const text = await newestMessage(browser, recipient, /changer de mot de passe est \d{6}/);
  return text.match(/changer de mot de passe est (\d{6})/)![1]!;
}

async function expectStep(page: Page, step: number) {
  await expect(page.locator(".fr-stepper__state")).toContainText(`Étape ${step} sur 3`);
}

test("Nadia choisit un nouveau mot de passe avec un code reçu par SMS, puis se connecte avec", async ({ page, browser }) => {
  test.setTimeout(120_000); // every step, with axe at each, on a shared machine
  // Step 1: the identifier and the full contact detail, first with errors.
  await page.goto("/mot-de-passe-oublie");
  await expectStep(page, 1);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Recevoir un code" }).click();
  await expect(page.locator("#identifiant-message")).toContainText("Le formulaire contient une erreur");
  await expect(page.locator("#identifiant-message")).toBeFocused();
  await expect(page.locator("#contact-desc-error")).toHaveText("Saisissez l'adresse électronique ou le numéro de mobile confirmé dans votre espace.");
  await expectNoAxeViolations(page);
  await page.locator("#identifiant").fill("2 84 06 44 109 033 22");
  await page.locator("#contact").fill("06 39 98 10 06");
  await page.getByRole("button", { name: "Recevoir un code" }).click();

  // Step 2: where the code went (in full, as typed), how long it lasts (one sentence), help; a wrong code first.
  await expect(page).toHaveURL(/\/mot-de-passe-oublie\/code$/);
  await expectStep(page, 2);
  await expect(page.getByText(/Si l'identifiant et la coordonnée saisis correspondent à un compte, .* par SMS au 06 39 98 10 06\./)).toBeVisible();
  await expect(page.getByText(/valable/)).toHaveCount(1);
  await expect(page.locator("#validite-code")).toHaveText(/^Ce code est valable encore (9|10) minutes \(jusqu'à \d\d h \d\d\)\.$/);
  await expect(page.getByRole("heading", { name: "Vous n'avez rien reçu ?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Recevoir un nouveau code (3 possibles)" })).toBeVisible();
  await expectNoAxeViolations(page);

  const first = await codeSentTo(browser, "06 39 98 10 06");
  await page.locator("#code").fill(first === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.locator("#code-message")).toContainText("Il vous reste 4 essais");
  await expect(page.locator("#code-message")).toBeFocused();
  await expectNoAxeViolations(page);

  // "Recevoir un nouveau code": the previous one stops working.
  await page.getByRole("button", { name: "Recevoir un nouveau code (3 possibles)" }).click();
  await expect(page.locator("#code-message")).toContainText("un nouveau code vient d'être envoyé. Le précédent ne fonctionne plus.");
  await expect(page.getByRole("button", { name: "Recevoir un nouveau code (2 possibles)" })).toBeVisible();
  // The old code's error is gone; the one validity sentence is the new code's (10 minutes).
  await expect(page.locator("#code-message")).not.toContainText("Il vous reste 4 essais");
  await expect(page.locator("#validite-code")).toHaveText(/^Ce code est valable encore (9|10) minutes \(jusqu'à \d\d h \d\d\)\.$/);
  let code = first;
  await expect.poll(async () => (code = await codeSentTo(browser, "06 39 98 10 06")), { timeout: 15_000 }).not.toBe(first);
  await page.locator("#code").fill(code);
  await page.getByRole("button", { name: "Valider le code" }).click();

  // Step 3: the new password, first with two different entries.
  await expect(page).toHaveURL(/\/mot-de-passe-oublie\/nouveau-mot-de-passe$/);
  await expectStep(page, 3);
  await expectNoAxeViolations(page);
  await page.locator('[name="nouveauMotDePasse"]').fill("Estuaire4Voilier");
  await page.locator('[name="confirmation"]').fill("Estuaire4Voiliers");
  await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
  await expect(page.locator("#mot-de-passe-message")).toContainText("pas identiques");
  // The accepted new password stays; only the confirmation that differed is to be typed again.
  await expect(page.locator('[name="nouveauMotDePasse"]')).toHaveValue("Estuaire4Voilier");
  await expect(page.locator('[name="confirmation"]')).toHaveValue("");
  await expectNoAxeViolations(page);
  await page.locator('[name="nouveauMotDePasse"]').fill("Estuaire4Voilier");
  await page.locator('[name="confirmation"]').fill("Estuaire4Voilier");
  await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();

  await expect(page).toHaveURL(/\/mot-de-passe-oublie\/modifie$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre mot de passe a été modifié");
  await expectArrival(page, "titre");
  await expectNoAxeViolations(page);
  expect(await newestMessage(browser, "06 39 98 10 06", /mot de passe modifié/)).toContain("Mot de passe oublié");

  await page.getByRole("link", { name: "Aller à la page de connexion" }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await page.locator("#identifiant").fill("284064410903322");
  await page.locator("#motDePasse").fill("Estuaire4Voilier");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
});

/** Step 1 posted as a browser without JavaScript does: the answer to the POST, and the page it leads to. */
async function stepOneAnswer(browser: Browser, identifiant: string, contact: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto("/mot-de-passe-oublie");
    await page.locator("#identifiant").fill(identifiant);
    await page.locator("#contact").fill(contact);
    const [post] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Recevoir un code" }).click(),
    ]);
    await page.waitForURL(/\/mot-de-passe-oublie\/code$/);
    const cookies = (await post.headersArray())
      .filter((header) => header.name.toLowerCase() === "set-cookie")
      // Names and flags only: values are sealed and random, and the expiry date moves with the clock.
      .map((header) => header.value.replace(/=[^;]*/, "=…").replace(/;\s*expires=[^;]*/i, ""));
    // The CSP nonce is fresh for every response (the DOM hides it in nonce attributes, not in the scripts that
    // repeat it): each of its occurrences is blanked out, nothing else.
    let html = await page.content();
    const nonce = html.match(/window\.ssrNonce = "([^"]+)"/)?.[1];
    expect(nonce).toBeTruthy();
    html = html.replaceAll(nonce!, "…");
    return { status: post.status(), location: post.headers()["location"], cookies, html };
  } finally {
    await context.close();
  }
}

test("un NIR inconnu et un NIR connu avec une autre coordonnée reçoivent exactement la même réponse", async ({ browser }) => {
  // Two numbers, each shown in full as the person typed it: once each is blanked out, along with the validity
  // sentence (its end time moves with the clock), the pages compare byte for byte.
  const unknown = await stepOneAnswer(browser, "2 69 05 49 588 157 80", "06 39 98 77 01");
  const knownWrongContact = await stepOneAnswer(browser, "2 84 06 44 109 033 22", "06 39 98 78 01");
  expect(unknown.status).toBe(303);
  expect(unknown.cookies.join()).toContain("__Host-moncompte.mot-de-passe-oublie=…");
  expect(unknown.html).toContain("par SMS au 06 39 98 77 01");
  expect(knownWrongContact.html).toContain("par SMS au 06 39 98 78 01");
  const blank = (answer: typeof unknown, typed: string) => ({
    ...answer,
    html: answer.html.replaceAll(typed, "…").replace(/Ce code est valable encore \d+ minutes? \(jusqu'à \d\d h \d\d\)\./g, "…"),
  });
  expect(blank(knownWrongContact, "06 39 98 78 01")).toEqual(blank(unknown, "06 39 98 77 01"));
});

test.describe("sans JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("« Mot de passe oublié » passe à l'étape suivante en simple envoi de formulaire", async ({ page }) => {
    await page.goto("/mot-de-passe-oublie");
    await page.locator("#identifiant").fill("P87654321");
    await page.locator("#contact").fill("personne@example.org");
    await page.getByRole("button", { name: "Recevoir un code" }).click();
    await expect(page).toHaveURL(/\/mot-de-passe-oublie\/code$/);
    await expect(page.getByText(/Si l'identifiant et la coordonnée saisis correspondent à un compte/)).toBeVisible();
  });

  test("le formulaire « Identifiant oublié » fonctionne aussi en simple envoi de formulaire", async ({ page }) => {
    await page.goto("/identifiant-oublie");
    await page.locator("#nomNaissance").fill("Lefebvre");
    await page.locator("#prenom").fill("Léa");
    await page.locator("#jour").fill("4");
    await page.locator("#mois").fill("7");
    await page.locator("#annee").fill("1995");
    await page.locator("#contact").fill("06 39 98 10 07");
    await page.getByRole("button", { name: "Recevoir mon identifiant" }).click();
    await expect(page.getByText("Si ces informations correspondent à un espace")).toBeVisible();
  });
});

test("« Identifiant oublié » : Marc reçoit son identifiant par SMS, sans lien", async ({ page, browser }) => {
  await page.goto("/identifiant-oublie");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Identifiant oublié");
  await expectNoAxeViolations(page);

  await page.locator("#jour").fill("31");
  await page.locator("#mois").fill("2");
  await page.locator("#annee").fill("1982");
  await page.getByRole("button", { name: "Recevoir mon identifiant" }).click();
  const summary = page.locator("#identifiant-oublie-message");
  await expect(summary).toContainText("Le formulaire contient des erreurs.");
  await expect(summary.getByRole("link", { name: "Saisissez votre nom de naissance." })).toBeVisible();
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page);

  await page.locator("#nomNaissance").fill("PETIT");
  await page.locator("#prenom").fill("marc");
  await page.locator("#jour").fill("17");
  await page.locator("#contact").fill("06 39 98 10 05");
  await page.getByRole("button", { name: "Recevoir mon identifiant" }).click();
  await expect(summary).toContainText("Si ces informations correspondent à un espace Mon Compte, votre identifiant vient d'être envoyé par SMS au 06 ** ** ** 05.");
  await expect(summary).toContainText("Sans message d'ici quelques minutes, contactez votre Caf.");
  await expectNoAxeViolations(page);

  const sms = await newestMessage(browser, "06 39 98 10 05", /numéro de sécurité sociale de votre carte Vitale/);
  // Never the whole NIR: its last 4 characters only.
  expect(sms).toContain("7830");
  expect(sms.replace(/\s/g, "")).not.toContain("18202315550");
  expect(sms).not.toMatch(/https?:|www\./);
});
