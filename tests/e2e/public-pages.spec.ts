import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";

const PUBLIC_PAGES = [
  { path: "/", heading: "Mon Compte, votre espace personnel" },
  { path: "/connexion", heading: "Connexion à Mon Compte" },
  { path: "/accessibilite", heading: "Déclaration d'accessibilité" },
  { path: "/mentions-legales", heading: "Mentions légales" },
  { path: "/donnees-personnelles", heading: "Vos données personnelles" },
  { path: "/cgu", heading: "Conditions générales d'utilisation" },
  { path: "/securite", heading: "Signaler une faille de sécurité" },
  { path: "/creer-mon-espace", heading: "Créer mon espace" },
  { path: "/identifiant-oublie", heading: "Identifiant oublié" },
  { path: "/mot-de-passe-oublie", heading: "Mot de passe oublié" },
  // /connexion/franceconnect itself goes to FranceConnect (tests/e2e/franceconnect.spec.ts); its pages stay here.
  { path: "/connexion/franceconnect/indisponible", heading: "Connexion avec FranceConnect" },
  { path: "/connexion/franceconnect/erreur?raison=verification", heading: "Connexion avec FranceConnect" },
  { path: "/connexion/franceconnect/aucune-correspondance", heading: "Nous n'avons pas trouvé votre dossier" },
  { path: "/connexion/franceconnect/plusieurs-dossiers", heading: "Nous ne pouvons pas vous connecter avec FranceConnect" },
  { path: "/page-qui-n-existe-pas", heading: "Page introuvable" },
];

for (const { path, heading } of PUBLIC_PAGES) {
  test(`la page ${path} s'affiche avec l'en-tête, le bandeau « Données fictives » et aucune violation axe @mobile`, async ({ page }) => {
    const foreignRequests: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["localhost", "127.0.0.1"].includes(url.hostname) && url.protocol !== "data:") foreignRequests.push(request.url());
    });
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.locator(".fr-header__service-title")).toContainText("Mon Compte");
    await expect(page.getByTestId("bandeau-donnees-fictives")).toContainText("Données fictives");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expectNoAxeViolations(page);
    expect(foreignRequests, "aucune ressource d'une autre origine").toEqual([]);
  });
}

test("le pied de page mène à l'accessibilité, aux mentions légales, aux données personnelles et aux CGU", async ({ page }) => {
  await page.goto("/");
  const footer = page.locator("footer");
  for (const [label, href] of [
    ["Accessibilité", "/accessibilite"],
    ["Mentions légales", "/mentions-legales"],
    ["Données personnelles", "/donnees-personnelles"],
    ["Conditions générales d'utilisation", "/cgu"],
  ] as const) {
    await expect(footer.getByRole("link", { name: label, exact: false }).first()).toHaveAttribute("href", href);
  }
});

test("la page de connexion propose l'identifiant, le mot de passe, FranceConnect et les liens d'aide", async ({ page }) => {
  await page.goto("/connexion");
  await expect(page.getByRole("textbox", { name: /^Identifiant/ })).toHaveAttribute("autocomplete", "username");
  await expect(page.getByLabel(/^Mot de passe/)).toHaveAttribute("type", "password");
  await expect(page.locator(".fr-connect")).toBeVisible();
  await expect(page.getByRole("link", { name: /Qu.est-ce que FranceConnect/ })).toBeVisible();
  for (const name of ["Identifiant oublié", "Mot de passe oublié", "Créer mon espace"]) {
    await expect(page.getByRole("link", { name }).first()).toBeVisible();
  }
});

test("chaque page porte une politique de sécurité du contenu avec un nonce et interdit l'affichage dans un cadre", async ({ request }) => {
  const first = await request.get("/connexion");
  const second = await request.get("/connexion");
  const csp = first.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(second.headers()["content-security-policy"]).not.toBe(csp); // a fresh nonce per response
  expect(first.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains; preload");
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(first.headers()["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  expect(first.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  expect(first.headers()["x-powered-by"]).toBeUndefined();
});

test("les icônes, le manifeste, robots.txt et security.txt sont servis sans session, chacun avec son type", async ({ request }) => {
  const types: [string, RegExp][] = [
    ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/icon.svg", /^image\/svg\+xml/],
    ["/icon-192.png", /^image\/png/],
    ["/icon-512.png", /^image\/png/],
    ["/icon-512-maskable.png", /^image\/png/],
    ["/apple-touch-icon.png", /^image\/png/],
    ["/manifest.webmanifest", /^application\/manifest\+json/],
    ["/robots.txt", /^text\/plain/],
    ["/.well-known/security.txt", /^text\/plain/],
  ];
  for (const [path, type] of types) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }

  // The manifest: installable, in the DSFR colours, opening on the tableau de bord; no service worker anywhere.
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ short_name: "Mon Compte", display: "standalone", start_url: "/tableau-de-bord", theme_color: "#000091", background_color: "#ffffff" });
  for (const icon of manifest.icons as { src: string }[]) expect((await request.get(icon.src)).status(), icon.src).toBe(200);

  // robots.txt keeps the space and the sign-in flows out of search engines, and lets the public pages in.
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^Disallow: \/$/m);
  for (const path of ["/accessibilite", "/cgu", "/mentions-legales", "/donnees-personnelles"]) expect(robots).toContain(`Allow: ${path}`);
  expect(robots).not.toMatch(/Allow: \/(tableau-de-bord|mon-compte|connexion|premiere-connexion|mot-de-passe-oublie)/);

  // security.txt (RFC 9116): the required Contact and Expires (in the future, within a year), and the rest.
  const security = await (await request.get("/.well-known/security.txt")).text();
  const field = (name: string) => new RegExp(`^${name}: (.+)$`, "m").exec(security)?.[1];
  expect(field("Contact")).toMatch(/^(mailto:|https:)/);
  const expires = new Date(field("Expires") ?? "");
  expect(expires.getTime()).toBeGreaterThan(Date.now());
  expect(expires.getTime() - Date.now()).toBeLessThan(365 * 24 * 60 * 60 * 1000);
  expect(field("Preferred-Languages")).toBe("fr, en");
  expect(field("Policy")).toMatch(/\/securite$/);
  expect(field("Canonical")).toMatch(/\/\.well-known\/security\.txt$/);
  expect((await request.get(new URL(field("Policy")!).pathname)).status()).toBe(200);
});

test("la page d'accueil annonce le manifeste et les icônes du portail (pas celles du DSFR), sans service worker", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  await expect(page.locator('link[rel="icon"][href="/icon.svg"]')).toHaveCount(1);
  await expect(page.locator('link[rel~="icon"][href^="/_next/"], link[rel="apple-touch-icon"][href^="/_next/"]')).toHaveCount(0);
  expect(await page.evaluate(() => navigator.serviceWorker?.getRegistrations().then((r) => r.length) ?? 0)).toBe(0);
});
