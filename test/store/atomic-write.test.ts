import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic, writeJsonAtomic } from "../../src/store/atomic-write";

let folder = "";
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "s3-tutor-store-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("atomic writes", () => {
  it("creates missing folders and writes the JSON, leaving no temporary file behind", async () => {
    const path = join(folder, "deep", "er", "state.json");
    await writeJsonAtomic(path, { prefix: "s3t-abc123" });
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ prefix: "s3t-abc123" });
    expect(await readdir(join(folder, "deep", "er"))).toEqual(["state.json"]);
  });

  it("replaces an existing file whole", async () => {
    const path = join(folder, "state.json");
    await writeFile(path, "old content that is longer than the new one");
    await writeFileAtomic(path, "new");
    expect(await readFile(path, "utf8")).toBe("new");
  });

  it("never lets a reader see half a file while many writers race", async () => {
    const path = join(folder, "race.json");
    const values = Array.from({ length: 20 }, (_, index) => ({ index, padding: "x".repeat(10_000) }));
    const reads: unknown[] = [];
    await Promise.all([
      ...values.map((value) => writeJsonAtomic(path, value)),
      ...values.map(async () => {
        const text = await readFile(path, "utf8").catch(() => undefined);
        if (text !== undefined) reads.push(JSON.parse(text));
      }),
    ]);
    expect(values).toContainEqual(JSON.parse(await readFile(path, "utf8")));
    for (const read of reads) expect(values).toContainEqual(read);
    expect(await readdir(folder)).toEqual(["race.json"]);
  });

  it("cleans up its temporary file when the rename fails", async () => {
    // A folder where the file should be: rename cannot replace it.
    const path = join(folder, "taken");
    await mkdir(join(path, "inside"), { recursive: true });
    await expect(writeFileAtomic(path, "content")).rejects.toThrow();
    expect(await readdir(folder)).toEqual(["taken"]);
  });
});
