// Which Chromium the browser tests drive: the system's (Debian's package, /usr/bin/chromium) when present,
// otherwise Playwright's own download (`npx playwright install chromium` on a machine with internet).
import fs from "node:fs";

const SYSTEM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function systemChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return SYSTEM_CANDIDATES.find((candidate) => fs.existsSync(candidate));
}

// Flags for a closed network: without them Chromium keeps trying to reach Google's services.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
