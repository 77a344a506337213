// The client address is the portal's own (QUALITY-BARS 3): over real HTTP against the portal started by `npm start`,
// a forged X-Forwarded-For changes nothing to the login limits; behind a declared reverse proxy, the proxy's client
// is the one counted. Unknown identifiers (answered exactly like known ones) keep the personas of other specs intact.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";
import { ownPortal, type OwnPortal } from "./own-portal";

const WRONG = "Mauvais2026Caf";
const LOCKED = /Trop de tentatives de connexion\. Par sécurité, réessayez après \d\d h \d\d/;
const FAILED = /Identifiant ou mot de passe incorrect/;

/** Ten wrong passwords for one identifier; headers(i) gives the headers of the i-th request. Returns what each answer said. */
async function tenWrongPasswords(page: Page, origin: string, identifiant: string, headers: (i: number) => Record<string, string>) {
  const answers: string[] = [];
  for (let i = 0; i < 10; i++) {
    await page.setExtraHTTPHeaders(headers(i));
    await page.goto(`${origin}/connexion`);
    await page.locator("#identifiant").fill(identifiant);
    await page.locator("#motDePasse").fill(WRONG);
    await page.getByRole("button", { name: "Se connecter" }).click();
    const message = page.locator("#connexion-message");
    await expect(message).toContainText(/incorrect|Trop de tentatives/);
    const text = (await message.textContent()) ?? "";
    answers.push(LOCKED.test(text) ? "verrouillé" : FAILED.test(text) ? "refusé" : text);
  }
  return answers;
}

const expected = [...Array(5).fill("refusé"), ...Array(5).fill("verrouillé")];

test("dix mauvais mots de passe avec dix X-Forwarded-For inventés verrouillent exactement comme dix sans en-tête", async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const forged = await tenWrongPasswords(page, baseURL!, "1 69 05 49 588 157 33", (i) => ({ "x-forwarded-for": `203.0.113.${i + 1}` }));
  const plain = await tenWrongPasswords(page, baseURL!, "1 70 05 49 588 157 81", () => ({}));
  expect(forged).toEqual(expected);
  expect(plain).toEqual(expected);
});

test.describe("derrière un mandataire inverse déclaré (TRUSTED_PROXIES)", () => {
  let portal: OwnPortal;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    portal = ownPortal(Number(process.env.E2E_PORT ?? 3100) + 60, { TRUSTED_PROXIES: "127.0.0.1, ::1" });
    await portal.start();
  });
  test.afterAll(async () => portal?.dispose());

  test("c'est le client du mandataire qui est compté, pas le mandataire", async ({ page }) => {
    test.setTimeout(200_000);
    // The browser reaches the portal from the loopback, a trusted proxy here: X-Forwarded-For names the client.
    const oneClient = await tenWrongPasswords(page, portal.origin, "1 71 05 49 588 157 32", () => ({ "x-forwarded-for": "198.51.100.7" }));
    expect(oneClient).toEqual(expected);
    // Ten different clients of the proxy, one attempt each: none of them reaches its limit.
    const tenClients = await tenWrongPasswords(page, portal.origin, "1 72 05 49 588 157 80", (i) => ({ "x-forwarded-for": `198.51.100.${i + 20}` }));
    expect(tenClients).toEqual(Array(10).fill("refusé"));
    // What a client writes left of its real address is ignored: it is still 198.51.100.7, locked out.
    const spoofing = await tenWrongPasswords(page, portal.origin, "1 71 05 49 588 157 32", (i) => ({ "x-forwarded-for": `192.0.2.${i + 1}, 198.51.100.7` }));
    expect(spoofing).toEqual(Array(10).fill("verrouillé"));
  });

  test("les outils de démonstration ne répondent qu'aux clients de la machine elle-même, pas à ceux du mandataire", async ({ request }) => {
    // The proxy's client, as the portal sees it: not the loopback, so /dev/* does not exist for it.
    const remote = { "x-forwarded-for": "198.51.100.9" };
    expect((await request.get(`${portal.origin}/dev/messages`, { headers: remote })).status()).toBe(404);
    expect((await request.get(`${portal.origin}/dev/horloge`, { headers: remote })).status()).toBe(404);
    expect((await request.post(`${portal.origin}/dev/horloge`, { headers: remote, data: { figeeA: "2030-01-01T00:00:00Z" } })).status()).toBe(404);
    // A client on the machine itself still has them; the clock was not moved.
    expect((await request.get(`${portal.origin}/dev/messages`)).status()).toBe(200);
    const clock = await request.get(`${portal.origin}/dev/horloge`);
    expect(clock.status()).toBe(200);
    expect(await clock.json()).toEqual({ figeeA: null });
  });

  test("un compte visé depuis beaucoup d'adresses demande un code envoyé à une coordonnée confirmée, puis s'ouvre avec lui", async ({ page, browser }) => {
    test.setTimeout(200_000);
    const identifiant = "2 72 04 59 350 210 41"; // Hélène ROUX, on this portal's own database
    const attempts = await tenWrongPasswords(page, portal.origin, identifiant, (i) => ({ "x-forwarded-for": `198.51.100.${100 + i}` }));
    expect(attempts).toEqual(Array(10).fill("refusé"));
    expect(await tenWrongPasswords(page, portal.origin, identifiant, (i) => ({ "x-forwarded-for": `198.51.100.${110 + i}` }))).toEqual(Array(10).fill("refusé"));

    // From yet another address, even the right password is not enough: a code is asked for.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.200" });
    await page.goto(`${portal.origin}/connexion`);
    await page.locator("#identifiant").fill(identifiant);
    await page.locator("#motDePasse").fill("Beffroi2026Caf");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.locator("#connexion-message")).toContainText("un code à 6 chiffres est nécessaire");
    await expect(page.locator("#code")).toBeVisible();
    await expectNoAxeViolations(page);

    const context = await browser.newContext();
    const messages = await context.newPage();
    await messages.goto(`${portal.origin}/dev/messages`);
    const articles = messages.locator("article").filter({ hasText: "helene.roux@example.org" });
    // The notice goes through the outbox worker (every few seconds), the code at once.
    await expect(async () => {
      await messages.reload();
      await expect(articles.filter({ hasText: "plusieurs tentatives de connexion" }).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    const code = ((await articles.filter({ hasText: /\b\d{6}\b/ }).first().textContent()) ?? "").match(/\b(\d{6})\b/)?.[1];
    await context.close();
    expect(code).toBeTruthy();

    await page.locator("#motDePasse").fill("Beffroi2026Caf");
    await page.locator("#code").fill(code!);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/tableau-de-bord/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});
