import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIN_NODE_MAJOR, preflightLines, runPreflight, type Laptop } from "../../src/room-client/preflight";
import { TinyRoom } from "./tiny-room";

const laptop = (changes: Partial<Laptop> = {}): Laptop => ({
  nodeVersion: "22.12.0",
  isTTY: true,
  columns: 120,
  rows: 40,
  env: {},
  colourDepth: 8,
  now: () => new Date(),
  ...changes,
});

describe("the pre-flight", () => {
  let room: TinyRoom;
  beforeEach(async () => {
    room = new TinyRoom();
    room.hello = { ...room.hello, version: "1.0.0" };
    await room.start();
  });
  afterEach(() => room.stop());

  it("passes on a good laptop next to a good room", async () => {
    const report = await runPreflight(room.address, "K7QF", "1.0.0", laptop());
    expect(report.ok).toBe(true);
    expect(preflightLines(report.checks)).toEqual([
      "✓ Node.js: 22.12.0 (22 or later needed)",
      "✓ Terminal size: 120×40 (80×24 or larger needed)",
      "✓ Colours: 256 colours",
      `✓ Room reachable: A tiny workshop at ${room.address}`,
      "✓ Clock: in step with the room's",
      "✓ Version: s3-tutor 1.0.0, as the room",
    ]);
  });

  it("fails a clock 20 minutes off the room's, which SigV4 would refuse", async () => {
    room.clockOffsetMs = -20 * 60_000;
    const report = await runPreflight(room.address, "K7QF", "1.0.0", laptop());
    expect(report.ok).toBe(false);
    const clock = preflightLines(report.checks).find((line) => line.includes("Clock"));
    expect(clock).toMatch(/^✗ Clock: your clock is 20 min 0 s ahead of the room's: AWS signatures are refused beyond 15 minutes\./);
  });

  it("notes a clock 3 minutes off, and passes it", async () => {
    room.clockOffsetMs = 3 * 60_000;
    const report = await runPreflight(room.address, "K7QF", "1.0.0", laptop());
    expect(report.ok).toBe(true);
    expect(preflightLines(report.checks)).toContain("✓ Clock: your clock is 3 min 0 s behind the room's (fine below 15 minutes; worth setting right)");
  });

  it("fails an old Node, a small window, and an unreachable room, saying what to do", async () => {
    await room.stop();
    const report = await runPreflight(room.address, "K7QF", "1.0.0", laptop({ nodeVersion: "20.20.2", columns: 70, rows: 20 }));
    const lines = preflightLines(report.checks);
    expect(report.ok).toBe(false);
    expect(lines[0]).toBe("✗ Node.js: 20.20.2 is too old: s3-tutor needs Node.js 22 or later (https://nodejs.org)");
    expect(lines[1]).toBe("✗ Terminal size: 70×20 is too small: make the window at least 80 columns by 24 rows");
    expect(lines[3]).toMatch(/^✗ Room reachable: Could not reach the room at .* \(ECONNREFUSED\)\. Check that you typed the address/);
    // No clock or version check without a room to compare with.
    expect(lines).toHaveLength(4);
  });

  it("passes colours off by NO_COLOR, and fails an incompatible room with the command to use", async () => {
    room.hello = { ...room.hello, protocol: 7, version: "3.0.0" };
    const report = await runPreflight(room.address, "K7QF", "1.0.0", laptop({ env: { NO_COLOR: "1" } }));
    const lines = preflightLines(report.checks);
    expect(lines[2]).toBe("✓ Colours: off (NO_COLOR is set); the app shows marks and words instead");
    expect(lines.at(-1)).toBe(`✗ Version: the room runs s3-tutor 3.0.0 (protocol 7), you have 1.0.0 (protocol 1): run npx s3-tutor@3.0.0 join ${room.address} --code K7QF`);
  });
});

it("needs the Node major that package.json's engines names, so npm and the pre-flight agree", () => {
  const { engines } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { engines: { node: string } };
  expect(engines.node).toBe(`>=${MIN_NODE_MAJOR}`);
});
