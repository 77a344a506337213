import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { expectArrival } from "./arrivee";

async function login(page: Page, identifiant: string, motDePasse: string) {
  await page.goto("/connexion");
  await page.locator("#identifiant").fill(identifiant);
  await page.locator("#motDePasse").fill(motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

test("Marc se connecte avec son mot de passe et voit sa connexion précédente, puis son historique", async ({ page, browser }) => {
  await login(page, "1 82 02 31 555 078 30", "Garonne2026Caf");
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Marc");
  // The route announcer reads the page reached, and the focus is on its <h1>.
  await expectArrival(page, "titre");
  // The demo gives each persona with an account a plausible previous connection, a few days before the seed.
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(/^Dernière connexion le \d{1,2}(er)? \S+ \d{4} à \d{2} h \d{2}$/);
  await expectNoAxeViolations(page);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await login(other, "182023155507830", "Garonne2026Caf");
  await expect(other.getByRole("heading", { level: 2 }).first()).toHaveText(/^Dernière connexion le \d{1,2}(er)? \S+ \d{4} à \d{2} h \d{2}$/);

  await other.getByRole("link", { name: "Historique de mes connexions" }).click();
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Historique de mes connexions");
  await expect(other.locator("tbody tr").first()).toContainText("Mot de passe");
  await expect(other.locator("tbody tr").first()).toContainText("Réussie");
  await expectNoAxeViolations(other);
  await otherContext.close();
});

test("la bascule : Claire entre avec le mot de passe du dossier et arrive sur la première connexion, rien d'autre", async ({ page }) => {
  await login(page, "288036912304529", "48207315");
  await expect(page).toHaveURL(/\/premiere-connexion\/conditions$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Première connexion");
  await page.goto("/tableau-de-bord");
  await expect(page).toHaveURL(/\/premiere-connexion\/conditions$/);
  await expectNoAxeViolations(page);
});

// On an identifier nobody has (valid key), so that the lockout, shown exactly as for a real account, does not lock a
// persona the next specs sign in with; that even the right password is refused while locked is proven in
// tests/integration/password-login.test.ts.
test("6 mauvais mots de passe de suite affichent le verrouillage avec son heure de fin", async ({ page }) => {
  for (let i = 1; i <= 5; i++) {
    await login(page, "170017505699977", `Mauvais${i}Caf2026`);
    await expect(page.locator("#connexion-message")).toContainText("Identifiant ou mot de passe incorrect.");
  }
  await login(page, "170017505699977", "Maquis2026Caf");
  await expect(page.locator("#connexion-message")).toContainText(/Trop de tentatives de connexion\. Par sécurité, réessayez après \d{2} h \d{2}\./);
  await expectNoAxeViolations(page);
});

test("un identifiant inconnu reçoit le même message qu'un mauvais mot de passe", async ({ page }) => {
  await login(page, "P12345678", "Quelconque2026");
  await expect(page.locator("#connexion-message")).toContainText("Identifiant ou mot de passe incorrect.");
});

test("un cookie de session capturé avant la déconnexion est refusé ensuite", async ({ page, browser }) => {
  await login(page, "1 79 06 75 056 123 10", "Seine2026Caf");
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  const captured = (await page.context().cookies()).filter((c) => c.name === "__Host-moncompte.session");
  expect(captured).toHaveLength(1);
  expect(captured[0]).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion\?raison=deconnexion$/);
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();

  const thief = await browser.newContext();
  await thief.addCookies(captured);
  const stolen = await thief.newPage();
  await stolen.goto("/tableau-de-bord");
  await expect(stolen).toHaveURL(/\/connexion\?retour=%2Ftableau-de-bord$/);
  await thief.close();
});

test("une page protégée sans session renvoie vers la connexion, puis y ramène après", async ({ page }) => {
  await page.goto("/mon-compte/connexions");
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fmon-compte%2Fconnexions$/);
  await page.locator("#identifiant").fill("281109205004516");
  await page.locator("#motDePasse").fill("Nanterre2026Caf");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/mon-compte\/connexions$/);
});

test("un retour forgé vers un autre site est ignoré", async ({ page }) => {
  await page.goto("/connexion?retour=https://exemple.invalid/piege");
  await page.locator("#identifiant").fill("187051305520164");
  await page.locator("#motDePasse").fill("Mistral2026Caf");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/tableau-de-bord$/);
});

for (const forged of ["/..//exemple.invalid/piege", "/%2e%2e//exemple.invalid/piege", "/./%2F%2Fexemple.invalid", "/%5cexemple.invalid"]) {
  test(`après une vraie connexion, un retour forgé (${forged}) mène au tableau de bord`, async ({ page }) => {
    await page.goto(`/connexion?retour=${encodeURIComponent(forged)}`);
    await page.locator("#identifiant").fill("187051305520164");
    await page.locator("#motDePasse").fill("Mistral2026Caf");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/localhost:\d+\/tableau-de-bord$/);
  });
}

test("la page d'acceptation des CGU ne suit pas un retour forgé vers un autre site", async ({ page }) => {
  await login(page, "187051305520164", "Mistral2026Caf");
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  // Karim has accepted the CGU in force: the page sends him straight to its return path.
  await page.goto(`/conditions-generales/acceptation?retour=${encodeURIComponent("/..//exemple.invalid/piege")}`);
  await expect(page).toHaveURL(/localhost:\d+\/tableau-de-bord$/);
  await page.goto("/conditions-generales/acceptation?retour=/mon-compte/connexions");
  await expect(page).toHaveURL(/localhost:\d+\/mon-compte\/connexions$/);
});
