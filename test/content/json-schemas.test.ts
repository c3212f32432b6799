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

  it("for workshops, let a block be exactly one of break, lesson, quiz or exam, as validate does", () => {
    interface Block {
      required: string[];
      additionalProperties?: unknown;
    }
    const workshop = JSON.parse(renderJsonSchemas()["workshop.schema.json"] ?? "{}") as {
      additionalProperties?: unknown;
      required?: string[];
      properties: { blocks: { items: { anyOf: Block[] } } };
    };
    expect(workshop.additionalProperties).toBe(false);
    expect(workshop.required).toEqual(["id", "title", "summary", "minutes", "target", "blocks"]);
    const blocks = workshop.properties.blocks.items.anyOf;
    // Each option forbids the others' fields, so a block with two kinds matches none: the editor flags it.
    expect(blocks.map((block) => block.additionalProperties)).toEqual([false, false, false, false]);
    expect(blocks.map((block) => block.required.filter((field) => !["id", "minutes", "title"].includes(field)))).toEqual([
      ["break"],
      ["lesson"],
      ["quiz"],
      ["exam"],
    ]);
  });
});
