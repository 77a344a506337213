// "Mot de passe oublié" and "Identifiant oublié" in the browser, reading the messages the way a person trying the
// demo would: on /dev/messages, opened in a second page. axe-core checks every step, errors shown included.
// Nadia is the one whose password changes here: no other browser test signs in as her.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";

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
  await expect(page.locator(".fr-stepper__state")).toContainText(`Étape ${step} sur 4`);
}

test("Nadia choisit un nouveau mot de passe avec un code reçu par SMS, puis se connecte avec", async ({ page, browser }) => {
  // Step 1: the identifier, first with an error.
  await page.goto("/mot-de-passe-oublie");
  await expectStep(page, 1);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.locator("#identifiant-message")).toContainText("Saisissez votre identifiant");
  await expect(page.locator("#identifiant-message")).toBeFocused();
  await expectNoAxeViolations(page);
  await page.locator("#identifiant").fill("2 84 06 44 109 033 22");
  await page.getByRole("button", { name: "Continuer" }).click();

  // Step 2: her verified contact, masked; nothing chosen is an error.
  await expect(page).toHaveURL(/\/mot-de-passe-oublie\/choix$/);
  await expectStep(page, 2);
  await expect(page.getByText("Si un compte correspond à cet identifiant")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Recevoir un code" }).click();
  await expect(page.locator("#canal-message")).toContainText("Choisissez où recevoir le code");
  await expectNoAxeViolations(page);
  await page.getByText("Par SMS au 06 ** ** ** 06").click(); // the DSFR label covers its radio
  await expect(page.getByLabel("Par SMS au 06 ** ** ** 06")).toBeChecked();
  await page.getByRole("button", { name: "Recevoir un code" }).click();

  // Step 3: where the code went, how long it lasts, help; a wrong code first.
  await expect(page).toHaveURL(/\/mot-de-passe-oublie\/code$/);
  await expectStep(page, 3);
  await expect(page.getByText(/par SMS au numéro suivant : 06 \*\* \*\* \*\* 06/)).toBeVisible();
  await expect(page.getByText(/Ce code est valable encore (9|10) minutes\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vous n'avez rien reçu ?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Recevoir un nouveau code (3 possibles)" })).toBeVisible();
  await expectNoAxeViolations(page);

  // "Modifier mon choix" goes back to step 2; choosing again sends another code.
  await page.getByRole("button", { name: "Modifier mon choix" }).click();
  await expect(page).toHaveURL(/\/mot-de-passe-oublie\/choix$/);
  await page.getByText("Par SMS au 06 ** ** ** 06").click();
  await page.getByRole("button", { name: "Recevoir un code" }).click();
  await expect(page).toHaveURL(/\/mot-de-passe-oublie\/code$/);
  await expect(page.getByRole("button", { name: "Recevoir un nouveau code (2 possibles)" })).toBeVisible();

  const first = await codeSentTo(browser, "06 39 98 10 06");
  await page.locator("#code").fill(first === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.locator("#code-message")).toContainText("Il vous reste 4 essais");
  await expect(page.locator("#code-message")).toBeFocused();
  await expectNoAxeViolations(page);

  // "Recevoir un nouveau code": the previous one stops working.
  await page.getByRole("button", { name: "Recevoir un nouveau code (2 possibles)" }).click();
  await expect(page.locator("#code-message")).toContainText("Un nouveau code vient de vous être envoyé par SMS au 06 ** ** ** 06.");
  await expect(page.getByRole("button", { name: "Recevoir un nouveau code (1 possible)" })).toBeVisible();
  const code = await codeSentTo(browser, "06 39 98 10 06");
  expect(code).not.toBe(first);
  await page.locator("#code").fill(code);
  await page.getByRole("button", { name: "Valider le code" }).click();

  // Step 4: the new password, first with two different entries.
  await expect(page).toHaveURL(/\/mot-de-passe-oublie\/nouveau-mot-de-passe$/);
  await expectStep(page, 4);
  await expectNoAxeViolations(page);
  await page.locator('[name="nouveauMotDePasse"]').fill("Estuaire4Voilier");
  await page.locator('[name="confirmation"]').fill("Estuaire4Voiliers");
  await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
  await expect(page.locator("#mot-de-passe-message")).toContainText("pas identiques");
  await expectNoAxeViolations(page);
  await page.locator('[name="nouveauMotDePasse"]').fill("Estuaire4Voilier");
  await page.locator('[name="confirmation"]').fill("Estuaire4Voilier");
  await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();

  await expect(page).toHaveURL(/\/mot-de-passe-oublie\/modifie$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre mot de passe a été modifié");
  await expectNoAxeViolations(page);
  expect(await newestMessage(browser, "06 39 98 10 06", /mot de passe modifié/)).toContain("Mot de passe oublié");

  await page.getByRole("link", { name: "Aller à la page de connexion" }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await page.locator("#identifiant").fill("284064410903322");
  await page.locator("#motDePasse").fill("Estuaire4Voilier");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
});

test("un identifiant inconnu mène au même écran, sans choix, avec le conseil de contacter la Caf", async ({ page }) => {
  await page.goto("/mot-de-passe-oublie");
  await page.locator("#identifiant").fill("P12345678");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page).toHaveURL(/\/mot-de-passe-oublie\/choix$/);
  await expectStep(page, 2);
  await expect(page.getByText("Si un compte correspond à cet identifiant")).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expect(page.getByText(/contactez votre\s+Caf/).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe("sans JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("« Mot de passe oublié » passe à l'étape suivante en simple envoi de formulaire", async ({ page }) => {
    await page.goto("/mot-de-passe-oublie");
    await page.locator("#identifiant").fill("P87654321");
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page).toHaveURL(/\/mot-de-passe-oublie\/choix$/);
    await expect(page.getByText("Si un compte correspond à cet identifiant")).toBeVisible();
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

  const sms = await newestMessage(browser, "06 39 98 10 05", /identifiant de connexion est/);
  expect(sms).toContain("1 82 02 31 555 078 30");
  expect(sms).not.toMatch(/https?:|www\./);
});
