import { describe, expect, it } from "vitest";
import { fixture, problemLines } from "./fixtures";

// Mistakes a single file can make on its own: YAML syntax, the schema line and the zod schemas.
// Each test pins the exact line an author sees, position included.

const lesson = (name: string) => fixture("bad", "lessons", `${name}.yaml`);
const quiz = (name: string) => fixture("bad", "quizzes", `${name}.yaml`);

describe("a lesson file with a mistake of its own", () => {
  it("reports a YAML syntax error where the parser stopped", async () => {
    expect(await problemLines(lesson("syntax-error"))).toEqual([
      `${lesson("syntax-error")}:5:1: YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it("points at an alias whose anchor is not defined", async () => {
    expect(await problemLines(lesson("dangling-alias"))).toEqual([
      `${lesson("dangling-alias")}:3:8: YAML syntax: unresolved alias (the anchor must be set before the alias): title`,
    ]);
  });

  it("says an empty file is empty", async () => {
    expect(await problemLines(lesson("empty"))).toEqual([`${lesson("empty")}:1:1: the file is empty`]);
  });

  it("points at an unknown field's key and suggests the field it was meant to be", async () => {
    expect(await problemLines(lesson("unknown-field"))).toEqual([
      `${lesson("unknown-field")}:3:1: unknown field "titel" (did you mean "title"?)`,
      `${lesson("unknown-field")}:11:7: unknown field "hnit" (did you mean "hint"?)`,
      `${lesson("unknown-field")}:14:11: unknown field "inptu" (did you mean "input"?)`,
    ]);
  });

  it("reports a missing field at the map it is missing from", async () => {
    expect(await problemLines(lesson("missing-field"))).toEqual([
      `${lesson("missing-field")}:2:1: missing field "summary"`,
      `${lesson("missing-field")}:7:7: missing field "goal"`,
    ]);
  });

  it("points at values of the wrong type or shape, in words", async () => {
    expect(await problemLines(lesson("wrong-types"))).toEqual([
      `${lesson("wrong-types")}:2:5: "id" must be lower-case words joined by hyphens`,
      `${lesson("wrong-types")}:5:10: expected a number for "minutes"`,
      `${lesson("wrong-types")}:6:11: expected a list for "requires"`,
      `${lesson("wrong-types")}:8:11: "read" must not be empty`,
      `${lesson("wrong-types")}:12:15: item 1 of "needs" must be one of "secondAccount", "replication", "regionRedirect", "reservedNames", "lifecycleRules", "policySimulation", "requesterPays", "blockPublicAccess" or "multiRegionAccessPoints" (did you mean "replication"?)`,
      `${lesson("wrong-types")}:15:33: "within" must be a duration such as "500ms", "30s" or "2m"`,
      `${lesson("wrong-types")}:16:54: expected a number for "status"`,
    ]);
  });

  it("names the three step kinds when a step is none of them", async () => {
    expect(await problemLines(lesson("bad-steps"))).toEqual([
      `${lesson("bad-steps")}:7:5: expected one of "read", "quiz" or "handsOn", found "reed" (did you mean "read"?)`,
      `${lesson("bad-steps")}:8:5: use only one of "read", "quiz" or "handsOn" here, not "read" and "quiz" together`,
      `${lesson("bad-steps")}:10:5: expected one of "read", "quiz" or "handsOn" for item 3 of "steps"`,
    ]);
  });

  it("asks for the yaml-language-server line when it is missing or names the other schema", async () => {
    const expected = '"# yaml-language-server: $schema=../../../../../schema/lesson.schema.json"';
    expect(await problemLines(lesson("no-schema-line"))).toEqual([`${lesson("no-schema-line")}:1:1: the first line must be ${expected}`]);
    expect(await problemLines(lesson("wrong-schema-line"))).toEqual([`${lesson("wrong-schema-line")}:1:1: the first line must be ${expected}`]);
  });
});

describe("a quiz file with a mistake of its own", () => {
  it("reports bad values, an unknown question type and a missing one", async () => {
    expect(await problemLines(quiz("schema-mistakes"))).toEqual([
      `${quiz("schema-mistakes")}:2:8: "topic" must be lower-case words joined by hyphens`,
      `${quiz("schema-mistakes")}:6:11: "type" must be one of "single", "multi", "truefalse" or "text" (did you mean "single"?)`,
      `${quiz("schema-mistakes")}:10:5: missing field "type" (one of "single", "multi", "truefalse" or "text")`,
      `${quiz("schema-mistakes")}:18:5: unknown field "choises"`,
      `${quiz("schema-mistakes")}:20:7: "choices" needs at least 2 items`,
      `${quiz("schema-mistakes")}:24:17: "difficulty" must be at most 3`,
    ]);
  });
});
