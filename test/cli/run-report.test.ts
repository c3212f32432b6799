import { describe, expect, it } from "vitest";
import { pollLine, stepLine } from "../../src/cli/run-report";

describe("run --auto lines", () => {
  it("a step line per outcome", () => {
    expect(stepLine({ index: 2, title: "Claim a name", outcome: "passed", phases: [], durationMs: 12.4 })).toBe("  ✓ Claim a name (12 ms)");
    expect(stepLine({ index: 2, title: "Claim a name", outcome: "failed", reason: "check · HeadBucket: BucketRegion is us-east-1, expected eu-west-1", phases: [], durationMs: 5 })).toBe(
      "  ✗ Claim a name: check · HeadBucket: BucketRegion is us-east-1, expected eu-west-1",
    );
    expect(stepLine({ index: 3, title: "Another account", outcome: "notApplicable", reason: "needs a second account.", phases: [], durationMs: 0 })).toBe(
      "  – Another account: not on this target: needs a second account.",
    );
  });

  it("polling shows the try, the time against the limit and why it is not there yet", () => {
    const line = pollLine({
      action: { call: "s3:HeadObject", label: "the replica arrives" },
      attempt: 3,
      elapsedMs: 2100,
      withinMs: 30000,
      lastReason: "ReplicationStatus is PENDING, expected COMPLETED",
      pass: false,
    });
    expect(line).toBe("    … the replica arrives: try 3, 2.1 s of 30.0 s: ReplicationStatus is PENDING, expected COMPLETED");
  });
});
