import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/catalog";
import { packageRoot } from "../../src/content/package-root";
import { formatProblem } from "../../src/content/problem";
import { fixture, root } from "./fixtures";

const temporary: string[] = [];
afterAll(async () => Promise.all(temporary.map((folder) => rm(folder, { recursive: true, force: true }))));

const scratchFolder = async () => {
  const folder = await mkdtemp(join(tmpdir(), "s3-tutor-content-"));
  temporary.push(folder);
  return folder;
};

describe("finding content", () => {
  it("finds the package root from the bundle's chunk folder as from the sources", () => {
    const expected = root.replace(/[\\/]$/, "");
    expect(packageRoot(pathToFileURL(join(root, "dist", "chunks", "validate-abc123.js")).href)).toBe(expected);
    expect(packageRoot(pathToFileURL(join(root, "src", "content", "catalog.ts")).href)).toBe(expected);
  });

  it("loads valid lessons and quizzes with their files", async () => {
    const content = await loadContent([join(root, fixture("good"))]);
    expect(content.lessons.map((l) => l.lesson.id)).toEqual(["fixture-basics", "fixture-follow-up"]);
    expect(content.quizzes.map((q) => q.quiz.topic)).toEqual(["fixture"]);
    expect(content.lessons[0]?.file).toBe(join(root, fixture("good", "lessons", "fixture-basics.yaml")));
    expect(content.files).toHaveLength(3);
  });

  it("reports a folder without YAML files", async () => {
    const folder = await scratchFolder();
    const content = await loadContent([folder]);
    expect(content.problems.map((problem) => formatProblem(problem, folder))).toEqual([".: no .yaml files in this folder"]);
  });

  it("accepts any path to the right schema for files outside the package, and tells a quiz by its fields", async () => {
    const folder = await scratchFolder();
    await writeFile(
      join(folder, "mine.yaml"),
      [
        "# yaml-language-server: $schema=https://example.com/s3-tutor/quiz.schema.json",
        "topic: mine",
        "title: My own questions",
        "questions:",
        "  - id: mine.one",
        "    type: truefalse",
        "    prompt: True?",
        "    answer: true",
        "    explain: Yes.",
        "    source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html",
        "",
      ].join("\n"),
    );
    const content = await loadContent([folder]);
    expect(content.problems).toEqual([]);
    expect(content.quizzes.map((q) => q.quiz.topic)).toEqual(["mine"]);
  });
});
