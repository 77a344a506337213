import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The two widths every page state is checked at: a phone and a desktop. */
export const PHONE_VIEWPORT = { width: 390, height: 844 };
export const DESKTOP_VIEWPORT = { width: 1280, height: 720 };
/** Below this width a viewport counts as a phone: the other check is then made at desktop width, and conversely. */
const PHONE_MAX_WIDTH = 767;

async function violations(page: Page, width: number): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.map((v) => `${width} px — ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * Whether every check also looks at the other width. Off by default: on this project's shared 2-core machine the
 * second pass costs about as much as the first (3.5 to 4.7 s a call on average, measured on delegation.spec.ts,
 * mot-de-passe.spec.ts and premiere-connexion.spec.ts), far above the one second we allow for it. Turn it on (AXE_DEUX_LARGEURS=1) for a full
 * sweep at both widths, before a release or after a change to the layout.
 */
const BOTH_WIDTHS = !["", "0", "non"].includes(process.env.AXE_DEUX_LARGEURS?.trim() ?? "");

/**
 * axe-core with the WCAG 2.1 A/AA rules (and best practices): no violation allowed. The page is checked as it is;
 * with AXE_DEUX_LARGEURS=1, also at the other width — phone (390 px) for a desktop viewport, desktop (1280 px) for
 * a phone one: the viewport is resized, the page is not reloaded (the same state, laid out again), then the
 * viewport is put back as it was.
 */
export async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation Next.js sets the new page's <title> a moment later: check the page once it has one.
  await expect(page).toHaveTitle(/\S/);
  const found = await violations(page, page.viewportSize()?.width ?? DESKTOP_VIEWPORT.width);
  const original = page.viewportSize();
  if (original && BOTH_WIDTHS) {
    const other = original.width <= PHONE_MAX_WIDTH ? DESKTOP_VIEWPORT : PHONE_VIEWPORT;
    await page.setViewportSize(other);
    try {
      // One frame for the new layout (media queries, DSFR's header) before axe reads the page.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      found.push(...(await violations(page, other.width)));
    } finally {
      await page.setViewportSize(original);
    }
  }
  expect(found).toEqual([]);
}
