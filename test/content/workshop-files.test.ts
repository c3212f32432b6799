import { readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContentBesideShipped } from "../../src/content/catalog";
import { formatProblem, formatWarning } from "../../src/content/problem";
import { workshopWarnings } from "../../src/content/workshop-warnings";
import { loadWorkshop, loadWorkshops, shippedWorkshopIds } from "../../src/content/workshops";
import { loadOperationChecker } from "../../src/handson/dispatch";
import { useTempDirs } from "../helpers/data-dir";
import { root } from "./fixtures";

// Workshop files (workshops/<id>.yaml) as validate and `room` read them: every mistake at its
// file:line:col, checked against the shipped lessons and quizzes the blocks name.

const workshop = (name: string) => join("test", "fixtures", "workshops", `${name}.yaml`);

/** What `validate <file>` prints for a workshop fixture, one line per problem. */
const problemLines = async (name: string): Promise<string[]> => {
  const loaded = await loadWorkshop(join(root, workshop(name)));
  return loaded.problems.map((problem) => formatProblem(problem, root));
};

const scratchFolder = useTempDirs("workshop");

describe("the workshops that ship", () => {
  it("are global-regional-crr (90 minutes, the room's sandbox) and interview-bootcamp (45 minutes, each laptop's own)", async () => {
    expect(await shippedWorkshopIds()).toEqual(["global-regional-crr", "interview-bootcamp"]);
    const crr = await loadWorkshop("global-regional-crr");
    expect([crr.workshop?.minutes, crr.workshop?.target]).toEqual([90, "room"]);
    const bootcamp = await loadWorkshop("interview-bootcamp");
    expect([bootcamp.workshop?.minutes, bootcamp.workshop?.target]).toEqual([45, "own"]);
  });

  it("validate with no problem and no warning", async () => {
    const { workshops, problems } = await loadWorkshops({ operationExists: await loadOperationChecker() });
    expect(problems.map((problem) => formatProblem(problem, root))).toEqual([]);
    expect(workshopWarnings(workshops).map((warning) => formatWarning(warning, root))).toEqual([]);
    expect(workshops.map((loaded) => relative(root, loaded.file))).toEqual([join("workshops", "global-regional-crr.yaml"), join("workshops", "interview-bootcamp.yaml")]);
  });

  it("the CRR workshop has the moment another account takes your name, and an exam of every topic it teaches", async () => {
    const { workshop: crr } = await loadWorkshop("global-regional-crr");
    const blocks = crr?.blocks ?? [];
    expect(blocks.some((block) => "lesson" in block && block.lesson === "global-namespace" && block.steps?.includes("another-account-tries"))).toBe(true);
    const exam = blocks.flatMap((block) => ("exam" in block ? [block.exam] : []));
    expect(exam).toEqual([{ topics: ["regions", "naming", "namespace", "replication"], count: 6, seed: 90, passMark: 70 }]);
    expect(blocks.filter((block) => "break" in block).map((block) => block.id)).toEqual(["welcome", "coffee"]);
  });
});

describe("a workshop file with a mistake", () => {
  it("reports a YAML syntax error where the parser stopped", async () => {
    expect(await problemLines("syntax-error")).toEqual([
      `${workshop("syntax-error")}:8:3: YAML syntax: block collections are not allowed within flow collections`,
      `${workshop("syntax-error")}:9:1: YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it("names a lesson that does not exist, and the one it probably meant", async () => {
    expect(await problemLines("unknown-lesson")).toEqual([
      `${workshop("unknown-lesson")}:9:13: unknown lesson "global-namspace" (did you mean "global-namespace"?)`,
    ]);
  });

  it("names a chosen step the lesson does not have, lists the lesson's hands-on steps, and a step chosen twice", async () => {
    const steps = "its hands-on steps are 1 claim-a-name, 2 another-account-tries, 3 ask-again, 4 us-east-1-exception, 5 freed-name, 6 account-regional-name";
    expect(await problemLines("unknown-step")).toEqual([
      `${workshop("unknown-step")}:10:27: lesson "global-namespace" has no hands-on step "another-acount-tries" (did you mean "another-account-tries"?); ${steps}`,
      `${workshop("unknown-step")}:10:49: lesson "global-namespace" has no hands-on step 9; ${steps}`,
      `${workshop("unknown-step")}:10:52: hands-on step 1 (claim-a-name) is already chosen in this block`,
    ]);
  });

  it("says a block is one of break, lesson, quiz or exam: two at once, or none, at the block", async () => {
    expect(await problemLines("two-kinds")).toEqual([
      `${workshop("two-kinds")}:8:5: use only one of "break", "lesson", "quiz" or "exam" here, not "lesson" and "quiz" together`,
      `${workshop("two-kinds")}:12:5: expected one of "break", "lesson", "quiz" or "exam" for item 2 of "blocks"`,
    ]);
  });

  it("counts the questions an exam asks for against its topics, and names a topic that does not exist", async () => {
    expect(await problemLines("too-few-questions")).toEqual([
      `${workshop("too-few-questions")}:9:41: "count" asks for 12 questions, but the topic "interview" has only 11`,
      `${workshop("too-few-questions")}:12:22: unknown quiz topic "nameing" (did you mean "naming"?); topics are basics, concurrency, consistency, cost, interview, mrap, namespace, naming, regions, replication, replication-depth, security, transfer-costs`,
    ]);
  });

  it("suggests the field a typo meant, in a block and in an exam, and still checks the valid blocks' references", async () => {
    expect(await problemLines("unknown-field")).toEqual([
      `${workshop("unknown-field")}:9:5: expected one of "break", "lesson", "quiz" or "exam", found "lessn" (did you mean "lesson"?)`,
      `${workshop("unknown-field")}:12:5: unknown field "minuts" (did you mean "minutes"?)`,
      `${workshop("unknown-field")}:13:42: unknown field "pasMark" (did you mean "passMark"?)`,
      `${workshop("unknown-field")}:15:13: unknown lesson "global-namspace" (did you mean "global-namespace"?)`,
    ]);
  });

  it("wants the id to be the file's name, block ids unique and two different regions", async () => {
    expect(await problemLines("wrong-id")).toEqual([
      `${workshop("wrong-id")}:2:5: workshop id "not-the-file-name" must be the file's name without .yaml ("wrong-id"): s3-tutor room finds a workshop by its file`,
      `${workshop("wrong-id")}:8:14: "otherRegion" must differ from "region" (both are eu-west-1)`,
      `${workshop("wrong-id")}:13:9: block id "part" is already used in this workshop (first at ${workshop("wrong-id")}:10:9)`,
    ]);
  });

  it("whose blocks do not add up to its minutes, or whose exam outlasts its block, still loads, with warnings where to fix them", async () => {
    const loaded = await loadWorkshop(join(root, workshop("minutes-off")));
    expect(loaded.problems).toEqual([]);
    expect(loaded.workshop?.id).toBe("minutes-off");
    expect(loaded.warnings.map((warning) => formatWarning(warning, root))).toEqual([
      `${workshop("minutes-off")}:5:10: warning: the blocks add up to 25 minutes, not the workshop's 30: the agenda ends early`,
      `${workshop("minutes-off")}:18:14: warning: an exam of 5 questions runs 7.5 minutes (90 s a question), but the block gives it 5: give the block more minutes or the exam fewer questions`,
    ]);
  });
});

describe("finding a workshop", () => {
  it("by an id that does not ship: a problem naming the ones that do, no exception", async () => {
    const loaded = await loadWorkshop("global-regional");
    expect(loaded.workshop).toBeUndefined();
    expect(loaded.problems.map((problem) => formatProblem(problem, root))).toEqual([
      `${join("workshops", "global-regional.yaml")}: there is no workshop "global-regional": the workshops that ship are global-regional-crr, interview-bootcamp; or give the path to a workshop file`,
    ]);
  });

  it("by the path of a lesson: not a workshop file", async () => {
    const loaded = await loadWorkshop(join(root, "lessons", "s3-basics.yaml"));
    expect(loaded.problems.map((problem) => problem.message)).toEqual(['not a workshop file: a workshop is one .yaml file with a top-level "blocks:" list']);
  });

  it("a file with a top-level blocks: is a workshop wherever it is, and may not take a shipped workshop's id", async () => {
    const folder = scratchFolder();
    const copy = join(folder, "global-regional-crr.yaml");
    const shippedText = await readFile(join(root, "workshops", "global-regional-crr.yaml"), "utf8");
    // Outside the package the schema line may point at any copy of the schema.
    await writeFile(copy, shippedText.replace("$schema=../schema/", "$schema=https://example.com/s3-tutor/"));
    const checked = await loadContentBesideShipped([copy]);
    expect(checked.workshops.map((loaded) => loaded.workshop.id)).toEqual(["global-regional-crr"]);
    const shipped = join("workshops", "global-regional-crr.yaml");
    expect(checked.problems.map((problem) => formatProblem(problem, root))).toEqual([
      `${relative(root, copy)}:2:5: workshop id "global-regional-crr" is already used (first at ${shipped}:2:5)`,
    ]);
  });
});
