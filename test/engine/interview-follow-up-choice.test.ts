import { describe, expect, it } from "vitest";
import { chooseFollowUp, MAX_CHAIN_DEPTH, maxFollowUps } from "../../src/engine/interview/follow-up-choice";
import { deepQuestion, followUp } from "./interview-fixtures";

const byRegion = followUp("what if the Region is down?", ["x", "y"], { when: ["one-region"] });
const byReplication = followUp("how does replication work?", ["x", "y"], { when: ["replicate", "name-global"] });
const fallback = followUp("what about costs?", ["x", "y"]);
const node = { followUps: [fallback, byRegion, byReplication] };

describe("choosing the follow-up", () => {
  it("asks the follow-up that listens for a point the candidate missed", () => {
    expect(chooseFollowUp(node, ["one-region"])).toBe(byRegion);
    expect(chooseFollowUp(node, ["name-global"])).toBe(byReplication);
  });

  it("takes the first in the file's order when several missed points have follow-ups", () => {
    expect(chooseFollowUp(node, ["name-global", "one-region"])).toBe(byRegion);
  });

  it("asks the follow-up without `when` once every point was made, or when no `when` applies", () => {
    expect(chooseFollowUp(node, [])).toBe(fallback);
    expect(chooseFollowUp(node, ["something-else"])).toBe(fallback);
  });

  it("asks nothing when the node has no follow-ups, or none that applies", () => {
    expect(chooseFollowUp({}, ["one-region"])).toBeUndefined();
    expect(chooseFollowUp({ followUps: [byRegion] }, [])).toBeUndefined();
  });

  it("stops the chain at four asks deep", () => {
    expect(MAX_CHAIN_DEPTH).toBe(4);
    expect(chooseFollowUp(node, [], 3)).toBe(fallback);
    expect(chooseFollowUp(node, [], 4)).toBeUndefined();
  });

  it("counts the follow-ups a chain may ask, capped at three", () => {
    expect(maxFollowUps({})).toBe(0);
    expect(maxFollowUps(node)).toBe(1);
    expect(maxFollowUps(deepQuestion("s3.deep"))).toBe(3);
  });
});
