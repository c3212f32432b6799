import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { finished, spawnCli } from "../helpers/cli";
import { fixture } from "./fixtures";

// `s3-tutor validate` as a user runs it: what it prints, and its exit code.

const validate = async (...paths: string[]) => finished(spawnCli(["validate", ...paths]));

describe("s3-tutor validate", () => {
  it("prints file:line:col: message for a broken file, a summary, and exits 1 without a stack trace", async () => {
    const file = fixture("bad", "lessons", "unknown-field.yaml");
    const run = await validate(file);
    expect(run.stdout.split("\n")).toEqual([
      `${file}:3:1: unknown field "titel" (did you mean "title"?)`,
      `${file}:11:7: unknown field "hnit" (did you mean "hint"?)`,
      `${file}:14:11: unknown field "inptu" (did you mean "input"?)`,
      "3 problems in 1 file",
      "",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });

  it("reports YAML syntax errors the same way", async () => {
    const file = fixture("bad", "lessons", "syntax-error.yaml");
    const run = await validate(file);
    expect(run.stdout).toBe(
      `${file}:5:1: YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]\n1 problem in 1 file\n`,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });

  it("counts problems across every file of the folders it is given", async () => {
    const run = await validate(fixture("bad"), fixture("duplicates"));
    const lines = run.stdout.trim().split("\n");
    const problems = lines.slice(0, -1);
    expect(problems.every((line) => /^test[\\/]fixtures[\\/]content[\\/].+\.yaml:\d+:\d+: \S/.test(line))).toBe(true);
    const files = new Set(problems.map((line) => line.slice(0, line.indexOf(".yaml:"))));
    expect(lines.at(-1)).toBe(`${problems.length} problems in ${files.size} files`);
    expect(files.size).toBe(19);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });

  it("says the content is valid and exits 0 for good files", async () => {
    const run = await validate(fixture("good"));
    expect(run.stdout).toBe("lessons and quizzes are valid: 2 lessons, 4 questions\n");
    expect(run.code).toBe(0);
  });

  it("reports a path that does not exist as a problem, not a crash", async () => {
    const run = await validate("no-such-folder/lesson.yaml");
    expect(run.stdout.split("\n")).toEqual([
      `${fixtureFree("no-such-folder/lesson.yaml")}: no such file or folder`,
      "1 problem in 1 file",
      "",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });
});

describe("s3-tutor validate warnings", () => {
  const folder = fixture("warnings");
  const at = (name: string) => fixture("warnings", "quizzes", name);
  const expected = [
    `${at("leaning.yaml")}:4:1: warning: 4 of 5 true/false answers are false; make the answers less one-sided`,
    `${at("long-answers.yaml")}:9:15: warning: question "long.given-away": the correct option is the longest by far (52 vs 23 characters); learners guess it from its length`,
    `${at("long-answers.yaml")}:19:15: warning: question "long.at-the-margin": the correct option is the longest by far (50 vs 40 characters); learners guess it from its length`,
    `${at("trues.yaml")}:4:1: warning: 3 of 4 true/false answers are true; make the answers less one-sided`,
  ];

  it("prints each warning as file:line:col: warning: message, counts them in the summary, and exits 0", async () => {
    const run = await validate(folder);
    expect(run.stdout.split("\n")).toEqual([...expected, "lessons and quizzes are valid: 0 lessons, 24 questions; 4 warnings", ""]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("with --strict, warnings fail the run: exit 1", async () => {
    const run = await finished(spawnCli(["validate", "--strict", folder]));
    expect(run.stdout.split("\n")).toEqual([...expected, "lessons and quizzes are valid: 0 lessons, 24 questions; 4 warnings", ""]);
    expect(run.code).toBe(1);
    const clean = await finished(spawnCli(["validate", "--strict", fixture("good")]));
    expect(clean.code).toBe(0);
  });

  it("shows warnings among the problems in file order, and counts both", async () => {
    const run = await validate(at("trues.yaml"), fixture("misses", "quizzes", "misses.yaml"));
    const lines = run.stdout.trim().split("\n");
    expect(lines.at(-1)).toBe("3 problems in 1 file; 1 warning");
    expect(lines.filter((line) => line.includes(": warning: "))).toEqual([expected[3]]);
    expect(lines.indexOf(expected[3] as string)).toBe(lines.length - 2);
    expect(run.code).toBe(1);
  });

  it("the app still opens on content with warnings: they are validate's alone", async () => {
    const { loadContent } = await import("../../src/content/catalog");
    const content = await loadContent([folder]);
    expect(content.problems).toEqual([]);
    expect(content.quizzes).toHaveLength(5);
  });
});

/** A relative path as this platform prints it. */
const fixtureFree = (path: string) => path.split("/").join(process.platform === "win32" ? "\\" : "/");

describe("s3-tutor validate finds every problem in one run", () => {
  it("rules across fields (no correct choice, a question of another topic) show beside the file's schema mistakes", async () => {
    const file = fixture("misses", "quizzes", "misses.yaml");
    const run = await validate(file);
    expect(run.stdout.split("\n")).toEqual([
      `${file}:8:5: no choice is marked "correct: true"`,
      `${file}:13:5: missing field "explain"`,
      `${file}:18:9: question id "naming.wrong-topic" must start with "misses.", the topic of this file`,
      "3 problems in 1 file",
      "",
    ]);
    expect(run.code).toBe(1);
  });

  it("a lesson's references and variables are checked though a field or a step has a schema mistake, and a variable the broken step saves is not called unknown", async () => {
    const file = fixture("misses", "lessons", "rules-beside-schema.yaml");
    const run = await validate(file);
    expect(run.stdout.split("\n")).toEqual([
      `${file}:3:1: unknown field "titel" (did you mean "title"?)`,
      `${file}:6:12: unknown lesson "no-such-lesson"`,
      `${file}:11:7: unknown field "colour"`,
      `${file}:18:30: unknown variable {{nobody}}: neither built in nor saved by an earlier action`,
      `${file}:22:11: unknown question "misses.no-such-question"`,
      "5 problems in 1 file",
      "",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });

  it("template braces that do not close, or open with one brace, are reported where they are; JSON's }} is left alone", async () => {
    const file = fixture("misses", "lessons", "malformed-braces.yaml");
    const run = await validate(file);
    expect(run.stdout.split("\n")).toEqual([
      `${file}:9:21: "{{prefix}" is not closed: write a variable as {{name}}`,
      `${file}:13:22: "{prefix}}" opens with one brace: write a variable as {{name}}`,
      `${file}:16:21: "{{ region" is not closed: write a variable as {{name}}`,
      "3 problems in 1 file",
      "",
    ]);
    expect(run.code).toBe(1);
  });

  it("a lesson whose id a shipped lesson has is reported as run reports it", async () => {
    const file = fixture("misses", "lessons", "same-id-as-shipped.yaml");
    const shipped = join("lessons", "s3-basics.yaml");
    const expected = `${file}:2:5: lesson id "s3-basics" is already used (first at ${shipped}:2:5)`;
    const checked = await validate(file);
    expect(checked.stdout.split("\n")).toEqual([expected, "1 problem in 1 file", ""]);
    expect(checked.code).toBe(1);
    const ran = await finished(spawnCli(["run", file, "--auto"]));
    expect(ran.stderr.split("\n")[0]).toBe(expected);
    expect(ran.code).toBe(1);
  });

  it("bytes that are not UTF-8 are reported at their line and column, and the rest of the file is still checked", async () => {
    const folder = await mkdtemp(join(tmpdir(), "s3-tutor-utf8-"));
    try {
      const file = join(folder, "latin1.yaml");
      const head = Buffer.from(
        "# yaml-language-server: $schema=https://example.com/schema/lesson.schema.json\nid: latin1\ntitle: Caf",
      );
      // "é" as Latin-1 (0xE9): not UTF-8. Then "déjà" with a valid é and a Latin-1 à (0xE0).
      const rest = Buffer.concat([Buffer.from([0xe9]), Buffer.from("\nsummary: d\u00e9j"), Buffer.from([0xe0]), Buffer.from("\nminutes: 1\nsteps: []\n")]);
      await writeFile(file, Buffer.concat([head, rest]));
      const run = await validate(file);
      const shown = relative(process.cwd(), file);
      expect(run.stdout.split("\n")).toEqual([
        `${shown}:3:11: not valid UTF-8 (byte 0xE9): save the file as UTF-8`,
        `${shown}:4:13: not valid UTF-8 (byte 0xE0): save the file as UTF-8`,
        `${shown}:6:8: "steps" needs at least 1 item`,
        "3 problems in 1 file",
        "",
      ]);
      expect(run.code).toBe(1);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
