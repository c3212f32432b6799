import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import stringWidth from "string-width";
import { afterEach, describe, expect, it, vi } from "vitest";
import { STATE_DIR_VARIABLE } from "../../src/store/state-dir";
import { CUT_LEFT, CUT_RIGHT, maxOffset, scrollStep, viewLine } from "../../src/ui/code-viewport";
import { venvBin, pythonClients } from "../clients/helpers/python-clients";
import { joinContinuations, shAvailable, shSyntaxError } from "../handson/helpers/shell";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

// The code view of a hands-on step, driven as a learner would, in terminals 60 and 80 wide.
const FIXTURE = fileURLToPath(new URL("../fixtures/content/code-view", import.meta.url));
const RIGHT = "\u001B[C";
const LEFT = "\u001B[D";
const HOME = "\u001B[H";
const END = "\u001B[F";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
  vi.unstubAllEnvs();
});

/** The app with its state (and so the saved code) in a folder of its own. */
const open = async (columns: number, options: Parameters<typeof renderApp>[0] = {}): Promise<RenderedApp> => {
  const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-code-"));
  vi.stubEnv(STATE_DIR_VARIABLE, stateDir);
  return renderApp({ stateDir, columns, rows: 80, ...options });
};

/** The rows of code on screen: from under the tab names to the blank row above the notes. */
const codeRows = (frame: string): string[] => {
  const rows = stripVTControlCharacters(frame).split("\n");
  const tabs = rows.findIndex((row) => row.includes("tab switches"));
  expect(tabs).toBeGreaterThan(-1);
  const end = rows.findIndex((row, index) => index > tabs && /^ (» and «|y copies this code|✓ Saved|✗ )/.test(row));
  // One space of padding on the left; the blank row before the notes is margin.
  return rows.slice(tabs + 2, end - 1).map((row) => row.slice(1).trimEnd());
};

/** What the screen must show of `code` scrolled `offset` columns right, `width` wide. */
const seen = (code: string, offset: number, width: number): string[] => code.split("\n").map((line) => viewLine(line, offset, width).trimEnd());

/** The last thing sent to the clipboard with OSC 52, decoded. */
const clipboard = (output: string): string | undefined => {
  const all = [...output.matchAll(/\u001B\]52;c;([A-Za-z0-9+/=]*)\u0007/g)];
  const last = all.at(-1)?.[1];
  return last === undefined ? undefined : Buffer.from(last, "base64").toString("utf8");
};

const waitForRows = async (app: RenderedApp, expected: string[]): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while (JSON.stringify(codeRows(app.frame())) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) expect(codeRows(app.frame())).toEqual(expected);
    await sleep(20);
  }
};

describe("the code view", () => {
  for (const columns of [60, 80]) {
    const width = columns - 2;

    it(`at ${columns} columns: TypeScript never wraps, and y saves exactly the code shown and sends it to the clipboard`, async () => {
      app = await open(columns, { content: [FIXTURE], initialView: { screen: "lesson", lessonId: "code-view-fixture" } });
      await app.waitFor("Do it yourself");
      await app.press("v");
      await app.waitFor("[TypeScript SDK]");
      const rows = codeRows(app.frame());
      for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(width);
      expect(app.frame()).toContain("y copies this code: to a file, and to the clipboard in");

      await app.press("y");
      await app.waitFor("✓ Saved to a file:");
      const path = join(app.stateDir, "code", "code-view-fixture-a-role-for-replication.ts");
      const saved = readFileSync(path, "utf8");
      expect(saved.endsWith("\n")).toBe(true);
      const code = saved.slice(0, -1);
      // Line for line what the screen shows, nothing wrapped, nothing added.
      expect(rows).toEqual(seen(code, 0, width));
      expect(code).toMatch(/^import \{/);
      expect(code).toContain("await iamEuWest1.send(new PutRolePolicyCommand(".replace("iamEuWest1", "client"));
      expect(clipboard(app.output())).toBe(code);
      const frame = app.frame();
      expect(frame).toContain(viewLine(path, 0, width));
      expect(frame.replace(/\s+/g, " ")).toContain("The code shown went to the clipboard too, but only in terminals that allow OSC 52; the file always works.");
    });

    it(`at ${columns} columns: a long CLI command splits between arguments, a JSON argument is cut at the edge with », and ←/→ scroll to the rest`, async () => {
      app = await open(columns, { content: [FIXTURE], initialView: { screen: "lesson", lessonId: "code-view-fixture" } });
      await app.waitFor("Do it yourself");
      await app.press("v", KEYS.tab);
      await app.waitFor("[AWS CLI]");
      // The status bar shows the keys of the open code view.
      expect(app.frame()).toMatch(/tab SDK\/CLI · ←\/→ scroll · y copy/);
      await app.press("y");
      await app.waitFor("✓ Saved as a script (sh runs it):");
      const code = clipboard(app.output());
      expect(code).toBeDefined();
      const lines = code!.split("\n");
      expect(lines.some((line) => line.endsWith(" \\"))).toBe(true);
      const json = lines.findIndex((line) => line.trimStart().startsWith(`'{"Version":"2012-10-17"`));
      expect(json).toBeGreaterThan(-1);
      expect(lines[json]!.length).toBeGreaterThan(width);

      // At the start: the JSON line cut at the edge, » in its last column.
      let rows = codeRows(app.frame());
      expect(rows).toEqual(seen(code!, 0, width));
      expect(rows[json]!.endsWith(CUT_RIGHT)).toBe(true);
      expect(app.frame()).toContain("» and « mark where a line goes on: ←/→ scroll sideways.");

      // → moves half a window at a time; every step shows the same code further along.
      const path = join(app.stateDir, "code", "code-view-fixture-a-role-for-replication.sh");
      const limit = maxOffset([...lines, path], width);
      const offsets: number[] = [];
      for (let offset = 0; offset < limit; ) {
        offset = Math.min(limit, offset + scrollStep(width));
        offsets.push(offset);
        await app.press(RIGHT);
        await waitForRows(app, seen(code!, offset, width));
      }
      expect(offsets.length).toBeGreaterThan(0);
      rows = codeRows(app.frame());
      expect(rows[json]!.startsWith(CUT_LEFT)).toBe(true);
      expect(lines[json]!.endsWith(rows[json]!.slice(1))).toBe(true);
      // Pressing on at the end changes nothing; ← goes back to the start.
      await app.press(RIGHT);
      await waitForRows(app, seen(code!, limit, width));
      for (const _ of offsets) await app.press(LEFT);
      await waitForRows(app, seen(code!, 0, width));
      // End and home jump to either end.
      await app.press(END);
      await waitForRows(app, seen(code!, limit, width));
      await app.press(HOME);
      await waitForRows(app, seen(code!, 0, width));

      // The file is a script that runs the same commands, the identity set on lines of its own.
      const script = readFileSync(path, "utf8");
      expect(script.startsWith("#!/bin/sh\n")).toBe(true);
      expect(script).toContain("\nset -e\n");
      expect(script).toContain("\nexport AWS_ACCESS_KEY_ID=111122223333\nexport AWS_SECRET_ACCESS_KEY=test\n");
      const commands = (text: string) =>
        joinContinuations(text)
          .split("\n")
          .filter((line) => line !== "" && !/^(#|set -e|export |unset )/.test(line))
          .map((line) => line.replace(/^(?:AWS_[A-Z_]+=\S+ )+/, ""));
      expect(commands(script)).toEqual(commands(code!));
      expect(commands(script)).toHaveLength(2);
      if (process.platform !== "win32") expect(statSync(path).mode & 0o111).not.toBe(0);
      if (shAvailable) expect(await shSyntaxError(script)).toBeUndefined();
    });
  }

  it("when the file cannot be written, says so in words, and the code still goes to the clipboard", async () => {
    app = await open(80, { content: [FIXTURE], initialView: { screen: "lesson", lessonId: "code-view-fixture" } });
    // The state folder's place is taken by a file: no folder can be made there.
    const blocked = join(mkdtempSync(join(tmpdir(), "s3-tutor-code-")), "not-a-folder");
    writeFileSync(blocked, "");
    vi.stubEnv(STATE_DIR_VARIABLE, blocked);
    await app.waitFor("Do it yourself");
    await app.press("v");
    await app.waitFor("[TypeScript SDK]");
    await app.press("y");
    const shown = await app.waitFor("✗ Could not save the code to");
    expect(shown.replace(/\s+/g, " ")).toContain("it went to the clipboard if the terminal allows OSC 52.");
    // Words, not a stack trace.
    expect(shown).not.toMatch(/\bat .+:\d+:\d+/);
    expect(clipboard(app.output())).toMatch(/^import \{/);
  });

  it.skipIf(!pythonClients.available || !shAvailable)(
    "the saved script of a step, run by sh with the AWS CLI, does the step: the SDK sees the bucket, and check passes",
    async () => {
      app = await open(80, { initialView: { screen: "lesson", lessonId: "global-namespace" } });
      await app.press("n", KEYS.down, KEYS.down, KEYS.enter, "n");
      await app.waitFor("▶ Claim a name");
      await app.waitFor("Do it yourself");
      await app.press("v", KEYS.tab, "y");
      await app.waitFor("✓ Saved as a script");
      const script = join(app.stateDir, "code", "global-namespace-claim-a-name.sh");

      // A learner's shell: the AWS CLI on the PATH, no AWS settings of their own.
      const empty = join(mkdtempSync(join(tmpdir(), "s3-tutor-aws-")), "empty");
      writeFileSync(empty, "");
      const env: NodeJS.ProcessEnv = { PATH: `${venvBin}${delimiter}${process.env.PATH ?? ""}`, HOME: tmpdir(), AWS_CONFIG_FILE: empty, AWS_SHARED_CREDENTIALS_FILE: empty, AWS_EC2_METADATA_DISABLED: "true" };
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        // Asynchronous: the sandbox answering the CLI runs in this process.
        execFile("sh", [script], { env, timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })),
      );
      expect(run, run.stderr).toMatchObject({ code: 0 });
      expect(JSON.parse(run.stdout)).toMatchObject({ Location: expect.stringContaining("s3t-claim") });

      const target = await app.session.ready();
      const s3 = new S3Client({ region: "eu-west-1", endpoint: target.endpoint!, forcePathStyle: true, credentials: { accessKeyId: "111122223333", secretAccessKey: "test" } });
      try {
        const head = await s3.send(new HeadBucketCommand({ Bucket: "s3t-claim" }));
        expect(head.BucketRegion).toBe("eu-west-1");
      } finally {
        s3.destroy();
      }
      await app.press("v", "c");
      // The bucket is there, so the check asks only what the learner saw: who they are.
      await app.waitFor("Which account are you");
      await app.press("111122223333", KEYS.enter);
      const checked = await app.waitFor("✓ Step passed.");
      expect(checked).toContain("✓ s3t-claim is yours, in eu-west-1");
    },
    60_000,
  );
});
