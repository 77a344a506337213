// Help that leads somewhere, login help, code screens and wording (accessibility issue, points 3, 4, 9 and 10), and
// the keyboard-only walk through the login, the first-connection wizard and "Mot de passe oublié".
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { latestCodeSentTo } from "./messages";
import { ownPortal, type OwnPortal } from "./own-portal";

async function login(page: Page, identifiant: string, motDePasse: string, origin = "") {
  await page.goto(`${origin}/connexion`);
  await page.locator("#identifiant").fill(identifiant);
  await page.locator("#motDePasse").fill(motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** The Caf's help: the national number, what a call costs, and the contact page. */
async function expectCafHelp(scope: Locator | Page) {
  await expect(scope.getByRole("link", { name: "32 30" }).first()).toHaveAttribute("href", "tel:3230");
  await expect(scope.getByText(/le service lui-même est gratuit/).first()).toBeVisible();
  await expect(scope.getByRole("link", { name: /Nous contacter/ }).first()).toHaveAttribute("href", "https://www.caf.fr/nous-contacter");
}

test.describe("une aide qui mène quelque part", () => {
  test("les pages d'erreur FranceConnect et « Mot de passe oublié » donnent le 32 30, son coût, la page contact et l'origine du mot de passe du dossier", async ({ page }) => {
    for (const path of ["/connexion/franceconnect/erreur?raison=refusee", "/connexion/franceconnect/plusieurs-dossiers", "/connexion/franceconnect/indisponible", "/mot-de-passe-oublie"]) {
      await page.goto(path);
      await expectCafHelp(page);
      await expect(page.getByText(/Le mot de passe à 8 chiffres de votre dossier vous a été envoyé par la Caf, par courrier/)).toBeVisible();
      await expect(page.getByText(/numéro indiqué sur vos courriers/)).toHaveCount(0);
      await expectNoAxeViolations(page);
    }
  });

  test("chaque promesse de la page d'accueil mène, après la connexion, à la page qui la tient", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Suivre vos paiements" }).click();
    await expect(page).toHaveURL(/\/connexion\?retour=/);
    await page.locator("#identifiant").fill("179067505612310");
    await page.locator("#motDePasse").fill("Seine2026Caf");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/mon-compte\/dossier\/\d+#paiements$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { name: "Derniers paiements" })).toBeVisible();

    const promises: [string, RegExp][] = [
      ["Voir votre dossier", /\/mon-compte\/dossier\/\d+$/],
      ["Garder vos coordonnées à jour", /\/mon-compte\/coordonnees$/],
      ["Choisir qui agit pour vous", /\/tableau-de-bord$/],
    ];
    for (const [name, url] of promises) {
      await page.goto("/");
      await page.getByRole("link", { name }).click();
      await expect(page).toHaveURL(url);
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Page introuvable");
    }
  });

  test("la page introuvable a son propre titre", async ({ page }) => {
    await page.goto("/cette-page-n-existe-pas");
    await expect(page).toHaveTitle("Page introuvable — Mon Compte");
  });
});

test.describe("aide à la connexion", () => {
  test("« Afficher le mot de passe », où trouver son numéro de sécurité sociale, et un NIR tapé avec des points", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/connexion");
    await expect(page.getByText(/inscrit sur votre carte Vitale et sur votre attestation de droits à l'assurance maladie/)).toBeVisible();
    await page.locator("#motDePasse").fill("Seine2026Caf");
    await expect(page.locator("#motDePasse")).toHaveAttribute("type", "password");
    await page.locator('label[for="motDePasse-afficher"]').click();
    await expect(page.getByLabel("Afficher le mot de passe")).toBeChecked();
    await expect(page.locator("#motDePasse")).toHaveAttribute("type", "text");
    await expectNoAxeViolations(page);
    await page.locator('label[for="motDePasse-afficher"]').click();
    await expect(page.locator("#motDePasse")).toHaveAttribute("type", "password");

    await page.locator("#identifiant").fill("1.79.06.75.056.123-10");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/tableau-de-bord$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Thomas");
    await context.close();
  });

  test("avant le dernier essai, un avertissement ; le verrouillage mène à « Mot de passe oublié »", async ({ page }) => {
    // An identifier nobody has (valid key): the lockout locks no persona.
    for (let i = 1; i <= 4; i++) {
      await login(page, "170017505699680", `Mauvais${i}Caf2026`);
      await expect(page.locator("#connexion-message")).toContainText("Identifiant ou mot de passe incorrect.");
      if (i < 4) await expect(page.locator("#connexion-message")).not.toContainText("Il vous reste 1 essai");
    }
    await expect(page.locator("#connexion-message")).toContainText("Attention : il vous reste 1 essai.");
    await expect(page.getByRole("link", { name: /Mot de passe oublié : en choisir un nouveau/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await login(page, "170017505699680", "Mauvais5Caf2026");
    await login(page, "170017505699680", "Mauvais6Caf2026");
    await expect(page.locator("#connexion-message")).toContainText("Trop de tentatives de connexion.");
    await page.getByRole("link", { name: /Mot de passe oublié : en choisir un nouveau/ }).click();
    await expect(page).toHaveURL(/\/mot-de-passe-oublie$/, { timeout: 30_000 });
  });
});

test("code de connexion : « Vous n'avez rien reçu ? » propose le SMS au mobile confirmé, FranceConnect et l'aide de la Caf", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, "290013306308710", "Soleil2026Caf");
  await expect(page).toHaveURL(/\/connexion\/code$/, { timeout: 30_000 });
  const help = page.locator("section", { has: page.getByRole("heading", { name: "Vous n'avez rien reçu ?" }) });
  await expect(page.getByRole("link", { name: "Se connecter avec FranceConnect" })).toHaveAttribute("href", "/connexion/franceconnect");
  await expectCafHelp(page);
  await expect(page.getByText(/valable/)).toHaveCount(1);

  // A wrong code first: its error goes once the code comes by SMS instead.
  await page.locator("#code").fill("000000");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.locator("#code-message")).toContainText(/incorrect/i);
  await help.getByRole("button", { name: "Recevoir plutôt le code par SMS au 06 ** ** ** 03" }).click();
  await expect(page.locator("#code-message")).toContainText("Un code vient de vous être envoyé par SMS au 06 ** ** ** 03.");
  await expect(page.locator("#code-message")).not.toContainText(/incorrect/i);
  await expect(page.locator("#validite-code")).toHaveText(/^Ce code est valable encore (9|10) minutes \(jusqu'à \d\d h \d\d\)\.$/);
  await expectNoAxeViolations(page);

  const code = await latestCodeSentTo(browser, "06 39 98 10 03");
  await page.locator("#code").fill(code);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Sophie");
  await context.close();
});

// Keyboard only: the page is reached by its address (as typed in the address bar), then only Tab, Shift+Tab,
// Enter, Space and typing. The helper below presses Tab until the wanted element has the focus.
test.describe("au clavier seulement", () => {
  let portal: OwnPortal;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    portal = ownPortal(Number(process.env.E2E_PORT ?? 3100) + 140);
    await portal.start();
  });
  test.afterAll(async () => portal?.dispose());

  async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}) {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
      await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    }
    throw new Error(`Pas de focus sur ${target} après ${max} tabulations`);
  }

  async function typeInto(page: Page, target: Locator, text: string) {
    await tabTo(page, target);
    await page.keyboard.type(text);
  }

  async function press(page: Page, target: Locator, key: "Enter" | "Space" = "Enter") {
    await tabTo(page, target);
    await page.keyboard.press(key);
  }

  async function keyboardLogin(page: Page, identifiant: string, motDePasse: string) {
    await page.goto(`${portal.origin}/connexion`);
    await typeInto(page, page.locator("#identifiant"), identifiant);
    await typeInto(page, page.locator("#motDePasse"), motDePasse);
    await page.keyboard.press("Enter");
  }

  test("la connexion, la première connexion et « Mot de passe oublié », sans souris", async ({ browser }) => {
    test.setTimeout(300_000);
    // A fresh portal on a busy machine: the first answers (argon2, first renders) may take a while.
    const slow = { timeout: 30_000 };
    // Login (Marc): the tableau de bord shows his previous connection, a plausible one from the demo.
    const marc = await (await browser.newContext()).newPage();
    await keyboardLogin(marc, "182023155507830", "Garonne2026Caf");
    await expect(marc).toHaveURL(/\/tableau-de-bord$/, slow);
    await expect(marc.getByRole("heading", { level: 2 }).first()).toHaveText(/^Dernière connexion le /);
    await marc.context().close();

    // The first-connection wizard (Claire, with the dossier password): every step by keyboard.
    const claire = await (await browser.newContext()).newPage();
    await keyboardLogin(claire, "288036912304529", "48207315");
    await expect(claire).toHaveURL(/\/premiere-connexion\/conditions$/, slow);
    await press(claire, claire.locator("#accepte"), "Space");
    await expect(claire.locator("#accepte")).toBeChecked();
    await press(claire, claire.getByRole("button", { name: "Accepter et continuer" }));
    await expect(claire).toHaveURL(/\/premiere-connexion\/mot-de-passe$/, slow);
    await typeInto(claire, claire.locator("#nouveauMotDePasse"), "Tournesol2026Lyon");
    await typeInto(claire, claire.locator("#confirmation"), "Tournesol2026Lyon");
    await press(claire, claire.getByRole("button", { name: "Enregistrer et continuer" }));
    await expect(claire).toHaveURL(/\/premiere-connexion\/coordonnees$/, slow);
    await press(claire, claire.getByRole("button", { name: "Enregistrer mes coordonnées" }));
    await expect(claire).toHaveURL(/\/premiere-connexion\/coordonnees\/confirmation$/, slow);
    await press(claire, claire.getByRole("button", { name: "Continuer sans confirmer" }));
    await expect(claire).toHaveURL(/\/premiere-connexion\/delegation$/, slow);
    await press(claire, claire.getByRole("button", { name: "Pas maintenant" }));
    await expect(claire).toHaveURL(/\/tableau-de-bord\?bienvenue=1$/, slow);
    await expect(claire.getByRole("heading", { level: 2 }).first()).toHaveText("Première connexion");
    await claire.context().close();

    // "Mot de passe oublié" (Nadia, with her confirmed mobile), from the login page's link to the end.
    const nadia = await (await browser.newContext()).newPage();
    await nadia.goto(`${portal.origin}/connexion`);
    await press(nadia, nadia.getByRole("link", { name: "Mot de passe oublié", exact: true }));
    await expect(nadia).toHaveURL(/\/mot-de-passe-oublie$/, slow);
    await typeInto(nadia, nadia.locator("#identifiant"), "284064410903322");
    await typeInto(nadia, nadia.locator("#contact"), "06 39 98 10 06");
    await nadia.keyboard.press("Enter");
    await expect(nadia).toHaveURL(/\/mot-de-passe-oublie\/code$/, slow);
    await expect(nadia.getByText(/par SMS au 06 39 98 10 06\./)).toBeVisible();
    const code = await latestCodeSentTo(browser, "06 39 98 10 06", portal.origin);
    await typeInto(nadia, nadia.locator("#code"), code);
    await nadia.keyboard.press("Enter");
    await expect(nadia).toHaveURL(/\/mot-de-passe-oublie\/nouveau-mot-de-passe$/, slow);
    await typeInto(nadia, nadia.locator("#nouveauMotDePasse"), "Estuaire4Voilier");
    await typeInto(nadia, nadia.locator("#confirmation"), "Estuaire4Voilier");
    await press(nadia, nadia.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }));
    await expect(nadia).toHaveURL(/\/mot-de-passe-oublie\/modifie$/, slow);
    await press(nadia, nadia.getByRole("link", { name: "Aller à la page de connexion" }));
    await keyboardLogin(nadia, "284064410903322", "Estuaire4Voilier");
    await expect(nadia).toHaveURL(/\/tableau-de-bord$/, slow);
    await nadia.context().close();
  });
});
