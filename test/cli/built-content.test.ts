import { mkdtempSync } from "node:fs";
import { mkdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { appContentOf } from "../../src/cli/app-content";
import { readBuiltContent, runsFromBundle } from "../../src/cli/built-content";
import { asciiJson, writeBuiltContent } from "../../src/cli/write-built-content";
import { loadCatalog } from "../../src/content/catalog";
import { packageRoot } from "../../src/content/package-root";

/** The content the build checks and writes into dist/, and when the app takes it. */

const scratch = () => mkdtempSync(join(tmpdir(), "s3-tutor-built-"));

/** A built content file and one content folder with one lesson file, the file older than the build by `age` ms (negative: newer). */
const builtBeside = async (age: number) => {
  const dir = scratch();
  const folder = join(dir, "lessons");
  await mkdir(folder);
  const lesson = join(folder, "one.yaml");
  await writeFile(lesson, "id: one\n");
  const built = join(dir, "content.json");
  await writeFile(built, JSON.stringify({ lessons: [{ id: "one" }], quizzes: [], interviews: [] }));
  const at = new Date(Math.floor(Date.now() / 1000) * 1000);
  await utimes(built, at, at);
  const sourceTime = new Date(at.getTime() - age);
  await utimes(lesson, sourceTime, sourceTime);
  await utimes(folder, sourceTime, sourceTime);
  return { dir, folder, lesson, built };
};

describe("the content built into dist/", () => {
  it("is the app's content of the shipped catalog, once it passes validate --strict", { timeout: 60_000 }, async () => {
    const out = join(scratch(), "dist", "content.json");
    expect(await writeBuiltContent(out)).toBe(true);
    const text = await readFile(out, "utf8");
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(appContentOf(await loadCatalog()))));
    // ASCII only, the rest escaped: read at start-up, it makes a string of one byte a character.
    expect(text).toMatch(/\\u2014/);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
  });

  it("escapes every character beyond ASCII, emoji (two UTF-16 units) included, and parses back to the same", () => {
    const value = { title: "S3 — buckets → regions · ✓ 🪣", plain: "abc", key: { "clé": ["\u007f", "\u00e9"] } };
    const text = asciiJson(value);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it("is taken while nothing in the content folders is newer, a file as old as it included (npm installs every file with one time)", async () => {
    for (const age of [60_000, 0]) {
      const { folder, built } = await builtBeside(age);
      expect(await readBuiltContent(built, [folder])).toEqual({ lessons: [{ id: "one" }], quizzes: [], interviews: [] });
    }
  });

  it("is passed over when a content file changed after the build", async () => {
    const { folder, built } = await builtBeside(-60_000);
    expect(await readBuiltContent(built, [folder])).toBeUndefined();
  });

  it("is passed over when a content file was removed after the build (the folder changed)", async () => {
    const { folder, lesson, built } = await builtBeside(60_000);
    await rm(lesson);
    expect(await readBuiltContent(built, [folder])).toBeUndefined();
  });

  it("is passed over when missing, not JSON, or not the three lists", async () => {
    const { folder, built } = await builtBeside(60_000);
    const setBuilt = async (text: string) => {
      const time = (await stat(built)).mtime;
      await writeFile(built, text);
      await utimes(built, time, time);
    };
    await setBuilt("{ half");
    expect(await readBuiltContent(built, [folder])).toBeUndefined();
    await setBuilt(JSON.stringify({ lessons: [], quizzes: [] }));
    expect(await readBuiltContent(built, [folder])).toBeUndefined();
    await rm(built);
    expect(await readBuiltContent(built, [folder])).toBeUndefined();
  });

  it("is passed over, without throwing, when a content folder is missing or cannot be read (a path through a file)", async () => {
    const { folder, lesson, built } = await builtBeside(60_000);
    expect(await readBuiltContent(built, [folder, join(folder, "no-such-folder")])).toBeUndefined();
    expect(await readBuiltContent(built, [folder, join(lesson, "below-a-file")])).toBeUndefined();
    expect(await readBuiltContent(join(lesson, "content.json"), [folder])).toBeUndefined();
  });

  it("is taken only by the bundle in dist/, not by code run from src/", () => {
    expect(runsFromBundle(pathToFileURL(join(packageRoot(), "src", "cli", "built-content.ts")).href)).toBe(false);
    expect(runsFromBundle(pathToFileURL(join(packageRoot(), "dist", "chunks", "chunk-X.js")).href)).toBe(true);
    expect(runsFromBundle(pathToFileURL(join(packageRoot(), "dist-old", "cli.js")).href)).toBe(false);
  });
});
