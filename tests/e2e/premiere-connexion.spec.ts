// The first-connection wizard in Chromium, with the codes read from /dev/messages after real delivery (SMTP and
// the Twilio client) to the demo sinks. The last tests stop the codes' clock (/dev/horloge, demo only) and the
// SMTP sink (/_puits/smtp-arret on the SMS sink, demo only) to prove the limits and the outbox.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { expectArrival } from "./arrivee";
import { expectTouchTarget } from "./cible-tactile";
import { latestCodeSentTo } from "./messages";

const smsSinkPort = Number(process.env.E2E_PORT ?? 3100) + 26;

async function login(page: Page, identifiant: string, motDePasse: string) {
  await page.goto("/connexion");
  await page.locator("#identifiant").fill(identifiant);
  await page.locator("#motDePasse").fill(motDePasse);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

async function acceptCgu(page: Page) {
  await page.locator('label[for="accepte"]').click();
  await page.getByRole("button", { name: "Accepter et continuer" }).click();
}

async function choosePassword(page: Page, password: string) {
  await page.locator("#nouveauMotDePasse").fill(password);
  await page.locator("#confirmation").fill(password);
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
}

async function confirmWithCode(page: Page, browser: Browser, canal: "SMS" | "EMAIL", recipient: string) {
  const code = await latestCodeSentTo(browser, recipient);
  await page.locator("#code").fill(code);
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page).toHaveURL(new RegExp(`/premiere-connexion/coordonnees/confirmation\\?confirme=${canal.toLowerCase()}`));
}

async function setCodeClock(page: Page, instant: Date | null) {
  const response = await page.request.post("/dev/horloge", { data: { figeeA: instant?.toISOString() ?? null } });
  expect(response.ok()).toBe(true);
}

test("Claire fait toute sa première connexion : CGU, mot de passe, SMS et courriel confirmés, délégation à Julien enregistrée", async ({ page, browser }) => {
  test.setTimeout(150_000); // the whole wizard, with axe at each step, on a shared machine
  await login(page, "2 88 03 69 123 045 29", "48207315");
  await expect(page).toHaveURL(/\/premiere-connexion\/conditions$/);
  await expect(page.getByText("Étape 1 sur 4")).toBeVisible();
  await expectNoAxeViolations(page);

  // On a phone, the CGU are folded, one tap away — not a small scrolling box inside the scrolling page — and the
  // full text has its own page too.
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  const cguTitle = page.getByRole("heading", { name: "Conditions générales d'utilisation de Mon Compte" });
  const fold = page.locator("summary", { hasText: "Lire les conditions générales d'utilisation" });
  await expect(fold).toBeVisible();
  await expect(cguTitle).toBeHidden();
  await fold.click();
  await expect(cguTitle).toBeVisible();
  const scrollingBoxes = await page.evaluate(() =>
    [...document.querySelectorAll("main *")].filter((element) => {
      const style = getComputedStyle(element);
      return /auto|scroll/.test(`${style.overflowX} ${style.overflowY}`) && (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1);
    }).length,
  );
  expect(scrollingBoxes, "aucune zone qui défile dans la page").toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.getByRole("link", { name: "Les conditions générales d'utilisation sur une page à part" })).toHaveAttribute("href", "/cgu");
  await expectNoAxeViolations(page);
  await page.setViewportSize(desktop);

  // No other page opens before the wizard is complete.
  await page.goto("/tableau-de-bord");
  await expect(page).toHaveURL(/\/premiere-connexion\/conditions$/);

  // Accepting without ticking the box: a clear message, nothing recorded.
  await page.getByRole("button", { name: "Accepter et continuer" }).click();
  await expect(page.locator("#cgu-message")).toContainText("Vous n'avez pas encore accepté les conditions.");
  await expect(page.locator("#cgu-message")).toBeFocused();
  await expectNoAxeViolations(page);
  await acceptCgu(page);

  await expect(page).toHaveURL(/\/premiere-connexion\/mot-de-passe$/);
  await expect(page.getByText("Étape 2 sur 4")).toBeVisible();
  await choosePassword(page, "Martin1988Lyon");
  await expect(page.locator("#mot-de-passe-message")).toContainText("Le mot de passe n'a pas été enregistré.");
  // Two rules broken: one sentence each, in a list under the field; a refused password does not come back.
  const broken = page.locator("#nouveauMotDePasse-regles-non-respectees li");
  await expect(broken).toHaveText([
    "Le mot de passe ne doit pas contenir votre nom ou votre prénom.",
    "Le mot de passe ne doit pas contenir votre date ou votre année de naissance.",
  ]);
  await expect(page.locator("#nouveauMotDePasse")).toHaveValue("");
  await expect(page.locator("#confirmation")).toHaveValue("");
  await expectNoAxeViolations(page);
  await choosePassword(page, "Tournesol2026Lyon");

  await expect(page).toHaveURL(/\/premiere-connexion\/coordonnees$/);
  await expect(page.getByText("Étape 3 sur 4")).toBeVisible();
  await expect(page.locator("#email")).toHaveValue("claire.martin@example.org");
  await expect(page.locator("#mobile")).toHaveValue("06 39 98 10 01");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();

  await expect(page).toHaveURL(/\/premiere-connexion\/coordonnees\/confirmation$/);
  await expectTouchTarget(page.getByRole("button", { name: "Confirmer maintenant mon numéro de mobile" }), "Confirmer maintenant");
  await page.getByRole("button", { name: "Confirmer maintenant mon numéro de mobile" }).click();
  await expect(page).toHaveURL(/\/coordonnees\/code\?canal=sms$/);
  await expect(page.getByText("Nous venons de vous envoyer un code de vérification par SMS au numéro suivant 06 39 98 10 01. Merci de le saisir.", { exact: false })).toBeVisible();
  await expect(page.getByText(/Ce code est valable encore (9|10) minutes \(jusqu.à \d\d h \d\d\)\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Recevoir un nouveau code (3 possibles)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Modifier mes coordonnées" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A malformed code costs no try and says why.
  await page.locator("#code").fill("12a456");
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.locator("#code-message")).toContainText("Le code n'a pas pu être vérifié.");
  await expectNoAxeViolations(page);
  await confirmWithCode(page, browser, "SMS", "06 39 98 10 01");
  await expect(page.getByText("Votre numéro de mobile est confirmé.")).toBeVisible();

  await page.getByRole("button", { name: "Confirmer maintenant mon adresse électronique" }).click();
  await expect(page).toHaveURL(/\/coordonnees\/code\?canal=email$/);
  // The address she has just saved, in full: a typing mistake would show.
  await expect(page.getByText(/par courriel à l'adresse suivante claire\.martin@example\.org\./)).toBeVisible();
  await confirmWithCode(page, browser, "EMAIL", "claire.martin@example.org");
  await expect(page.getByText("Confirmée", { exact: true })).toHaveCount(2);
  await page.getByRole("button", { name: "Continuer" }).click();

  await expect(page).toHaveURL(/\/premiere-connexion\/delegation$/);
  await expect(page.getByText("Étape 4 sur 4")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Déléguer la gestion de mon dossier à Julien DURAND" }).click();

  await expect(page).toHaveURL(/\/tableau-de-bord\?bienvenue=1$/);
  await expect(page.getByText("Votre première connexion est terminée")).toBeVisible();
  // The end of the wizard is announced, and the focus is on its success message.
  await expectArrival(page, "message");
  await expect(page.getByText("Vous avez délégué la gestion de votre dossier à Julien DURAND.")).toBeVisible();
  await expectNoAxeViolations(page);

  // The dossier password no longer opens her account; her own password does, straight into her space.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await login(page, "288036912304529", "48207315");
  await expect(page.getByText(/Identifiant ou mot de passe incorrect/)).toBeVisible();
});

test("Julien (conjoint) n'a que 3 étapes, jamais la délégation, et reprend là où il s'était arrêté", async ({ page }) => {
  await login(page, "186117505611249", "48207315");
  await expect(page).toHaveURL(/\/premiere-connexion\/conditions$/);
  await expect(page.getByText("Étape 1 sur 3")).toBeVisible();
  await acceptCgu(page);
  await expect(page.getByText("Étape 2 sur 3")).toBeVisible();
  await choosePassword(page, "Verveine2026Paris");
  await expect(page).toHaveURL(/\/premiere-connexion\/coordonnees$/);

  // Leaving: the next login, with his own password, resumes at the contact step.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await login(page, "186117505611249", "Verveine2026Paris");
  await expect(page).toHaveURL(/\/premiere-connexion\/coordonnees$/);
  await expect(page.getByText("Étape 3 sur 3")).toBeVisible();

  // The délégation step does not exist for him, even typed in by hand.
  await page.goto("/premiere-connexion/delegation");
  await expect(page).toHaveURL(/\/premiere-connexion\/coordonnees$/);

  // A contact detail taken by someone else: refused without saying by whom.
  await page.locator("#email").fill("sophie.bernard@example.org");
  await page.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(page.locator("#coordonnees-message")).toContainText("déjà utilisée dans l'espace d'une autre personne");
  await expect(page.locator("#coordonnees-message")).not.toContainText(/Sophie|BERNARD/);
  await expectNoAxeViolations(page);

  // A landline and a foreign mobile: precise messages.
  await page.locator("#email").fill("");
  await page.locator("#mobile").fill("01 23 45 67 89");
  await page.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(page.locator("#coordonnees-message")).toContainText("numéro de téléphone fixe");
  await page.locator("#mobile").fill("+44 7700 900123");
  await page.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(page.locator("#coordonnees-message")).toContainText("Seuls les numéros de mobile français");

  await page.locator("#mobile").fill("06 39 98 10 02");
  await page.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(page).toHaveURL(/\/coordonnees\/confirmation$/);
  await page.getByRole("button", { name: "Continuer sans confirmer" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord\?bienvenue=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Julien");
  // His earlier, unfinished try is not shown as a "Dernière connexion" to worry about: this is his first connection.
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("Première connexion");
});

test.describe("codes de Paul : durée de validité à l'horloge figée, 50 envois simultanés, serveur SMTP arrêté", () => {
  test.afterEach(async ({ page }) => {
    await setCodeClock(page, null);
    await page.request.post(`http://127.0.0.1:${smsSinkPort}/_puits/smtp-reprise`);
  });

  test("SMS accepté à 9 min 59 s et refusé à 10 min 01 s ; courriel à 14:59 et 15:01 ; 50 envois simultanés d'un code valable, un seul succès ; SMTP arrêté puis revenu", async ({ page, browser }) => {
    // A long journey (two code lifetimes, 50 simultaneous posts, an outbox retry): more than the default minute.
    test.setTimeout(150_000);
    await login(page, "175085935014474", "31415926");
    await expect(page.getByText("Étape 1 sur 3")).toBeVisible();
    await acceptCgu(page);
    await choosePassword(page, "Beffroi2026Nord");
    await page.locator("#email").fill("paul.roux@example.net");
    await page.locator("#mobile").fill("06 39 98 10 20");
    await page.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
    await expect(page).toHaveURL(/\/coordonnees\/confirmation$/);

    // SMS, refused at 10 min 01 s.
    const t0 = new Date(Date.now() + 60_000);
    await setCodeClock(page, t0);
    await page.getByRole("button", { name: "Confirmer maintenant mon numéro de mobile" }).click();
    await expect(page).toHaveURL(/canal=sms$/);
    const expired = await latestCodeSentTo(browser, "06 39 98 10 20");
    await setCodeClock(page, new Date(t0.getTime() + 601_000));
    await page.locator("#code").fill(expired);
    await page.getByRole("button", { name: "Valider le code" }).click();
    await expect(page.locator("#code-message")).toContainText("Ce code a expiré : un code envoyé par SMS n'est valable que 10 minutes.");

    // A new code, accepted at 9 min 59 s.
    const t1 = new Date(t0.getTime() + 700_000);
    await setCodeClock(page, t1);
    await page.getByRole("button", { name: "Recevoir un nouveau code (3 possibles)" }).click();
    await expect(page.locator("#nouveau-code-message")).toContainText("Un nouveau code vient de vous être envoyé");
    await expect.poll(() => latestCodeSentTo(browser, "06 39 98 10 20"), { timeout: 30_000 }).not.toBe(expired);
    await setCodeClock(page, new Date(t1.getTime() + 599_000));
    await confirmWithCode(page, browser, "SMS", "06 39 98 10 20");

    // E-mail, refused at 15:01, then a new code accepted at 14:59.
    const t2 = new Date(t1.getTime() + 1_000_000);
    await setCodeClock(page, t2);
    await page.getByRole("button", { name: "Confirmer maintenant mon adresse électronique" }).click();
    await expect(page).toHaveURL(/canal=email$/);
    const oldEmailCode = await latestCodeSentTo(browser, "paul.roux@example.net");
    await setCodeClock(page, new Date(t2.getTime() + 901_000));
    await page.locator("#code").fill(oldEmailCode);
    await page.getByRole("button", { name: "Valider le code" }).click();
    await expect(page.locator("#code-message")).toContainText("un code envoyé par courriel n'est valable que 15 minutes");
    const t3 = new Date(t2.getTime() + 1_000_000);
    await setCodeClock(page, t3);
    await page.getByRole("button", { name: /Recevoir un nouveau code/ }).click();
    await expect(page.locator("#nouveau-code-message")).toContainText("Un nouveau code vient de vous être envoyé");
    await expect.poll(() => latestCodeSentTo(browser, "paul.roux@example.net"), { timeout: 30_000 }).not.toBe(oldEmailCode);
    const emailCode = await latestCodeSentTo(browser, "paul.roux@example.net");
    await setCodeClock(page, new Date(t3.getTime() + 899_000));

    // 50 simultaneous submissions of that valid code, as the plain form posts a browser without JavaScript makes:
    // exactly one succeeds (a redirect), the 49 others are told the code was already used.
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await noScript.newPage();
    await plain.goto(page.url());
    const fields = await plain.locator("form:has(#code)").evaluate((form: HTMLFormElement) =>
      [...new FormData(form).entries()].map(([name, value]) => [name, String(value)] as [string, string]),
    );
    const multipart = Object.fromEntries(fields.map(([name, value]) => [name, name === "code" ? emailCode : value]));
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => noScript.request.post(plain.url(), { multipart, maxRedirects: 0, headers: { Origin: new URL(plain.url()).origin } })),
    );
    // The one success is the action's redirect to "?confirme=email". The 49 others were refused by the engine ("déjà
    // utilisé"); their page then finds the address confirmed and sends them to the list, without "?confirme".
    const successes = responses.filter((r) => r.status() === 303);
    expect(successes).toHaveLength(1);
    expect(successes[0]!.headers().location).toMatch(/\/coordonnees\/confirmation\?confirme=email$/);
    const others = responses.filter((r) => r.status() !== 303);
    expect(others.map((r) => `${r.status()} ${r.headers().location}`)).toEqual(Array(49).fill("307 /premiere-connexion/coordonnees/confirmation"));
    await noScript.close();
    await page.goto("/premiere-connexion/coordonnees/confirmation");
    await expect(page.getByText("Confirmée", { exact: true })).toHaveCount(2);
    await setCodeClock(page, null);

    // SMTP sink stopped: the wizard says the code will follow; it arrives once the sink is back.
    await page.goto("/premiere-connexion/coordonnees");
    await page.locator("#email").fill("paul.roux.bis@example.net");
    await page.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
    await expect(page).toHaveURL(/\/coordonnees\/confirmation$/);
    expect((await page.request.post(`http://127.0.0.1:${smsSinkPort}/_puits/smtp-arret`)).ok()).toBe(true);
    await page.getByRole("button", { name: "Confirmer maintenant mon adresse électronique" }).click();
    await expect(page).toHaveURL(/canal=email&envoi=differe$/);
    await expect(page.getByText("Le code n'a pas pu être envoyé pour l'instant", { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);
    expect((await page.request.post(`http://127.0.0.1:${smsSinkPort}/_puits/smtp-reprise`)).ok()).toBe(true);
    // The outbox worker retries 15 s after the failure.
    await expect.poll(async () => {
      const context = await browser.newContext();
      const dev = await context.newPage();
      await dev.goto("/dev/messages");
      const found = await dev.locator("article").filter({ hasText: "paul.roux.bis@example.net" }).count();
      await context.close();
      return found;
    }, { timeout: 45_000, intervals: [2_000] }).toBe(1);
    await confirmWithCode(page, browser, "EMAIL", "paul.roux.bis@example.net");
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page).toHaveURL(/\/tableau-de-bord\?bienvenue=1$/);
  });
});
