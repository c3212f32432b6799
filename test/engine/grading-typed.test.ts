import { describe, expect, it } from "vitest";
import type { Question } from "../../src/content/schema/quiz";
import { grade } from "../../src/engine/grading";

const year: Question = {
  id: "consistency.year",
  type: "text",
  prompt: "In which year did S3 become strongly consistent?",
  accept: ["2020", "December 2020"],
  explain: "December 2020.",
  source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html#ConsistencyModel",
};
const typed = (value: string) => grade(year, { kind: "text", value }).correct;

describe("typed answers", () => {
  it("accept the answer with the question's own preposition or an article before it, or a full stop after", () => {
    expect(typed("in 2020")).toBe(true);
    expect(typed("In December 2020")).toBe(true);
    expect(typed("2020.")).toBe(true);
    expect(typed("in the 2020")).toBe(true);
  });

  it("still refuse a wrong answer, or one that says more than the answer", () => {
    expect(typed("in 2019")).toBe(false);
    expect(typed("not 2020")).toBe(false);
    expect(typed("2019 or 2020")).toBe(false);
    expect(typed("since 2020")).toBe(false);
    expect(typed("in")).toBe(false);
    expect(typed("")).toBe(false);
  });
});
