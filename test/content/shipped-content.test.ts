import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOperationChecker } from "../../src/handson/dispatch";
import { loadCatalog, shippedContentFolders } from "../../src/content/catalog";
import { formatProblem } from "../../src/content/problem";
import { root } from "./fixtures";

const shippedLessons = readdirSync(join(root, "lessons")).filter((name) => name.endsWith(".yaml"));

describe("the lessons and quizzes that ship", () => {
  it("are found beside package.json", () => {
    expect(shippedContentFolders()).toEqual([join(root, "lessons"), join(root, "quizzes")].map((p) => p.replace(/[\\/]$/, "")));
  });

  it.skipIf(shippedLessons.length === 0)("validate without a problem (skipped while lessons/ holds no .yaml files)", async () => {
    const catalog = await loadCatalog({ operationExists: await loadOperationChecker() });
    expect(catalog.problems.map((problem) => formatProblem(problem, root))).toEqual([]);
    expect(catalog.lessons.length).toBe(shippedLessons.length);
  });
});
