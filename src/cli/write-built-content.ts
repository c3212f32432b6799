import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { loadCatalog } from "../content/catalog";
import { appContentOf } from "./app-content";
import { runValidateCommand } from "./commands/validate";

/**
 * For the build (scripts/build-content.ts): checks the shipped content as `s3-tutor validate
 * --strict` does, printing what it prints, and when nothing is wrong writes the app's part of it,
 * parsed, to `path` (see built-content.ts). Resolves with whether it wrote.
 */
export const writeBuiltContent = async (path: string): Promise<boolean> => {
  if ((await runValidateCommand([], { strict: true })) !== 0) return false;
  const catalog = await loadCatalog();
  if (catalog.problems.length > 0) throw new Error("the app's catalog has problems that validate did not report");
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, asciiJson(appContentOf(catalog)));
  return true;
};

/**
 * JSON with every character beyond ASCII written as a \u escape: a few dashes and arrows in the
 * lessons would otherwise make the whole text, read at start-up, a string of two bytes a character
 * (twice the memory, slower to decode and to parse) where it can be one.
 */
export const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
