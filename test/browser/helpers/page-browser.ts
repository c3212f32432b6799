import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe } from "vitest";
import { chromium } from "./chromium";

/** Where the browser tests leave their screenshots (CI keeps the folder). */
const ARTIFACTS = join(process.cwd(), "test-artifacts");

/** Headless Chromium for the projector page's tests, at a projector's size. */
export const launchBrowser = (): Promise<Browser> =>
  puppeteer.launch({
    executablePath: chromium.path,
    headless: true,
    // Root in a container has no user namespaces for Chromium's sandbox; the page is our own.
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,900"],
    defaultViewport: { width: 1600, height: 900 },
  });

/** A page in a fresh context (no cookie), recording any Content-Security-Policy refusal or script error. */
export const openPage = async (browser: Browser): Promise<{ page: Page; refusals: string[] }> => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
  });
  page.on("pageerror", (error) => refusals.push(String(error)));
  return { page, refusals };
};

/** axe-core's serious and critical violations, evaluated through the DevTools protocol (the page's own CSP refuses injected scripts, as it should). */
export const seriousAxeViolations = async (page: Page): Promise<{ id: string; impact: string; help: string }[]> => {
  const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    "axe.run().then((result) => result.violations.map(({ id, impact, help }) => ({ id, impact, help })))",
  )) as { id: string; impact: string; help: string }[];
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
};

/** What a browser test block gets: a fresh page in the block's Chromium, and where to save a screenshot. */
export interface BrowserSession {
  openPage(): Promise<{ page: Page; refusals: string[] }>;
  artifact(fileName: string): string;
}

/**
 * A describe block sharing one headless Chromium, launched before its tests and closed after them;
 * skipped, with the reason in its title, when there is no Chromium.
 */
export const describeInBrowser = (title: string, body: (session: BrowserSession) => void): void => {
  describe.skipIf(!chromium.available)(`${title} ${chromium.reason}`, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true });
      browser = await launchBrowser();
    }, 60_000);
    afterAll(() => browser?.close());
    body({
      openPage: () => {
        if (!browser) throw new Error("Chromium did not launch (see the beforeAll failure)");
        return openPage(browser);
      },
      artifact: (fileName) => join(ARTIFACTS, fileName),
    });
  });
};
