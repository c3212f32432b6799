import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOperationChecker } from "../../src/handson/dispatch";
import { loadCatalog, shippedContentFolders } from "../../src/content/catalog";
import { formatProblem, formatWarning } from "../../src/content/problem";
import { questionWarnings } from "../../src/content/question-warnings";
import { lessonTable } from "../../src/ui/lesson-table";
import { root } from "./fixtures";

const shippedLessons = readdirSync(join(root, "lessons")).filter((name) => name.endsWith(".yaml"));

describe("the lessons and quizzes that ship", () => {
  it("are found beside package.json", () => {
    expect(shippedContentFolders()).toEqual([join(root, "lessons"), join(root, "quizzes"), join(root, "interviews")].map((p) => p.replace(/[\\/]$/, "")));
  });

  it.skipIf(shippedLessons.length === 0)("validate without a problem (skipped while lessons/ holds no .yaml files)", async () => {
    const catalog = await loadCatalog({ operationExists: await loadOperationChecker() });
    expect(catalog.problems.map((problem) => formatProblem(problem, root))).toEqual([]);
    expect(catalog.lessons.length).toBe(shippedLessons.length);
  });
});

describe("the quizzes that ship give no answer away", () => {
  // The same rules `s3-tutor validate` warns by (question-warnings.ts); `npx tsx scripts/question-warnings.ts` lists them.
  it("no correct option is the longest by far, and no bank's true/false answers lean one way", async () => {
    const catalog = await loadCatalog();
    expect(questionWarnings(catalog.quizzes).map((warning) => formatWarning(warning, root))).toEqual([]);
  });
});

describe("the lesson list stays readable at 60 columns", () => {
  it("every lesson id is at most 20 characters, so titles keep at least 20 columns beside the id, time and score", async () => {
    const catalog = await loadCatalog();
    const long = catalog.lessons.map((loaded) => loaded.lesson.id).filter((id) => id.length > 20);
    expect(long).toEqual([]);
    const { header } = lessonTable(
      catalog.lessons.map((loaded) => loaded.lesson),
      { version: 1, welcomed: true, lessons: {} },
      60,
    );
    // The mark and a space, then the title column: "id" starts after at least 20 columns of title and a gap.
    expect(header.indexOf("id")).toBeGreaterThanOrEqual(2 + 20 + 2);
  });
});
