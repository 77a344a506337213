// "Créer mon espace" in Chromium, on a portal of its own (stopped while the operator's `immatriculer` writes to its
// embedded database). Amina (born in Dakar, no NIR) creates her space, receives her provisional identifier by e-mail
// and SMS through the local sinks, signs in with it; after `immatriculer` she signs in with her NIR and the provisional
// identifier is refused with the explanation. Fatou, whose NIR contradicts her declared sex, does it all without
// JavaScript and gets a provisional identifier with the reason. axe checks every step, with its errors shown.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { latestCodeSentTo } from "./messages";
import { ownPortal, type OwnPortal } from "./own-portal";

let portal: OwnPortal;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = ownPortal(Number(process.env.E2E_PORT ?? 3100) + 120);
  await portal.start();
});
test.afterAll(async () => portal?.dispose());

const AMINA = { email: "amina.diallo@example.org", mobile: "06 39 98 10 10", motDePasse: "Baobab2026Dakar", nir: "201129934112315" };

async function messagesMentioning(browser: Browser, text: string): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${portal.origin}/dev/messages`);
    const articles = page.locator("article").filter({ hasText: text });
    await expect(articles.first()).toBeVisible();
    return await articles.allTextContents();
  } finally {
    await context.close();
  }
}

async function loginCodeMessages(browser: Browser): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${portal.origin}/dev/messages`);
    return await page.locator("article").filter({ hasText: AMINA.email }).filter({ hasText: "terminer votre connexion" }).allTextContents();
  } finally {
    await context.close();
  }
}

/** Password login; a browser the portal does not know types the e-mail code too — the code of a message sent now,
 *  never one of an earlier login (the page lists the newest first). */
async function signIn(page: Page, browser: Browser, identifiant: string, motDePasse: string) {
  const before = (await loginCodeMessages(browser)).length;
  await page.goto(`${portal.origin}/connexion`);
  await page.locator("#identifiant").fill(identifiant);
  await page.locator("#motDePasse").fill(motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/connexion\/code|\/tableau-de-bord/, { timeout: 30_000 });
  if (page.url().includes("/connexion/code")) {
    let messages: string[] = [];
    await expect.poll(async () => (messages = await loginCodeMessages(browser)).length, { timeout: 30_000 }).toBeGreaterThan(before);
    const code = messages[0]?.match(/\b(\d{6})\b/)?.[1] ?? "";
    await page.locator("#code").fill(code);
    await page.getByRole("button", { name: "Valider" }).click();
  }
}

test("Amina, née à Dakar et sans NIR, crée son espace, reçoit P + 8 chiffres par courriel et SMS, se connecte avec ; après immatriculation, son NIR remplace l'identifiant provisoire", async ({ page, browser }) => {
  test.setTimeout(600_000);
  const { origin } = portal;
  await page.goto(`${origin}/connexion`);
  await page.getByRole("link", { name: "Créer mon espace" }).first().click();
  await expect(page).toHaveURL(/\/creer-mon-espace$/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Commencer" }).click();

  // 1. Identity: an empty form first, errors shown (and checked by axe), then her identity.
  await expect(page).toHaveURL(/\/creer-mon-espace\/identite$/);
  await expect(page.getByText("Étape 1 sur 5")).toBeVisible();
  await page.locator("#nomNaissance").fill("DIALLO2");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.locator("#identite-message")).toContainText("Des informations sont à corriger.");
  await expect(page.locator("#identite-message")).toContainText("pas de chiffre");
  await expectNoAxeViolations(page);
  await expect(page.locator("#nomNaissance")).toHaveValue("DIALLO2");
  await page.locator("#nomNaissance").fill("DIALLO");
  await page.locator("#prenoms").fill("Amina");
  await page.locator('label[for="sexe-F"]').click();
  await page.locator("#jour").fill("5");
  await page.locator("#mois").fill("12");
  await page.locator("#annee").fill("2001");
  await page.getByRole("button", { name: "Continuer" }).click();

  // 2. Birthplace abroad: without her parents first, then complete.
  await expect(page).toHaveURL(/\/creer-mon-espace\/naissance$/);
  await page.locator('label[for="lieu-etranger"]').click();
  await page.locator("#pays").fill("France");
  await page.locator("#ville").fill("Dakar");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.locator("#naissance-message")).toContainText("Des informations sont à corriger.");
  await expectNoAxeViolations(page);
  await page.locator("#pays").fill("Sénégal");
  await page.locator("#parent1Nom").fill("DIALLO");
  await page.locator("#parent1Prenoms").fill("Moussa");
  await page.locator("#parent2Nom").fill("BA");
  await page.locator("#parent2Prenoms").fill("Aïssatou");
  await page.getByRole("button", { name: "Continuer" }).click();

  // A way back from every step: back to the birthplace, nothing lost.
  await expect(page).toHaveURL(/\/creer-mon-espace\/numero$/);
  await page.getByRole("link", { name: /Revenir à l'étape précédente/ }).click();
  await expect(page).toHaveURL(/\/creer-mon-espace\/naissance$/);
  await expect(page.locator("#ville")).toHaveValue("Dakar");
  await expect(page.locator("#parent2Prenoms")).toHaveValue("Aïssatou");
  await page.getByRole("button", { name: "Continuer" }).click();

  // 3. No NIR.
  await expect(page).toHaveURL(/\/creer-mon-espace\/numero$/);
  await expectNoAxeViolations(page);
  await page.locator('label[for="aUnNir-non"]').click();
  await page.getByRole("button", { name: "Continuer" }).click();

  // 4. Contact details, each confirmed by its code (a wrong one first).
  await expect(page).toHaveURL(/\/creer-mon-espace\/coordonnees$/);
  await page.locator("#email").fill(AMINA.email);
  await page.locator("#mobile").fill(AMINA.mobile);
  await page.getByRole("button", { name: "Recevoir les codes de confirmation" }).click();
  await expect(page.getByRole("heading", { name: "Confirmez votre adresse électronique" })).toBeVisible();
  const emailCode = await latestCodeSentTo(browser, AMINA.email, origin);
  await page.locator("#code").fill(emailCode === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.locator("#code-message")).toContainText("Le code n'est pas accepté.");
  await expectNoAxeViolations(page);
  await page.locator("#code").fill(emailCode);
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByRole("heading", { name: "Confirmez votre numéro de mobile" })).toBeVisible();
  await page.locator("#code").fill(await latestCodeSentTo(browser, AMINA.mobile, origin));
  await page.getByRole("button", { name: "Confirmer" }).click();

  // 5. Check and create.
  await expect(page).toHaveURL(/\/creer-mon-espace\/verification$/);
  await expect(page.getByText("Dakar, SENEGAL")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Créer mon espace" }).click();
  await expect(page).toHaveURL(/\/creer-mon-espace\/termine$/);
  const identifiant = ((await page.locator("#identifiant-provisoire").textContent()) ?? "").trim();
  expect(identifiant).toMatch(/^P\d{8}$/);
  await expectNoAxeViolations(page);

  // The identifier reached her by e-mail and by SMS, without a link.
  const sent = await messagesMentioning(browser, identifiant);
  expect(sent.some((m) => m.includes(AMINA.email))).toBe(true);
  expect(sent.some((m) => m.includes(AMINA.mobile) || m.includes("+33639981010"))).toBe(true);
  for (const m of sent) expect(m).not.toMatch(/https?:\/\//);

  // Then the CGU and password steps of the first-connection wizard; her space opens.
  await page.getByRole("link", { name: "Continuer" }).click();
  await expect(page).toHaveURL(/\/premiere-connexion\/conditions$/);
  await page.locator('label[for="accepte"]').click();
  await page.getByRole("button", { name: "Accepter et continuer" }).click();
  await expect(page).toHaveURL(/\/premiere-connexion\/mot-de-passe$/);
  await page.locator("#nouveauMotDePasse").fill(AMINA.motDePasse);
  await page.locator("#confirmation").fill(AMINA.motDePasse);
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord/);
  await page.getByRole("button", { name: "Se déconnecter" }).first().click();
  await expect(page).toHaveURL(/\/connexion\?raison=deconnexion$/, { timeout: 30_000 });

  // She signs in with her provisional identifier.
  await signIn(page, browser, identifiant, AMINA.motDePasse);
  await expect(page).toHaveURL(/\/tableau-de-bord/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Amina");
  await page.getByRole("button", { name: "Se déconnecter" }).first().click();
  await expect(page).toHaveURL(/\/connexion\?raison=deconnexion$/, { timeout: 30_000 });

  // The Caf records her NIR (the portal is stopped meanwhile: its embedded database has one owner).
  await portal.stop();
  const done = portal.admin("immatriculer", identifiant, "2 01 12 99 341 123 15");
  expect(done.output).toContain("Numéro de sécurité sociale enregistré");
  expect(done.status).toBe(0);
  await portal.start();

  // The provisional identifier is refused, saying what changed; the NIR opens her space.
  await page.goto(`${origin}/connexion`);
  await page.locator("#identifiant").fill(identifiant);
  await page.locator("#motDePasse").fill(AMINA.motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText(/Votre identifiant provisoire ne fonctionne plus/)).toBeVisible();
  await expect(page.getByText(/Connectez-vous désormais avec ce numéro/)).toBeVisible();
  await expectNoAxeViolations(page);
  await signIn(page, browser, AMINA.nir, AMINA.motDePasse);
  await expect(page).toHaveURL(/\/tableau-de-bord/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Amina");
});

test.describe("sans JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Fatou, dont le NIR contredit le sexe déclaré, reçoit un identifiant provisoire et l'explication — tout le parcours sans JavaScript", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const { origin } = portal;
    await page.goto(`${origin}/creer-mon-espace`);
    await page.getByRole("button", { name: "Commencer" }).click();
    await expect(page).toHaveURL(/\/creer-mon-espace\/identite$/);
    // A birth date in the future: refused, what was typed comes back.
    await page.locator("#nomNaissance").fill("SOW");
    await page.locator("#prenoms").fill("Fatou");
    await page.locator('label[for="sexe-F"]').click();
    await page.locator("#jour").fill("10");
    await page.locator("#mois").fill("3");
    await page.locator("#annee").fill("2095");
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page.getByText("La date de naissance ne peut pas être dans le futur.").first()).toBeVisible();
    await expect(page.locator("#nomNaissance")).toHaveValue("SOW");
    await page.locator("#annee").fill("1995");
    await page.getByRole("button", { name: "Continuer" }).click();

    // The commune in a plain field, resolved on the server.
    await expect(page).toHaveURL(/\/creer-mon-espace\/naissance$/);
    await page.locator('label[for="lieu-france"]').click();
    await page.locator("#commune").fill("Lyon");
    await page.getByRole("button", { name: "Continuer" }).click();

    // A man's NIR (first digit 1), otherwise consistent with a birth in Lyon in March 1995.
    await expect(page).toHaveURL(/\/creer-mon-espace\/numero$/);
    await page.locator('label[for="aUnNir-oui"]').click();
    await page.locator("#nir").fill("1 95 03 69 123 045 27");
    await page.getByRole("button", { name: "Continuer" }).click();

    await expect(page).toHaveURL(/\/creer-mon-espace\/coordonnees$/);
    await page.locator("#email").fill("fatou.sow@example.org");
    await page.getByRole("button", { name: "Recevoir les codes de confirmation" }).click();
    await page.locator("#code").fill(await latestCodeSentTo(browser, "fatou.sow@example.org", origin));
    await page.getByRole("button", { name: "Confirmer" }).click();

    await expect(page).toHaveURL(/\/creer-mon-espace\/verification$/);
    await expect(page.getByText("Le sexe ne correspond pas au numéro de sécurité sociale.")).toBeVisible();
    await page.getByRole("button", { name: "Créer mon espace" }).click();
    await expect(page).toHaveURL(/\/creer-mon-espace\/termine$/);
    await expect(page.getByRole("heading", { name: "Votre numéro de sécurité sociale n'a pas été retenu" })).toBeVisible();
    await expect(page.getByText("Le sexe ne correspond pas au numéro de sécurité sociale.")).toBeVisible();
    expect(((await page.locator("#identifiant-provisoire").textContent()) ?? "").trim()).toMatch(/^P\d{8}$/);
  });
});
