import stringWidth from "string-width";
import { afterEach, describe, expect, it } from "vitest";
import type { LiveQuestion, PacingCommand, RoomLogRecord } from "../../src/room/protocol";
import type { RoomState } from "../../src/room/room-state";
import { UiBridge } from "../../src/ui/bridge";
import { RoomConsole, type RoomConsoleSource } from "../../src/ui/screens/room-console";
import { plain } from "../../src/ui/text";
import { NO_COLOUR_THEME } from "../../src/ui/theme";
import { at, BLOCK_TITLES, CLAIM, eventsFor, joined, NOW, scriptedRoom } from "../room/fixtures/scripted-room";
import { renderInFakeTerminal, type FakeTerminal } from "./fake-terminal";
import { KEYS } from "./render-app";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Rendered {
  terminal: FakeTerminal;
  frame: () => string;
  waitFor: (text: string | ((frame: string) => boolean)) => Promise<string>;
  press: (...keys: string[]) => Promise<void>;
  paced: PacingCommand[];
  notify: () => void;
  quits: number;
  /** How many times the console told onRedraw it redrew. */
  redraws: () => number;
}

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.terminal.unmount();
  rendered = undefined;
});

/** The console over a room state, in a terminal of the given size; `pace` records what it was asked and applies it. */
const renderConsole = async (
  state: RoomState,
  size = { columns: 80, rows: 24 },
  refuse?: string,
  bridge?: UiBridge,
  extra: Partial<RoomConsoleSource> = {},
): Promise<Rendered> => {
  const listeners = new Set<() => void>();
  const paced: PacingCommand[] = [];
  const source: RoomConsoleSource = {
    state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pace: async (command) => {
      paced.push(command);
      if (refuse) return { refused: refuse };
      state.apply({ type: "pacing", at: NOW.toISOString(), command });
      for (const listener of listeners) listener();
      return { pacing: state.pacing };
    },
    joinCommand: "s3-tutor join 192.168.1.20:7420 --code K7QF",
    workshopTitle: "Global vs regional, names and CRR",
    blockTitles: BLOCK_TITLES,
    now: () => NOW,
    ...extra,
  };
  const result: Rendered = {
    terminal: undefined as unknown as FakeTerminal,
    frame: () => plain(result.terminal.lastFrame() ?? ""),
    waitFor: async (wanted) => {
      const matches = typeof wanted === "string" ? (frame: string) => frame.includes(wanted) : wanted;
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
        if (matches(result.frame())) return result.frame();
        await sleep(25);
      }
      throw new Error(`the console never showed ${String(wanted)}; last frame:\n${result.frame()}`);
    },
    press: async (...keys) => {
      for (const key of keys) {
        result.terminal.type(key);
        await sleep(60);
      }
    },
    paced,
    notify: () => {
      for (const listener of listeners) listener();
    },
    quits: 0,
    redraws: () => redrawCount,
  };
  let redrawCount = 0;
  result.terminal = renderInFakeTerminal(
    <RoomConsole
      source={source}
      theme={NO_COLOUR_THEME}
      {...(bridge ? { bridge } : {})}
      onRedraw={() => {
        redrawCount += 1;
      }}
      onQuit={() => {
        result.quits += 1;
      }}
    />,
    size,
  );
  await result.waitFor("Global vs regional");
  rendered = result;
  return result;
};

const fitsWindow = (frame: string, size: { columns: number; rows: number }) => {
  const lines = frame.replace(/\n$/, "").split("\n");
  expect(lines.length).toBeLessThanOrEqual(size.rows);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(size.columns);
};

describe("the instructor console", () => {
  it("shows the stuck first with why, everyone else by table, the most-failed checks and the agenda clock behind", async () => {
    const { frame } = await renderConsole(scriptedRoom(), { columns: 120, rows: 40 });
    const shown = frame();
    expect(shown).toContain("Join: s3-tutor join 192.168.1.20:7420 --code K7QF");
    expect(shown).toContain("4 participants · ⚠ 2 stuck");
    expect(shown).toMatch(/⏱ 32:00 · open: Names are global · agenda says: The exam · ⚠ 7 min behind/);
    const lines = shown.split("\n");
    const index = (text: string) => lines.findIndex((line) => line.includes(text));
    // Stuck first: Ana (3 failures in a row) before Bo (6 minutes on a step), with why.
    expect(index("Stuck (2)")).toBeLessThan(index("⚠ Ana"));
    expect(lines[index("⚠ Ana")]).toContain("table 1 · Claim a name");
    expect(lines[index("⚠ Ana") + 1]).toContain("failed 3 times in a row: the bucket is in us-east-1");
    expect(index("⚠ Ana")).toBeLessThan(index("⚠ Bo"));
    expect(lines[index("⚠ Bo")]).toContain("Pick a region · 6:00 on step");
    expect(lines[index("⚠ Bo") + 1]).toContain("6 min on this step");
    // Everyone else, under their table: Cy done, Dee on a step for 0:30 with one failure.
    expect(index("⚠ Bo")).toBeLessThan(index("Table 2 (2 participants)"));
    expect(lines[index("  Cy ")]).toMatch(/✓3\s+✓ exam 8\/10/);
    expect(lines[index("  Dee ")]).toMatch(/Names are global\s+Claim a name\s+3:00\s+✓1\s+✗ BucketAlreadyExists: someone/);
    // The checks the room fails most, with the reasons and how many participants hit each.
    expect(index("Most-failed checks")).toBeGreaterThan(index("  Dee "));
    expect(shown).toMatch(/✗ Claim a name · 3 participants failing · 5 failures · 2 passed/);
    expect(shown).toMatch(/3 hit: BucketAlreadyExists: someone else owns that name/);
    expect(shown).toMatch(/1 hit: the bucket is in us-east-1/);
  });

  it("groups by name on t, and redraws when the room tells it something changed", async () => {
    const state = scriptedRoom();
    const { press, waitFor, notify, redraws } = await renderConsole(state, { columns: 130, rows: 40 });
    const before = redraws();
    await press("t");
    await waitFor("Everyone else by name (2)");
    state.apply(joined("p-eve", "Eve", "3", 31));
    state.apply({
      type: "event",
      at: at(31),
      participantId: "p-eve",
      event: {
        kind: "preflight",
        seq: 1,
        at: at(31),
        checks: [
          { name: "Node version", ok: true, detail: "20.19" },
          { name: "clock skew", ok: false, detail: "17 min behind the room" },
        ],
      },
    });
    notify();
    await waitFor("Everyone else by name (3)");
    // onRedraw is an effect, run just after the frame is written: under load the frame can be seen first.
    await expect.poll(redraws).toBeGreaterThan(before);
    // Before any work, what the instructor sees of Eve is her pre-flight's failure.
    await waitFor("✗ pre-flight: clock skew: 17 min behind the room");
  });

  it("sends a broadcast on b, opens the next block on n and starts the exam on x, each after asking", async () => {
    const { press, waitFor, paced } = await renderConsole(scriptedRoom());
    await press("b");
    await waitFor("Message to everyone ❯");
    await press(..."Coffee at 10:30", KEYS.enter);
    await waitFor("✓ Sent to everyone: Coffee at 10:30");
    await press("b", "x", KEYS.escape);
    await waitFor((frame) => !frame.includes("Message to everyone"));
    await press("n");
    await waitFor('Open the next block, "The exam"?');
    await press("n");
    await waitFor((frame) => !frame.includes("Open the next block"));
    expect(paced).toEqual([{ kind: "broadcast", text: "Coffee at 10:30" }]);
    await press("n", "y");
    await waitFor('✓ Opened "The exam".');
    await press("x");
    await waitFor('Start the exam, "The exam"?');
    await press("y");
    await waitFor('exam "The exam" running');
    expect(paced).toEqual([
      { kind: "broadcast", text: "Coffee at 10:30" },
      { kind: "openBlock", block: "exam" },
      { kind: "startExam", block: "exam" },
    ]);
    await press("n");
    await waitFor("✗ Not done: every block is open already");
  });

  it("shows the room's refusal in the notice line", async () => {
    const { press, waitFor } = await renderConsole(scriptedRoom(), undefined, "the log could not be written: disk full");
    await press("b", ..."hello", KEYS.enter);
    await waitFor("✗ Not done: the log could not be written: disk full");
  });

  it("asks before quitting, saying participants keep working", async () => {
    const console = await renderConsole(scriptedRoom());
    await console.press("q");
    await console.waitFor("Quit the room?");
    expect(console.frame().replace(/\s+/g, " ")).toContain("Participants keep working; their progress is saved when the room starts again.");
    await console.press("n");
    await console.waitFor((frame) => !frame.includes("Quit the room?"));
    expect(console.quits).toBe(0);
    // ctrl+c asks the same question: the room is everyone's, not closed by a stray keystroke.
    await console.press("\u0003");
    await console.waitFor("Quit the room?");
    await console.press("y");
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && console.quits === 0; ) await sleep(25);
    expect(console.quits).toBe(1);
  });

  it("shows the room's notices in the notice line, including those from before it opened", async () => {
    const bridge = new UiBridge();
    bridge.notify("A torn last line of the log was dropped: the event it held was never acknowledged.");
    const { waitFor } = await renderConsole(scriptedRoom(), { columns: 100, rows: 30 }, undefined, bridge);
    await waitFor("A torn last line of the log was dropped");
    bridge.notify("Warning: something a library said");
    await waitFor("Warning: something a library said");
  });

  it("fits 200 participants in 80×24, saying how many more there are, and scrolls", async () => {
    const extra: RoomLogRecord[] = [];
    for (let n = 1; n <= 200; n += 1) {
      const id = `p-${n}`;
      extra.push(joined(id, `Participant with a long name ${n}`, String((n % 20) + 1), 2));
      const events = eventsFor(id);
      extra.push(events({ kind: "stepEntered", ...CLAIM }, 20 + (n % 12)));
      if (n % 25 === 0) for (let k = 0; k < 3; k += 1) extra.push(events({ kind: "checkFailed", ...CLAIM, failed: [{ expectation: `expectation ${n}`, reason: `reason ${n} `.repeat(20) }] }, 31));
    }
    const size = { columns: 80, rows: 24 };
    const { frame, press, waitFor } = await renderConsole(scriptedRoom(extra), size);
    const first = frame();
    fitsWindow(first, size);
    expect(first).toContain("204 participants");
    const more = /↓ (\d+) more, ↑\/↓/.exec(first);
    expect(more).not.toBeNull();
    // A stuck participant is never shown last without why: the row waits for the next scroll.
    const lines = first.split("\n");
    expect(lines[lines.findIndex((line) => line.includes("more, ↑/↓")) - 1]).not.toMatch(/^ ⚠/);
    expect(first).toContain("Most-failed checks");
    await press(KEYS.down, KEYS.down, KEYS.down);
    await waitFor("↑ 3 above");
    fitsWindow(frame(), size);
    // The confirmation and the notice take rows from the list, not from the window.
    await press("q");
    await waitFor("Quit the room?");
    fitsWindow(frame(), size);
  });

  it("puts the most-failed checks beside the participants in a wide window", async () => {
    const { frame } = await renderConsole(scriptedRoom(), { columns: 160, rows: 30 });
    const line = frame().split("\n").find((row) => row.includes("Stuck (2)"));
    expect(line).toContain("Most-failed checks");
    fitsWindow(frame(), { columns: 160, rows: 30 });
  });
});

describe("the live quiz in the console", () => {
  const questions: LiveQuestion[] = [
    { id: "naming.global", prompt: "Bucket names are unique within…", choices: ["an account", "a Region", "the partition"], correct: [2], explain: "One namespace." },
    { id: "naming.length", prompt: "A bucket name is at most how long?", choices: ["63", "255"], correct: [0], explain: "3 to 63 characters." },
  ];
  const answer = (participantId: string, questionId: string, choices: number[], second: number): RoomLogRecord => ({
    type: "liveAnswer",
    at: at(32, second),
    participantId,
    questionId,
    choices,
  });

  it("asks the next question on l after asking, counts answers with a countdown, and reveals the distribution and leaderboard on r", async () => {
    const state = scriptedRoom();
    const size = { columns: 80, rows: 24 };
    const { press, waitFor, paced, notify, frame } = await renderConsole(state, size, undefined, undefined, { liveQuestions: questions });
    await press("r");
    await waitFor("✗ Not done: no live question has been asked");
    await press("l");
    await waitFor('Ask the room: "Bucket names are unique within…"?');
    await press("y");
    await waitFor("Live 1: Bucket names are unique within…");
    await waitFor("answered 0 of 4 · 0:30 left · r reveals");
    expect(paced.at(-1)).toEqual({ kind: "askQuestion", question: questions[0], seconds: 30 });

    state.apply(answer("p-ana", "naming.global", [2], 4));
    state.apply(answer("p-bo", "naming.global", [0], 6));
    state.apply(answer("p-cy", "naming.global", [2], 3));
    notify();
    await waitFor("answered 3 of 4");
    // What they answered stays hidden until the reveal.
    expect(frame()).not.toMatch(/✓C|Top:/);
    await press("l");
    await waitFor('✗ Not done: question "naming.global" is still open; reveal it first');

    await press("r");
    await waitFor("A 1 · B 0 · ✓C 2 — 2 of 3 right");
    await waitFor("Top: 1. Cy 1 ✓ 3.0 s · 2. Ana 1 ✓ 4.0 s · 3. Bo 0 ✓ 0.0 s");
    fitsWindow(frame(), size);

    await press("l", "y");
    await waitFor("Live 2: A bucket name is at most how long?");
    await press("r");
    // Nobody answered the second: the leaderboard is still the one over every revealed question.
    await waitFor("✓A 0 · B 0 — 0 of 0 right");
    expect(frame()).toContain("Top: 1. Cy 1 ✓ 3.0 s");
    await press("l");
    await waitFor("✗ Not done: every live question has been asked");
  });

  it("says to reveal the last question first while it is still open, not that every question has been asked", async () => {
    const { press, waitFor } = await renderConsole(scriptedRoom(), undefined, undefined, undefined, { liveQuestions: questions });
    await press("l", "y");
    await waitFor("Live 1: Bucket names are unique within…");
    await press("r");
    await waitFor("— 0 of 0 right");
    await press("l", "y");
    await waitFor("Live 2: A bucket name is at most how long?");
    await press("l");
    await waitFor('✗ Not done: question "naming.length" is still open; reveal it first');
  });

  it("says so when the workshop has no choice questions to ask", async () => {
    const { press, waitFor } = await renderConsole(scriptedRoom());
    await press("l");
    await waitFor("✗ Not done: the workshop's quiz topics have no choice questions");
  });
});

