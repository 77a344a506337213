import { expect, type Locator } from "@playwright/test";

/** A target a finger can hit: its box is at least 44 × 44 CSS pixels (WCAG 2.5.5, as the design system advises). */
export async function expectTouchTarget(target: Locator, name: string) {
  await expect(target, name).toBeVisible();
  const box = await target.boundingBox();
  expect(box, name).not.toBeNull();
  expect(Math.round(box!.width), `${name} : largeur`).toBeGreaterThanOrEqual(44);
  expect(Math.round(box!.height), `${name} : hauteur`).toBeGreaterThanOrEqual(44);
}
