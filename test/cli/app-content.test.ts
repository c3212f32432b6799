import { readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentFingerprint, loadAppContent } from "../../src/cli/app-content";
import { contentCachePath, writeContentCache, type CachedContent } from "../../src/cli/content-cache";
import { loadCatalog } from "../../src/content/catalog";
import { packageRoot } from "../../src/content/package-root";
import { finished, packageWithEditedContent, spawnCliOf } from "../helpers/cli";
import { useStateDir } from "../targets/helpers/aws-on-sandbox";

/** The app's content comes from a cache in the state directory once it has been found valid. */

/** The cache as this code writes it, with the first lesson's title changed: shows whether a start read the cache. */
const cacheWithTitle = async (title: string) => {
  const cache = JSON.parse(await readFile(contentCachePath(), "utf8")) as CachedContent;
  cache.lessons[0]!.title = title;
  await writeContentCache(await contentFingerprint(), { lessons: cache.lessons, quizzes: cache.quizzes, interviews: cache.interviews });
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
      content: {
        lessons: catalog.lessons.map((l) => l.lesson),
        quizzes: catalog.quizzes.map((q) => q.quiz),
        interviews: catalog.interviews.map((i) => i.interviews),
      },
    });
    // The next start reads the cache: a change made only there shows.
    await cacheWithTitle("From the cache");
    expect((await titles())[0]).toBe("From the cache");
  });

  /** A stale cache, then `file` touched (its time moved on, its text unchanged): the next start reads the content again. */
  const readAgainAfterTouching = async (file: string) => {
    expect((await loadAppContent()).ok).toBe(true);
    await cacheWithTitle("Stale");
    const before = await stat(file);
    try {
      await utimes(file, before.atime, new Date(before.mtimeMs + 1000));
      expect(await titles()).not.toContain("Stale");
    } finally {
      await utimes(file, before.atime, before.mtime);
    }
  };

  it("is read again when a lesson file changes", async () => {
    await readAgainAfterTouching(join(packageRoot(), "lessons", "s3-basics.yaml"));
  });

  it("is read again when an interview file changes", async () => {
    const [file] = (await readdir(join(packageRoot(), "interviews"))).filter((name) => name.endsWith(".yaml"));
    if (!file) throw new Error("no shipped interview file");
    await readAgainAfterTouching(join(packageRoot(), "interviews", file));
  });

  it("a cache edited by hand, its shapes still right, is not what was checked: it is read again", async () => {
    expect((await loadAppContent()).ok).toBe(true);
    const cache = JSON.parse(await readFile(contentCachePath(), "utf8")) as CachedContent;
    cache.lessons[0]!.title = "Edited by hand";
    await writeFile(contentCachePath(), JSON.stringify(cache));
    expect(await titles()).not.toContain("Edited by hand");
  });

  it("a cache that is not JSON is ignored and written afresh", async () => {
    await writeFile(contentCachePath(), "{ half a file");
    expect((await titles()).length).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(contentCachePath(), "utf8"))).toHaveProperty("fingerprint");
  });
});

describe("a content cache with the right fingerprint but the wrong shapes", () => {
  const stateDir = useStateDir();
  // The built s3-tutor of a package whose lessons were saved after the build: it reads the YAML and keeps a content cache.
  let edited: Awaited<ReturnType<typeof packageWithEditedContent>> | undefined;
  beforeAll(async () => {
    edited = await packageWithEditedContent();
  });
  afterAll(async () => {
    await edited?.remove();
  });

  /** `quiz --plain` as a learner runs it, answering nothing: it must get as far as the first question. */
  const quizStarts = async () => {
    const child = spawnCliOf(edited!.dir, ["quiz", "--plain"], { S3_TUTOR_STATE_DIR: stateDir() });
    child.stdin.end("q\n");
    return finished(child);
  };

  const shapes: Record<string, (cache: { lessons: unknown[]; quizzes: unknown[] }) => void> = {
    "a quiz without questions": (cache) => (cache.quizzes[0] = { topic: "naming", title: "Naming" }),
    "a lesson that is not an object": (cache) => (cache.lessons[0] = null),
    "a question whose choices are a string": (cache) => {
      const quiz = cache.quizzes[0] as { questions: { choices?: unknown }[] };
      for (const question of quiz.questions) question.choices = "abc";
    },
    "lessons with steps missing": (cache) => {
      for (const lesson of cache.lessons as { steps?: unknown }[]) delete lesson.steps;
    },
  };

  for (const [name, damage] of Object.entries(shapes)) {
    it(`${name}: the content is read again, the run goes on, and the cache is written afresh`, async () => {
      // The first start finds the YAML valid and keeps it, with the fingerprint of what it came from.
      const first = await quizStarts();
      expect(first.code).toBe(0);
      const cache = JSON.parse(await readFile(contentCachePath(), "utf8")) as { fingerprint: string; lessons: unknown[]; quizzes: unknown[] };
      expect(cache.fingerprint).toContain(join(edited!.dir, "lessons", "s3-basics.yaml"));
      damage(cache);
      await writeFile(contentCachePath(), JSON.stringify(cache));

      const run = await quizStarts();
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Question 1 of");
      const rebuilt = JSON.parse(await readFile(contentCachePath(), "utf8")) as { lessons: unknown[]; quizzes: unknown[] };
      expect(rebuilt).toEqual({ ...cache, ...(await freshContent()) });
    });
  }
});

const freshContent = async () => {
  const catalog = await loadCatalog();
  return JSON.parse(JSON.stringify({ lessons: catalog.lessons.map((l) => l.lesson), quizzes: catalog.quizzes.map((q) => q.quiz) })) as object;
};
