import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readJsonFile } from "../../src/store/json-file";

let folder = "";
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "s3-tutor-store-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const asNumberList = (value: unknown): number[] => {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "number")) throw new Error("expected a list of numbers");
  return value;
};

describe("reading JSON state", () => {
  it("says when the file is missing", async () => {
    expect(await readJsonFile(join(folder, "none.json"), asNumberList)).toEqual({ status: "missing" });
  });

  it("returns the parsed value", async () => {
    await writeFile(join(folder, "ok.json"), "[1, 2, 3]");
    expect(await readJsonFile(join(folder, "ok.json"), asNumberList)).toEqual({ status: "ok", value: [1, 2, 3] });
  });

  it("moves a file that is not JSON aside, keeping its content, and says where", async () => {
    const path = join(folder, "progress.json");
    await writeFile(path, '{"half": ');
    const read = await readJsonFile(path, asNumberList);
    expect(read.status).toBe("corrupt");
    if (read.status !== "corrupt") return;
    expect(read.movedTo).toMatch(/progress\.json\.corrupt-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/);
    expect(read.reason).toMatch(/JSON/);
    expect(await readFile(read.movedTo, "utf8")).toBe('{"half": ');
    expect(await readdir(folder)).toEqual([read.movedTo.slice(folder.length + 1)]);
    expect(await readJsonFile(path, asNumberList)).toEqual({ status: "missing" });
  });

  it("treats JSON of the wrong shape as corrupt too", async () => {
    const path = join(folder, "shape.json");
    await writeFile(path, '{"not": "a list"}');
    const read = await readJsonFile(path, asNumberList);
    expect(read).toMatchObject({ status: "corrupt", reason: "expected a list of numbers" });
  });
});
