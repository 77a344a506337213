import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";

// The demo's mailbox: every e-mail and SMS the portal sent, captured by the local sinks that `npm start` runs in demo
// mode. The test sends nothing: the list may be empty (a fresh checkout) or hold earlier demo messages.
test("la page des messages de démonstration s'affiche, vide ou non, sans violation axe @mobile", async ({ page }) => {
  const response = await page.goto("/dev/messages");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Messages envoyés (démonstration)");
  await expect(page).toHaveTitle(/Messages envoyés \(démonstration\)/);
  const empty = page.getByTestId("aucun-message");
  const list = page.getByTestId("messages-envoyes");
  await expect(empty.or(list)).toBeVisible();
  if (await empty.isVisible()) {
    await expect(empty).toContainText("Aucun message envoyé pour l'instant.");
  } else {
    // Each message is a card whose title is a level-2 heading, with its recipient and full text.
    const cards = list.getByRole("article");
    expect(await cards.count()).toBeGreaterThan(0);
    await expect(cards.first().getByRole("heading", { level: 2 })).toBeVisible();
    await expect(cards.first()).toContainText("Destinataire");
  }
  await expectNoAxeViolations(page);
});
