import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JsonDocument } from "../../src/store/json-document";
import { readJsonFile } from "../../src/store/json-file";
import { UnreadableStateFile } from "../../src/store/unreadable-file";

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

  it("moves a folder that stands where the file should be aside, with its content", async () => {
    const path = join(folder, "progress.json");
    await mkdir(path);
    await writeFile(join(path, "inside.txt"), "mine");
    const read = await readJsonFile(path, asNumberList);
    expect(read).toMatchObject({ status: "corrupt", reason: "it is a folder, not a file" });
    if (read.status !== "corrupt") return;
    expect(await readdir(read.movedTo)).toEqual(["inside.txt"]);
  });

  it("leaves a folder it cannot move aside where it is, and says why in words", async () => {
    // A name so long that adding .corrupt-<timestamp> passes the file system's limit of 255.
    const path = join(folder, `${"p".repeat(240)}.json`);
    await mkdir(path);
    const reading = readJsonFile(path, asNumberList);
    await expect(reading).rejects.toBeInstanceOf(UnreadableStateFile);
    await expect(reading).rejects.toMatchObject({ reason: "it is a folder, not a file, and it could not be moved aside: ENAMETOOLONG" });
    expect(await readdir(folder)).toEqual([`${"p".repeat(240)}.json`]);
  });

  // A link that loops stands for any file that cannot be opened, even by root; Windows makes links only with privileges.
  it.skipIf(process.platform === "win32")("leaves a file it cannot open where it is, and a document on it never writes over it", async () => {
    const path = join(folder, "history.json");
    await symlink("history.json", path);
    await expect(readJsonFile(path, asNumberList)).rejects.toMatchObject({ reason: "it is a link that points back at itself" });
    const { document, notice } = await JsonDocument.open(path, { name: "history", parse: asNumberList, empty: () => [] });
    expect(notice).toBe(`Your history file ${path} could not be read (it is a link that points back at itself). It was left as it is, and this run's history is not saved over it.`);
    await document.update((list) => [...list, 1]);
    expect(document.data).toEqual([1]);
    expect(document.writeError).toMatch(/^Your history was not saved to .+: that file could not be read/);
    expect(await readdir(folder)).toEqual(["history.json"]);
  });
});
