import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { LivingLabError } from "../errors/problem.js";

/** Debian's Chromium; `./lab` installs it. Another build can be named with LIVINGLAB_CHROMIUM. */
export const CHROMIUM_PATH = process.env.LIVINGLAB_CHROMIUM ?? "/usr/bin/chromium";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with a fresh profile, for printing PDFs and for the page tests.
 * @example const chromium = await launchChromium(); const page = await chromium.context.newPage();
 */
export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new LivingLabError({
      code: "chromium_missing",
      message: `Chromium is niet gevonden op ${CHROMIUM_PATH}; die is nodig om PDF's te maken.`,
      hint: "Installeer het met './lab setup' of 'apt-get install chromium', of maak de site zonder --pdf.",
    });
  }
  const { chromium } = await import("playwright-core");
  const profile = await mkdtemp(join(tmpdir(), "livinglab-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
