import { S3Client, CreateBucketCommand, ListObjectsV2Command, HeadBucketCommand } from "@aws-sdk/client-s3";
import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ROOM_PATHS, type RoomCredentials } from "../../src/room/protocol";
import type { RoomSnapshot } from "../../src/room/room-state";
import type { RoomReport } from "../../src/room/report/report-types";
import { startBuiltRoom } from "./built-room";
import { PtyApp, root, terminalEnv } from "./pty-app";

/**
 * A workshop on loopback with nothing faked: the built `s3-tutor room` as its own process and three
 * participants' `s3-tutor join` apps in pseudo-terminals. They join, work, one takes a name another
 * wants, the room is killed with -9 and started again, the apps reconnect on their own and deliver
 * what was done meanwhile (once), and the report tells it all.
 */

const WORKSHOP = "global-regional-crr";
const dirs: string[] = [];
const apps: PtyApp[] = [];
const rooms: ChildProcess[] = [];

const tempDir = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `s3-tutor-workshop-${label}-`));
  dirs.push(dir);
  return dir;
};

afterEach(async () => {
  // Gone before their folders are removed: an app on its way out still writes its files.
  const leaving = apps.splice(0).map((app) => {
    app.kill();
    return Promise.race([app.exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  });
  for (const room of rooms.splice(0)) room.kill("SIGKILL");
  await Promise.all(leaving);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

/** `s3-tutor room` without a terminal, once it prints the join command. */
const startRoom = async (roomDir: string, stateDir: string, port = 0): Promise<{ process: ChildProcess; address: string; code: string }> => {
  const started = await startBuiltRoom({ workshop: WORKSHOP, roomDir, stateDir, port, waitFor: /join (127\.0\.0\.1:\d+) --code ([A-Z0-9]{4})/ });
  rooms.push(started.child);
  return { process: started.child, address: started.line[1]!, code: started.line[2]! };
};

const instructor = (roomDir: string, endpoint: string) => {
  const token = readFileSync(join(roomDir, "instructor-token"), "utf8").trim();
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  return {
    state: async (): Promise<RoomSnapshot> => (await (await fetch(`${endpoint}${ROOM_PATHS.state}`, { headers })).json()) as RoomSnapshot,
    open: async (block: string) => {
      const response = await fetch(`${endpoint}${ROOM_PATHS.pacing}`, { method: "POST", headers, body: JSON.stringify({ kind: "openBlock", block }) });
      expect(response.status).toBe(200);
    },
  };
};

interface Participant {
  name: string;
  stateDir: string;
  app: PtyApp;
}

const join_ = async (address: string, code: string, name: string, table: string): Promise<Participant> => {
  const stateDir = tempDir(name.toLowerCase());
  const app = new PtyApp({ stateDir, args: ["join", address, "--code", code, "--name", name, "--table", table] });
  apps.push(app);
  await app.waitFor("Room: connected", 30_000);
  await app.waitForKeys();
  return { name, stateDir, app };
};

/** What the participant's laptop keeps: the session (their keys) and every event it recorded. */
const session = (participant: Participant, address: string) => {
  const folder = join(participant.stateDir, "rooms", address.replace(/[^A-Za-z0-9.-]/g, "_"));
  const saved = JSON.parse(readFileSync(join(folder, "session.json"), "utf8")) as {
    participantId: string;
    target: { prefix: string; region: string; identities: { default: RoomCredentials } };
  };
  const events = () => readFileSync(join(folder, "events.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { seq: number; kind: string });
  return { ...saved, events };
};

const s3As = (endpoint: string, region: string, keys: RoomCredentials) =>
  new S3Client({ endpoint, region, forcePathStyle: true, maxAttempts: 1, credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey } });

/** Presses c on "Claim a name" before any work: the check fails (the bucket is not there yet). */
const checkTooEarly = async (participant: Participant) => {
  await pressUntil(participant, "c", "Check");
  await participant.app.waitFor("✗", 30_000);
};

/**
 * A key typed the very moment a screen first appears can come before the screen listens (a person
 * is never that quick): pressed again until the screen shows it was taken.
 */
const pressUntil = async (participant: Participant, key: string, shown: string) => {
  for (let attempt = 0; attempt < 5; attempt++) {
    participant.app.press(key);
    try {
      await participant.app.waitFor(shown, 2_000);
      return;
    } catch {
      // not listening yet
    }
  }
  await participant.app.waitFor(shown, 2_000);
};

/** Opens the agenda's block whose row contains `title` (the cursor starts on the room's current block). */
const openBlock = async (participant: Participant, title: string) => {
  await participant.app.waitFor((rows) => rows.some((row) => row.includes("❯") && row.includes(title)), 15_000);
  participant.app.press("\r");
};

describe("a workshop room with three participants, on loopback", () => {
  it("joins, reports progress, shares one namespace, survives kill -9 of the room, and reports", async () => {
    const instructorState = tempDir("instructor");
    const roomDir = join(instructorState, "room");
    const room = await startRoom(roomDir, instructorState);
    const endpoint = `http://${room.address}`;
    const teacher = instructor(roomDir, endpoint);
    await teacher.open("names");

    const ana = await join_(room.address, room.code, "Ana", "1");
    const bo = await join_(room.address, room.code, "Bo", "1");
    const cy = await join_(room.address, room.code, "Cy", "2");
    await expect.poll(async () => (await teacher.state()).participants.map((p) => p.name).sort(), { timeout: 15_000 }).toEqual(["Ana", "Bo", "Cy"]);

    // Ana checks before doing anything (✗), then has it done and checks again (✓).
    await openBlock(ana, "One name, one owner");
    await ana.app.waitFor("Claim a name", 15_000);
    await ana.app.waitForKeys();
    const anaSession = session(ana, room.address);
    await checkTooEarly(ana);
    ana.app.press("s");
    await ana.app.waitFor("✓", 30_000);
    // The verdict and the status bar below it can reach the terminal in separate writes.
    await ana.app.waitFor(new RegExp(`room sandbox · eu-west-1 · account ${anaSession.target.identities.default.account}`), 10_000);
    await expect
      .poll(async () => (await teacher.state()).participants.find((p) => p.name === "Ana"), { timeout: 20_000 })
      .toMatchObject({ passedSteps: expect.arrayContaining(["global-namespace/claim-a-name"]) });
    const anaInRoom = (await teacher.state()).participants.find((p) => p.name === "Ana")!;
    expect(anaInRoom.checksFailed).toBeGreaterThanOrEqual(1);

    // The namespace is the room's: Bo, in his own shell (s3-tutor env --room), wants Ana's name and
    // cannot have it, nor read her bucket.
    const anaBucket = `${anaSession.target.prefix}-claim`;
    const boSession = session(bo, room.address);
    const boEnv = spawnSync(process.execPath, ["dist/cli.js", "env", "--room", "--shell", "sh"], { cwd: root, env: terminalEnv(bo.stateDir), encoding: "utf8" });
    expect(boEnv.status).toBe(0);
    const exported = Object.fromEntries([...boEnv.stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((match) => [match[1]!, match[2]!]));
    expect(exported).toMatchObject({ AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: boSession.target.identities.default.accessKeyId });
    const boS3 = s3As(endpoint, exported.AWS_REGION!, {
      account: "",
      accessKeyId: exported.AWS_ACCESS_KEY_ID!,
      secretAccessKey: exported.AWS_SECRET_ACCESS_KEY!,
    });
    await expect(
      boS3.send(new CreateBucketCommand({ Bucket: anaBucket, CreateBucketConfiguration: { LocationConstraint: exported.AWS_REGION as "eu-west-1" } })),
    ).rejects.toMatchObject({ name: "BucketAlreadyExists", $metadata: { httpStatusCode: 409 } });
    await expect(boS3.send(new ListObjectsV2Command({ Bucket: anaBucket }))).rejects.toMatchObject({ name: "AccessDenied" });

    // kill -9 the room (its sandbox goes with it). Cy keeps working: the hint, queued on Cy's laptop.
    room.process.kill("SIGKILL");
    await new Promise((resolve) => room.process.once("exit", resolve));
    await openBlock(cy, "One name, one owner");
    await cy.app.waitFor("Claim a name", 15_000);
    await cy.app.waitForKeys();
    const cySession = session(cy, room.address);
    await pressUntil(cy, "h", "Hint");
    await expect.poll(() => cySession.events().map((event) => event.kind), { timeout: 10_000 }).toContain("hint");

    // The same room again, on the same address: code, tokens, progress and buckets are back, and
    // Cy's app delivers what it queued, once.
    const port = Number(room.address.split(":")[1]);
    const again = await startRoom(roomDir, instructorState, port);
    expect(again.code).toBe(room.code);
    await expect
      .poll(async () => (await teacher.state()).participants.find((p) => p.name === "Cy")?.lastSeq, { timeout: 60_000 })
      .toBe(cySession.events().at(-1)!.seq);
    const after = await teacher.state();
    const cyInRoom = after.participants.find((p) => p.name === "Cy")!;
    expect(cyInRoom.hints).toBe(cySession.events().filter((event) => event.kind === "hint").length);
    expect(after.participants.find((p) => p.name === "Ana")).toMatchObject({ passedSteps: expect.arrayContaining(["global-namespace/claim-a-name"]) });
    const anaS3 = s3As(endpoint, anaSession.target.region, anaSession.target.identities.default);
    await expect(anaS3.send(new HeadBucketCommand({ Bucket: anaBucket }))).resolves.toBeDefined();
    boS3.destroy();
    anaS3.destroy();

    // The report, from the room's log.
    const report = spawnSync(process.execPath, ["dist/cli.js", "room", "report", WORKSHOP, "--data-dir", roomDir, "--format", "json"], {
      cwd: root,
      env: terminalEnv(instructorState),
      encoding: "utf8",
    });
    expect(report.status).toBe(0);
    const json = JSON.parse(report.stdout) as RoomReport;
    expect(json.participantCount).toBe(3);
    const claim = json.checks.find((check) => check.key === "global-namespace/claim-a-name");
    expect(claim).toBeDefined();
    expect(claim!.participantsFailing).toBe(1);
    expect(claim!.participantsPassed).toBeGreaterThanOrEqual(1);
  }, 240_000);
});
