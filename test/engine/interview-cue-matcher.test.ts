import { describe, expect, it } from "vitest";
import { matchPoints, normalisedWords, wordsMatched } from "../../src/engine/interview/cue-matcher";
import { point } from "./interview-fixtures";

const rubric = [
  point("one-region", ["one region", "single region"]),
  point("replicate", ["replicat*", "crr"]),
  point("name-global", ["globally unique"]),
  point("versioning", ["versioning on both"]),
];

describe("the cue matcher", () => {
  it("pre-ticks exactly the points whose cues appear, and says which cue found each", () => {
    const answer = "A bucket lives in a single Region; to survive its loss you'd Replicate objects to another one.";
    expect(matchPoints(answer, rubric)).toEqual({ "one-region": "single region", replicate: "replicat*" });
  });

  it("gives the first of a point's cues that appears, as written in the file", () => {
    expect(matchPoints("one region, CRR, and a single region again", rubric)).toEqual({ "one-region": "one region", replicate: "crr" });
  });

  it("finds nothing in an answer that makes none of the points", () => {
    expect(matchPoints("S3 is object storage with eleven nines of durability.", rubric)).toEqual({});
    expect(matchPoints("", rubric)).toEqual({});
  });

  it("needs a cue's words together and in order, not scattered", () => {
    expect(matchPoints("the region is one of many", rubric)).toEqual({});
    expect(matchPoints("unique names, globally", rubric)).toEqual({});
  });

  it("matches whole words: a cue word is not found inside a longer word", () => {
    expect(matchPoints("crrr and one regional bucket", rubric)).toEqual({});
  });

  it("lets a trailing * stand for any ending, and only at the end of the word", () => {
    expect(matchPoints("replication", rubric)).toEqual({ replicate: "replicat*" });
    expect(matchPoints("replicas", rubric)).toEqual({});
    expect(matchPoints("replicat", rubric)).toEqual({ replicate: "replicat*" });
  });

  it("folds plurals of words of four letters or more, both ways, and leaves short words alone", () => {
    expect(matchPoints("one regions", rubric)).toEqual({ "one-region": "one region" });
    expect(matchPoints("it has versioning on both buckets", [point("v", ["both bucket"])])).toEqual({ v: "both bucket" });
    expect(matchPoints("two buckets", [point("p", ["two bucketS"])])).toEqual({ p: "two bucketS" });
    expect(normalisedWords("Regions, its IAM roles: bus")).toEqual(["region", "its", "iam", "role", "bus"]);
  });

  it("ignores case and punctuation on both sides", () => {
    expect(matchPoints("GLOBALLY-unique!", rubric)).toEqual({ "name-global": "globally unique" });
    expect(matchPoints("us-east-1 only", [point("r", ["us-east-1"])])).toEqual({ r: "us-east-1" });
  });

  it("tells the words of the answer a cue matched, as the candidate typed them (lower case)", () => {
    expect(wordsMatched("We'd be Replicating, to one regions pair", "replicat*")).toBe("replicating");
    expect(wordsMatched("We'd be Replicating, to one regions pair", "one region")).toBe("one regions");
    expect(wordsMatched("nothing here", "one region")).toBeUndefined();
  });
});
