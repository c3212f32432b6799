import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { chromium } from "./chromium";

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
