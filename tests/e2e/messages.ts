import { expect, type Browser } from "@playwright/test";

/**
 * Reads, as a person trying the demo would, the newest message sent to `recipient` on the portal's
 * /dev/messages page, and returns the 6-digit code it contains.
 */
export async function latestCodeSentTo(browser: Browser, recipient: string | RegExp, origin = ""): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/dev/messages`);
    const message = page.locator("article").filter({ hasText: recipient }).first();
    await expect(message).toBeVisible();
    const text = (await message.textContent()) ?? "";
    const code = text.match(/\b(\d{6})\b/)?.[1];
    expect(code, `un code à 6 chiffres dans le message à ${recipient}`).toBeTruthy();
    return code!;
  } finally {
    await context.close();
  }
}
