import { expect, type Page } from "@playwright/test";

/** What Next.js's route announcer (a live region in a shadow root) last said. */
export async function announced(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector("next-route-announcer")?.shadowRoot?.getElementById("__next-route-announcer__")?.textContent ?? "");
}

/**
 * After an action that redirects: the route announcer read the new page's title (its document title, or its <h1>
 * when Next.js announced before the title arrived; never a hidden dialog's title), and the focus is on the page's
 * success message (`focus: "message"`) or on its <h1> (`focus: "titre"`).
 */
export async function expectArrival(page: Page, focus: "message" | "titre") {
  const heading = page.locator("main h1");
  await expect(heading).toBeVisible();
  await expect(page).toHaveTitle(/\S/);
  await expect.poll(() => announced(page), { message: "le texte lu par l'annonceur de navigation" }).toMatch(/\S/);
  const said = await announced(page);
  expect([await page.title(), (await heading.innerText()).trim()], `l'annonceur a lu « ${said} »`).toContain(said.trim());
  if (focus === "message") {
    await expect(page.locator("main .fr-alert--success").first()).toBeFocused();
  } else {
    await expect(heading).toBeFocused();
  }
}
