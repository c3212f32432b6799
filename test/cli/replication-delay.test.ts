import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/cli/errors";
import { parseReplicationDelay } from "../../src/cli/parse";
import { REPLICATION_DELAY_VARIABLE, replicationDelayFrom } from "../../src/cli/replication-delay";
import { targetOptionsFrom } from "../../src/cli/target-flags";
import { sandboxDelays } from "../../src/targets/sandbox-delays";

const thrownBy = (work: () => unknown): unknown => {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe("--replication-delay values", () => {
  it("reads a duration, zero, or a range", () => {
    expect(parseReplicationDelay("2s")).toBe(2000);
    expect(parseReplicationDelay("500ms")).toBe(500);
    expect(parseReplicationDelay("0")).toBe(0);
    expect(parseReplicationDelay("0ms")).toBe(0);
    expect(parseReplicationDelay("1.5s")).toBe(1500);
    expect(parseReplicationDelay("1s-3s")).toEqual([1000, 3000]);
    expect(parseReplicationDelay("250ms-1s")).toEqual([250, 1000]);
  });

  it("refuses anything else as a usage error (exit 2) saying what it takes", () => {
    for (const bad of ["3s-1s", "5", "soon", "", "-1s", "1s-2s-3s", "2m", "1s-", "99999999s"]) {
      const thrown = thrownBy(() => parseReplicationDelay(bad));
      expect(thrown, bad).toBeInstanceOf(CommanderError);
      expect(thrown).toMatchObject({ code: "commander.invalidArgument", exitCode: 2, message: 'give a delay such as "2s", "500ms" or "0", or a range such as "1s-3s".' });
    }
  });
});

describe(`${REPLICATION_DELAY_VARIABLE}`, () => {
  it("gives the delay when the flag does not; the flag wins", () => {
    expect(replicationDelayFrom(undefined, {})).toBeUndefined();
    expect(replicationDelayFrom(undefined, { [REPLICATION_DELAY_VARIABLE]: "" })).toBeUndefined();
    expect(replicationDelayFrom(undefined, { [REPLICATION_DELAY_VARIABLE]: "0" })).toBe(0);
    expect(replicationDelayFrom(undefined, { [REPLICATION_DELAY_VARIABLE]: " 1s-2s " })).toEqual([1000, 2000]);
    expect(replicationDelayFrom(500, { [REPLICATION_DELAY_VARIABLE]: "5s" })).toBe(500);
    // The flag given, the variable is not even read: a bad one does not stand in the way.
    expect(replicationDelayFrom(0, { [REPLICATION_DELAY_VARIABLE]: "soon" })).toBe(0);
  });

  it("a value it cannot read is a usage error (exit 2) naming the variable", () => {
    expect(() => replicationDelayFrom(undefined, { [REPLICATION_DELAY_VARIABLE]: "soon" })).toThrow(UserError);
    expect(() => replicationDelayFrom(undefined, { [REPLICATION_DELAY_VARIABLE]: "soon" })).toThrow(
      `${REPLICATION_DELAY_VARIABLE}="soon" is not a delay: give a delay such as "2s", "500ms" or "0", or a range such as "1s-3s".`,
    );
    expect(thrownBy(() => replicationDelayFrom(undefined, { [REPLICATION_DELAY_VARIABLE]: "3s-1s" }))).toMatchObject({ exitCode: 2 });
  });

  it("reaches the target's options, and only when given", () => {
    expect(targetOptionsFrom({}, {})).toEqual({ target: "sandbox" });
    expect(targetOptionsFrom({}, { [REPLICATION_DELAY_VARIABLE]: "0" })).toEqual({ target: "sandbox", replicationDelay: 0 });
    expect(targetOptionsFrom({ replicationDelay: [100, 200] }, { [REPLICATION_DELAY_VARIABLE]: "0" })).toEqual({ target: "sandbox", replicationDelay: [100, 200] });
  });
});

describe("the sandbox's background work, paced by one delay", () => {
  it("replication waits the delay; MRAP operations take its middle (2 s for the default 1–3 s)", () => {
    expect(sandboxDelays(0)).toEqual({ replicationDelay: 0, mrapDelayMs: 0 });
    expect(sandboxDelays(500)).toEqual({ replicationDelay: 500, mrapDelayMs: 500 });
    expect(sandboxDelays([1000, 3000])).toEqual({ replicationDelay: [1000, 3000], mrapDelayMs: 2000 });
    const perBucket = () => 10;
    expect(sandboxDelays(perBucket)).toEqual({ replicationDelay: perBucket });
  });
});
