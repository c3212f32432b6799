import { appendFile, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CleanupJournal, type JournalEntry } from "../../src/targets/journal";
import { useStateDir } from "./helpers/aws-on-sandbox";

const entry = (name: string, state: JournalEntry["state"]): JournalEntry => ({
  kind: "bucket",
  name,
  account: "111122223333",
  region: "eu-west-1",
  prefix: "s3t-test01",
  journaledAt: "2026-12-01T10:00:00.000Z",
  state,
});

describe("the cleanup journal file", () => {
  const stateDir = useStateDir();
  const folder = () => join(stateDir(), "targets", "aws");

  it("lists a resource by its latest line, and forgets what is gone", async () => {
    const journal = CleanupJournal.forTarget("aws", (message) => expect.fail(message));
    await journal.record(entry("s3t-test01-a", "creating"));
    await journal.record(entry("s3t-test01-b", "creating"));
    await journal.record(entry("s3t-test01-a", "created"));
    await journal.forget(entry("s3t-test01-b", "creating"));
    expect((await journal.entries()).map(({ name, state }) => `${name} ${state}`)).toEqual(["s3t-test01-a created"]);
  });

  it("skips a line it cannot read, says which, and keeps the others", async () => {
    const journal = CleanupJournal.forTarget("aws", (message) => notices.push(message));
    const notices: string[] = [];
    await journal.record(entry("s3t-test01-a", "created"));
    await appendFile(journal.path, '{"kind":"bucket","na\n');
    await journal.record(entry("s3t-test01-c", "created"));
    // A line still being written by another process (no line break yet) is not read at all.
    await appendFile(journal.path, '{"kind":"bucket"');
    expect((await journal.entries()).map(({ name }) => name)).toEqual(["s3t-test01-a", "s3t-test01-c"]);
    expect(await journal.entries()).toHaveLength(2);
    expect(notices).toEqual([
      `Line 2 of the cleanup journal ${journal.path} could not be read and was skipped. If it named a resource, s3-tutor cleanup will not remove it: find it by its "s3-tutor" tag and delete it by hand.`,
    ]);
  });

  it("carries journal.json over once and renames it", async () => {
    await mkdir(folder(), { recursive: true });
    const { state: _state, ...legacy } = entry("s3t-test01-old", "created");
    await writeFile(join(folder(), "journal.json"), JSON.stringify({ version: 1, resources: [legacy] }));
    expect(await CleanupJournal.forTarget("aws", (message) => expect.fail(message)).entries()).toEqual([{ ...legacy, state: "created" }]);
    const files = await readdir(folder());
    expect(files.sort()).toEqual([expect.stringMatching(/^journal\.json\.migrated-/), "journal.jsonl"]);
    // A second process (or run) reads the new file only: nothing is carried over twice.
    await CleanupJournal.forTarget("aws", (message) => expect.fail(message)).forget(entry("s3t-test01-old", "created"));
    expect(await CleanupJournal.forTarget("aws", (message) => expect.fail(message)).entries()).toEqual([]);
  });
});
