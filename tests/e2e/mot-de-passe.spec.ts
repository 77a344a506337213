// Changing one's password from the tableau de bord (SPEC §2, QUALITY-BARS 6 and accessibility), in the browser.
// Jeanne GIRARD is the one whose password changes here: no other browser test signs in as her, so the order in
// which the files run does not matter. She has a confirmed mobile only: no e-mail code at login.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { expectArrival } from "./arrivee";

const JEANNE = "2 44 08 13 055 118 21";
const CURRENT = "Calanque2026Caf";
const NEW = "Girafe9Lanterne";

async function login(page: Page, identifiant: string, motDePasse: string) {
  await page.goto("/connexion");
  await page.locator("#identifiant").fill(identifiant);
  await page.locator("#motDePasse").fill(motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** Whether /dev/messages holds a message to `recipient` matching `content`, waiting for it to arrive. */
async function expectMessage(browser: Browser, recipient: string, content: RegExp) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await expect
      .poll(
        async () => {
          await page.goto("/dev/messages");
          const message = page.locator("article").filter({ hasText: recipient }).filter({ hasText: content });
          return message.count();
        },
        { timeout: 15_000, intervals: [250, 500, 1_000] },
      )
      .toBeGreaterThan(0);
  } finally {
    await context.close();
  }
}

test("sans JavaScript, le formulaire est un envoi classique et le serveur vérifie tout", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, JEANNE, CURRENT);
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await page.goto("/mon-compte/mot-de-passe");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changer mon mot de passe");
  // The rules are listed, with no state yet; the "show" box needs JavaScript and is not there.
  await expect(page.locator("#regles-mot-de-passe li")).toHaveCount(4);
  await expect(page.getByLabel("Afficher le mot de passe")).toHaveCount(0);

  await page.locator("#motDePasseActuel").fill(CURRENT);
  await page.locator("#nouveauMotDePasse").fill("Girard1944!");
  await page.locator("#confirmation").fill("Girard1944!");
  await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
  const summary = page.locator("#mot-de-passe-message");
  await expect(summary).toContainText("Votre mot de passe n'a pas été modifié");
  await expect(summary).toContainText("Ce mot de passe ne respecte pas 3 règles, détaillées sous le champ.");
  // One sentence per rule broken, in a list under the field.
  await expect(page.locator("#nouveauMotDePasse-regles-non-respectees li")).toHaveText([
    /^Ce mot de passe est trop courant/,
    "Le mot de passe ne doit pas contenir votre nom ou votre prénom.",
    "Le mot de passe ne doit pas contenir votre date ou votre année de naissance.",
  ]);
  // The right current password comes back; the refused new one and its confirmation do not. Nothing in the address.
  await expect(page.locator("#motDePasseActuel")).toHaveValue(CURRENT);
  await expect(page.locator("#nouveauMotDePasse")).toHaveValue("");
  await expect(page.locator("#confirmation")).toHaveValue("");
  expect(page.url()).not.toContain(CURRENT);
  await context.close();
});

test("Jeanne change son mot de passe depuis le tableau de bord ; un cookie capturé avant ne sert plus à rien", async ({ page, browser }) => {
  await login(page, JEANNE, CURRENT);
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  const captured = (await page.context().cookies()).filter((c) => c.name === "__Host-moncompte.session");
  expect(captured).toHaveLength(1);

  await page.getByRole("link", { name: "Changer mon mot de passe" }).click();
  await expect(page).toHaveURL(/\/mon-compte\/mot-de-passe$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changer mon mot de passe");
  await expectNoAxeViolations(page);

  // The checklist follows the typing, in words.
  const rule = (id: string) => page.locator(`#regles-mot-de-passe li[data-regle="${id}"]`);
  await page.locator("#nouveauMotDePasse").fill("girafe");
  await expect(rule("longueur")).toContainText("Entre 8 et 24 caractères : non respectée");
  await expect(rule("minuscule")).toContainText("Au moins 1 lettre minuscule : respectée");
  await expect(rule("majuscule")).toContainText("non respectée");
  await expect(rule("chiffre")).toContainText("non respectée");

  // "Azerty123" meets the four rules checked as one types, but the common-password rule is never shown as met: it
  // is listed apart, checked when the form is sent.
  await page.locator("#nouveauMotDePasse").fill("Azerty123");
  for (const id of ["longueur", "chiffre", "minuscule", "majuscule"]) await expect(rule(id)).toContainText(": respectée");
  const common = page.locator('#regles-mot-de-passe-envoi li[data-regle="courant"]');
  await expect(common).toContainText("Ne pas être un mot de passe courant");
  await expect(common).toHaveAttribute("data-etat", "verifie-a-l-envoi");
  await expect(common).not.toContainText("respectée");
  await expect(page.locator("#regles-mot-de-passe-envoi")).toContainText("Vérifié à l'envoi du formulaire");

  // Errors: a wrong current password and a confirmation that differs, all in the summary, which takes the focus.
  await page.locator("#motDePasseActuel").fill("Mauvais2026Caf");
  await page.locator("#nouveauMotDePasse").fill(NEW);
  await page.locator("#confirmation").fill(`${NEW}x`);
  await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
  const summary = page.locator("#mot-de-passe-message");
  await expect(summary).toContainText("Le mot de passe actuel saisi est incorrect");
  await expect(summary).toContainText("Les deux mots de passe saisis ne sont pas identiques");
  await expect(summary).toBeFocused();
  // The wrong current password and the differing confirmation are emptied; the accepted new password stays, and
  // the checklist reads it again.
  await expect(page.locator("#motDePasseActuel")).toHaveValue("");
  await expect(page.locator("#motDePasseActuel")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#nouveauMotDePasse")).toHaveValue(NEW);
  await expect(page.locator("#confirmation")).toHaveValue("");
  for (const id of ["longueur", "chiffre", "minuscule", "majuscule"]) await expect(rule(id)).toContainText(": respectée");
  await expectNoAxeViolations(page);

  // "Afficher le mot de passe" shows both fields in clear.
  await page.locator('label[for="afficherMotDePasse"]').click();
  await expect(page.locator("#nouveauMotDePasse")).toHaveAttribute("type", "text");
  await expect(page.locator("#confirmation")).toHaveAttribute("type", "text");
  for (const id of ["longueur", "chiffre", "minuscule", "majuscule"]) await expect(rule(id)).toContainText(": respectée");

  await page.locator("#motDePasseActuel").fill(CURRENT);
  await page.locator("#confirmation").fill(NEW);
  await expect(page.getByText("Les deux saisies sont identiques.")).toBeVisible();
  await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord\?mot-de-passe=modifie$/);
  await expect(page.getByText("Votre mot de passe a été modifié.")).toBeVisible();
  await expectArrival(page, "message");
  await expectNoAxeViolations(page);

  // The cookie captured before the change is refused; the current session goes on.
  const thief = await browser.newContext();
  await thief.addCookies(captured);
  const stolen = await thief.newPage();
  await stolen.goto("/tableau-de-bord");
  await expect(stolen).toHaveURL(/\/connexion\?retour=%2Ftableau-de-bord$/);
  await thief.close();
  await page.goto("/tableau-de-bord");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Jeanne");

  // Jeanne is told on her confirmed mobile.
  await expectMessage(browser, "06 39 98 10 08", /mot de passe modifié/);

  // The old password no longer opens her space; the new one does.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion\?raison=deconnexion$/);
  await login(page, JEANNE, CURRENT);
  await expect(page.locator("#connexion-message")).toContainText("Identifiant ou mot de passe incorrect.");
  await login(page, JEANNE, NEW);
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Jeanne");
});
