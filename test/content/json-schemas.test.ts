import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderJsonSchemas } from "../../src/content/json-schemas";
import { root } from "./fixtures";

describe("the JSON Schemas in schema/", () => {
  for (const [name, generated] of Object.entries(renderJsonSchemas())) {
    it(`${name} matches the zod schema (run "npm run schemas" after changing src/content/schema/)`, async () => {
      const committed = await readFile(join(root, "schema", name), "utf8").catch(() => "(missing)");
      expect(committed, `schema/${name} is stale: run "npm run schemas"`).toBe(generated);
    });
  }

  it("forbid fields the zod schemas do not know, so editors flag typos as validate does", () => {
    const lesson = JSON.parse(renderJsonSchemas()["lesson.schema.json"] ?? "{}") as { additionalProperties?: unknown; required?: string[] };
    expect(lesson.additionalProperties).toBe(false);
    expect(lesson.required).toEqual(["id", "title", "summary", "minutes", "steps"]);
  });
});
