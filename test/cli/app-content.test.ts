import { readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentCachePath, loadAppContent } from "../../src/cli/app-content";
import { loadCatalog } from "../../src/content/catalog";
import { packageRoot } from "../../src/content/package-root";
import { useStateDir } from "../targets/helpers/aws-on-sandbox";

/** The app's content comes from a cache in the state directory once it has been found valid. */

const tamperTitle = async (title: string) => {
  const cache = JSON.parse(await readFile(contentCachePath(), "utf8")) as { lessons: { title: string }[] };
  cache.lessons[0]!.title = title;
  await writeFile(contentCachePath(), JSON.stringify(cache));
};

const titles = async () => {
  const loaded = await loadAppContent();
  if (!loaded.ok) throw new Error("the shipped content has problems");
  return loaded.content.lessons.map((lesson) => lesson.title);
};

describe("the app's content", () => {
  useStateDir();

  it("is what the catalog loads, and is kept for the next start", async () => {
    const catalog = await loadCatalog();
    const loaded = await loadAppContent();
    expect(loaded).toEqual({
      ok: true,
      content: { lessons: catalog.lessons.map((l) => l.lesson), quizzes: catalog.quizzes.map((q) => q.quiz) },
    });
    // The next start reads the cache: a change made only there shows.
    await tamperTitle("From the cache");
    expect((await titles())[0]).toBe("From the cache");
  });

  it("is read again when a lesson file changes", async () => {
    expect((await loadAppContent()).ok).toBe(true);
    await tamperTitle("Stale");
    const lesson = join(packageRoot(), "lessons", "s3-basics.yaml");
    const before = await stat(lesson);
    try {
      await utimes(lesson, before.atime, new Date(before.mtimeMs + 1000));
      expect(await titles()).not.toContain("Stale");
    } finally {
      await utimes(lesson, before.atime, before.mtime);
    }
  });

  it("a cache that is not JSON is ignored and written afresh", async () => {
    await writeFile(contentCachePath(), "{ half a file");
    expect((await titles()).length).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(contentCachePath(), "utf8"))).toHaveProperty("fingerprint");
  });
});
