import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ROOM_PATHS, type JoinResponse, type ParticipantView } from "../../src/room/protocol";
import { PtyApp } from "./pty-app";

/**
 * The built `s3-tutor room` in an 80×24 pseudo-terminal, as an instructor runs it: the join
 * command on screen, a participant (over the real API) failing a check until they show as stuck
 * with the reason, a broadcast and the next block reaching the participant, and quitting.
 */

const dirs: string[] = [];
const apps: PtyApp[] = [];

afterEach(() => {
  for (const app of apps.splice(0)) app.kill();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const post = async <T>(endpoint: string, path: string, body: unknown, token?: string): Promise<T> => {
  const response = await fetch(`${endpoint}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
};

const me = async (endpoint: string, token: string): Promise<ParticipantView> =>
  (await (await fetch(`${endpoint}${ROOM_PATHS.me}`, { headers: { authorization: `Bearer ${token}` } })).json()) as ParticipantView;

describe("the instructor's console in a terminal", () => {
  it("shows the join command, puts a participant failing a check first with the reason, and paces the room", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-room-pty-"));
    dirs.push(stateDir);
    const app = new PtyApp({ stateDir, args: ["room", "global-regional-crr", "--port", "0"] });
    apps.push(app);
    const first = await app.waitFor(/join 127\.0\.0\.1:\d+ --code [A-Z0-9]{4}/, 30_000);
    for (const row of first) expect(row.length).toBeLessThanOrEqual(80);
    expect(first.length).toBeLessThanOrEqual(24);
    const [, address, code] = /join (127\.0\.0\.1:\d+) --code ([A-Z0-9]{4})/.exec(first.join("\n"))!;
    const endpoint = `http://${address}`;
    await app.waitForKeys();
    // The projector page's address, with its token, in the notice line (the room's folder has the token).
    await app.waitFor((rows) => rows.join("").replace(/\s/g, "").includes(`Thepagefortheprojector(keepthisaddresstoyourself):${endpoint}/?token=`), 10_000);

    const joined = await post<JoinResponse>(endpoint, ROOM_PATHS.join, { protocol: 1, version: "test", code, name: "Ana", table: "3" });
    const place = { block: "names", lesson: "global-namespace", step: "claim-a-name", title: "Claim a name" };
    const failed = [{ expectation: "HeadBucket s3t-data answers 200", reason: "NoSuchBucket: the bucket does not exist" }];
    await post(
      endpoint,
      ROOM_PATHS.events,
      {
        events: [
          { kind: "stepEntered", ...place, seq: 1, at: new Date().toISOString() },
          ...[2, 3, 4].map((seq) => ({ kind: "checkFailed", ...place, failed, seq, at: new Date().toISOString() })),
        ],
      },
      joined.token,
    );
    const stuck = await app.waitFor((rows) => rows.join("\n").includes("failed 3 times in a row"), 10_000);
    const text = stuck.join("\n");
    expect(text).toContain("Ana");
    expect(text).toContain("Claim a name");
    expect(text).toContain("NoSuchBucket");
    for (const row of stuck) expect(row.length).toBeLessThanOrEqual(80);

    // A broadcast reaches the participant.
    app.press("b");
    await app.waitFor((rows) => rows.some((row) => /message/i.test(row)));
    app.press("Ten minutes left");
    await app.waitFor("Ten minutes left");
    app.press("\r");
    await expect.poll(async () => (await me(endpoint, joined.token)).pacing.messages.map((message) => message.text), { timeout: 10_000 }).toContain(
      "Ten minutes left",
    );

    // The next block opens after a confirmation.
    app.press("n");
    await app.waitFor((rows) => rows.some((row) => /y\/n|yes/i.test(row)));
    app.press("y");
    await expect.poll(async () => (await me(endpoint, joined.token)).pacing.openBlocks, { timeout: 10_000 }).toEqual(["welcome", "regions"]);

    app.press("q");
    await app.waitFor((rows) => rows.join("\n").includes("keep working"));
    app.press("y");
    expect(await app.waitForExit(20_000)).toMatchObject({ exitCode: 0 });
    const log = readFileSync(join(stateDir, "workshop-rooms", "global-regional-crr", "room.jsonl"), "utf8");
    expect(log).toContain('"text":"Ten minutes left"');
  }, 90_000);
});
