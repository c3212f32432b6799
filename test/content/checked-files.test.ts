import { cp, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { shippedContentFolders, shippedWorkshopsFolder } from "../../src/content/catalog";
import { CHECKED_FILES, type CheckedFilesJson } from "../../src/content/checked-files";
import { dataOf, loadContentFile } from "../../src/content/content-file";
import { yamlFilesAt } from "../../src/content/content-files";
import { copyPackage, finished, spawnCliOf, type Finished } from "../helpers/cli";
import { fixture, root } from "./fixtures";

// The shipped files as the build checked them (dist/checked-files.json) spare `validate` and every
// content load the YAML parser and zod; a file edited since, or another build's code, must never be
// served from it. Each case runs the built CLI in a copy of the package; after an edit, again with
// no dist/checked-files.json at all: both print the same, byte for byte.

const scratch: string[] = [];
afterAll(async () => {
  for (const folder of scratch) await rm(folder, { recursive: true, force: true });
});

/** A copy of the package, and a folder beside it for a learner's own file. */
const packageCopy = async (): Promise<{ pkg: string; mine: string }> => {
  const folder = await mkdtemp(join(tmpdir(), "s3-tutor-checked-"));
  scratch.push(folder);
  const pkg = join(folder, "package");
  await copyPackage(pkg);
  const mine = join(folder, "mine");
  await mkdir(mine);
  return { pkg, mine };
};

const validateIn = async (pkg: string, args: string[]): Promise<Finished> => finished(spawnCliOf(pkg, ["validate", ...args]));

/** `validate` in the copy, then without dist/checked-files.json: what each printed, once they are shown to agree. */
const validateBothWays = async (pkg: string, args: string[]): Promise<Finished> => {
  const cached = await validateIn(pkg, args);
  const builtFile = join(pkg, "dist", CHECKED_FILES);
  const kept = await readFile(builtFile);
  await rm(builtFile);
  try {
    expect(cached).toEqual(await validateIn(pkg, args));
  } finally {
    await writeFile(builtFile, kept);
  }
  return cached;
};

/** Gives a file a time of whole seconds, which utimes can give back exactly. */
const wholeSecondTime = async (file: string) => {
  const at = new Date(Math.floor((await stat(file)).mtimeMs / 1000) * 1000 - 60_000);
  await utimes(file, at, at);
};

/** Replaces `from` with `to` (as long) in a file and gives it back its time (of whole seconds): a change that neither its size nor its time shows. */
const editUnseen = async (file: string, from: string, to: string) => {
  expect(to).toHaveLength(from.length);
  const before = await stat(file);
  const text = await readFile(file, "utf8");
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
  await utimes(file, before.atime, before.mtime);
  const after = await stat(file);
  expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
};

const editBuilt = async (pkg: string, edit: (json: CheckedFilesJson) => void) => {
  const file = join(pkg, "dist", CHECKED_FILES);
  const json = JSON.parse(await readFile(file, "utf8")) as CheckedFilesJson;
  edit(json);
  await writeFile(file, JSON.stringify(json));
};

const basics = join("lessons", "s3-basics.yaml");

describe("validate with the shipped files as the build checked them", () => {
  it("a shipped lesson edited after the build (same size, same time) is checked again: its problem is reported where it is", async () => {
    const { pkg } = await packageCopy();
    await wholeSecondTime(join(pkg, basics));
    const valid = await validateIn(pkg, ["--strict"]);
    expect(valid.stdout).toMatch(/^lessons, quizzes and workshops are valid: \d+ lessons, \d+ questions, \d+ workshops, \d+ interview questions\n$/);
    expect(valid.code).toBe(0);

    await editUnseen(join(pkg, basics), "\ntitle: ", "\ntitel: ");
    const edited = await validateBothWays(pkg, ["--strict"]);
    expect(edited.stdout).toContain(`${basics}:3:1: unknown field "titel" (did you mean "title"?)\n`);
    expect(edited.code).toBe(1);
  });

  it("a given file is checked against the shipped files as they are now: a shipped id it takes, then the same id edited away", async () => {
    const { pkg, mine } = await packageCopy();
    const given = join(mine, "same-id.yaml");
    await cp(join(root, fixture("misses", "lessons", "same-id-as-shipped.yaml")), given);
    const shown = join("..", "mine", "same-id.yaml");
    await wholeSecondTime(join(pkg, basics));

    const taken = await validateIn(pkg, [given]);
    expect(taken.stdout).toBe(`${shown}:2:5: lesson id "s3-basics" is already used (first at ${basics}:2:5)\n1 problem in 1 file\n`);
    expect(taken.code).toBe(1);

    await editUnseen(join(pkg, basics), "\nid: s3-basics\n", "\nid: s3-basicz\n");
    const free = await validateBothWays(pkg, [given]);
    expect(free.stdout).toBe("lessons and quizzes are valid: 1 lesson, 0 questions\n");
    expect(free.code).toBe(0);
  });

  it("takes a shipped file's data from the build while its bytes hash the same (shown by a hand-edited entry), and never for another build's code", async () => {
    const { pkg, mine } = await packageCopy();
    const given = join(mine, "same-id.yaml");
    await cp(join(root, fixture("misses", "lessons", "same-id-as-shipped.yaml")), given);

    // The entry says s3-basics.yaml holds another id: believed, so the given file's id is free.
    await editBuilt(pkg, (json) => {
      const entry = json.files["lessons/s3-basics.yaml"];
      if (!entry) throw new Error("lessons/s3-basics.yaml is not in dist/checked-files.json");
      (entry.data as { id: string }).id = "not-s3-basics";
    });
    expect((await validateIn(pkg, [given])).code).toBe(0);

    // Written for other code (another build's chunk): passed over, the YAML read and the duplicate found.
    await editBuilt(pkg, (json) => {
      json.code = `x${json.code}`;
    });
    const other = await validateIn(pkg, [given]);
    expect(other.stdout).toContain('lesson id "s3-basics" is already used');
    expect(other.code).toBe(1);
  });
});

describe("the checked files the build writes", () => {
  it("hold every shipped file, each with what checking it now gives", async () => {
    const json = JSON.parse(await readFile(join(root, "dist", CHECKED_FILES), "utf8")) as CheckedFilesJson;
    const files = (await Promise.all([...shippedContentFolders(), shippedWorkshopsFolder()].map(yamlFilesAt))).flatMap((found) => found.files);
    const inPackage = (file: string) => file.slice(root.length).split("\\").join("/");
    expect(Object.keys(json.files).sort()).toEqual(files.map(inPackage).sort());
    for (const file of files) {
      const loaded = await loadContentFile(file);
      // As the JSON gives it back: no key dropped or changed on the way.
      expect(json.files[inPackage(file)]).toStrictEqual({ sha256: expect.any(String), kind: loaded.kind, data: dataOf(loaded) });
    }
  });
});

describe("files checked earlier in the same process", () => {
  it("are taken again only while their bytes are the same", async () => {
    const folder = await mkdtemp(join(tmpdir(), "s3-tutor-checked-again-"));
    scratch.push(folder);
    const file = join(folder, "fixture-basics.yaml");
    await cp(join(root, fixture("good", "lessons", "fixture-basics.yaml")), file);
    await wholeSecondTime(file);
    const first = await loadContentFile(file);
    expect(first.problems).toEqual([]);
    const again = await loadContentFile(file);
    expect(again.lesson?.lesson).toBe(first.lesson?.lesson);

    await editUnseen(file, "\ntitle: ", "\ntitel: ");
    const edited = await loadContentFile(file);
    expect(edited.lesson).toBeUndefined();
    expect(edited.problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message}`)).toContain('4:1: unknown field "titel" (did you mean "title"?)');
  });
});
