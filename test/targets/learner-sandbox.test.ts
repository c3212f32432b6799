import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CreateBucketCommand, ListBucketsCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { STATE_DIR_VARIABLE } from "../../src/store/state-dir";
import { createTarget } from "../../src/targets/create-target";
import {
  learnerSandboxDir,
  learnerSandboxEndpoint,
  loopbackEndpoint,
  openLearnerSandbox,
} from "../../src/targets/learner-sandbox";
import { LEARNER_SANDBOX_PORT } from "../../src/targets/sandbox-port";
import { DEFAULT_IDENTITY, TargetError } from "../../src/targets/target";
import { finished, spawnCli, waitForOutput } from "../helpers/cli";
import { useTempDirs } from "../helpers/data-dir";
import { startSandbox } from "../../src/sandbox/index";

// The learner's sandbox: one world in <state>/sandbox, on a port that stays the same, shared by every s3-tutor process.
const tempDir = useTempDirs("learner");
let stateDir = "";
const previous = process.env[STATE_DIR_VARIABLE];
beforeEach(() => {
  stateDir = tempDir();
  process.env[STATE_DIR_VARIABLE] = stateDir;
});
afterEach(() => {
  process.env[STATE_DIR_VARIABLE] = previous;
});

const rememberedPort = () => (JSON.parse(readFileSync(join(stateDir, "sandbox", "port.json"), "utf8")) as { port: number }).port;

/** Something that is not a sandbox, listening on `port` (0: any free one). */
const occupy = async (port: number): Promise<Server | undefined> => {
  const server = createServer((_request, response) => response.writeHead(404).end("not a sandbox"));
  const listening = await new Promise<boolean>((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => resolve(true));
  });
  if (!listening) return undefined;
  onTestFinished(() => new Promise<void>((done) => server.close(() => done())));
  return server;
};
const portOf = (server: Server) => (server.address() as AddressInfo).port;

describe("the learner's sandbox", () => {
  it(`prefers port ${LEARNER_SANDBOX_PORT} on its first start, or says which port it took instead, and remembers it`, async () => {
    const notices: string[] = [];
    const sandbox = await openLearnerSandbox({ onNotice: (message) => notices.push(message) });
    try {
      const port = Number(new URL(sandbox.endpoint).port);
      if (port === LEARNER_SANDBOX_PORT) expect(notices).toEqual([]);
      else expect(notices.join("\n")).toContain(`Port ${LEARNER_SANDBOX_PORT} is taken, so your sandbox listens on ${sandbox.endpoint}`);
      expect(rememberedPort()).toBe(port);
      expect(sandbox.startedHere).toBe(true);
    } finally {
      await sandbox.close();
    }
  });

  it(`falls back to a free port when ${LEARNER_SANDBOX_PORT} is taken, then keeps that port; if something else takes it, moves and says so`, async () => {
    // Taken by us, or by something else on this machine: either way, taken.
    await occupy(LEARNER_SANDBOX_PORT);
    const notices: string[] = [];
    const onNotice = (message: string) => notices.push(message);
    let sandbox = await openLearnerSandbox({ onNotice });
    const first = sandbox.endpoint;
    expect(first).not.toBe(loopbackEndpoint(LEARNER_SANDBOX_PORT));
    expect(notices).toEqual([`Port ${LEARNER_SANDBOX_PORT} is taken, so your sandbox listens on ${first} (remembered for next time).`]);
    await sandbox.close();

    sandbox = await openLearnerSandbox({ onNotice });
    expect(sandbox.endpoint).toBe(first);
    expect(notices).toHaveLength(1);
    await sandbox.close();

    const squatter = await occupy(Number(new URL(first).port));
    expect(squatter).toBeDefined();
    sandbox = await openLearnerSandbox({ onNotice });
    try {
      expect(sandbox.endpoint).not.toBe(first);
      expect(notices[1]).toContain(`Port ${new URL(first).port}, where your sandbox listened before, is taken by another program, so it now listens on ${sandbox.endpoint}`);
      expect(notices[1]).toContain('eval "$(s3-tutor env)"');
      expect(rememberedPort()).toBe(Number(new URL(sandbox.endpoint).port));
    } finally {
      await sandbox.close();
    }
  });

  it("uses the sandbox another process already serves, and tells s3-tutor env where it is without starting one", async () => {
    expect(await learnerSandboxEndpoint()).toEqual({ endpoint: loopbackEndpoint(LEARNER_SANDBOX_PORT), running: false });
    const child = spawnCli(["sandbox", "--port", "0"], { [STATE_DIR_VARIABLE]: stateDir });
    const done = finished(child);
    onTestFinished(() => void child.kill("SIGKILL"));
    const endpoint = /Endpoint\s+(\S+)/.exec(await waitForOutput(child, /Press Ctrl-C to stop/))?.[1] ?? "";

    expect(await learnerSandboxEndpoint()).toEqual({ endpoint, running: true });
    const shared = await openLearnerSandbox();
    expect(shared).toMatchObject({ endpoint, startedHere: false });
    await shared.close(); // leaves the other process serving

    const target = await createTarget({ target: "sandbox", sandbox: "learner" });
    try {
      expect(target.endpoint).toBe(endpoint);
      await target.preflight();
      const s3 = (await target.client("s3", DEFAULT_IDENTITY, target.region)) as S3Client;
      await s3.send(new CreateBucketCommand({ Bucket: "learner-shared", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    } finally {
      await target.close();
    }
    child.kill("SIGTERM");
    expect((await done).code).toBe(0);
    // The other process kept what the target made.
    expect(readFileSync(join(learnerSandboxDir(), "snapshot.jsonl"), "utf8")).toContain("learner-shared");
  });

  it("as the app's target: its endpoint is known before it starts, and the lab is still there next time", async () => {
    const free = await occupy(0);
    const port = portOf(free!);
    await new Promise<void>((done) => free!.close(() => done()));
    // A port chosen earlier (s3-tutor sandbox --port N) is the one the code views name.
    await openLearnerSandbox({ port }).then((sandbox) => sandbox.close());

    let target = await createTarget({ target: "sandbox", sandbox: "learner" });
    expect(target.endpoint).toBe(loopbackEndpoint(port));
    const s3 = async () => (await target.client("s3", DEFAULT_IDENTITY, target.region)) as S3Client;
    await (await s3()).send(new CreateBucketCommand({ Bucket: "learner-lab", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    await target.close();

    target = await createTarget({ target: "sandbox", sandbox: "learner" });
    try {
      const listed = await (await s3()).send(new ListBucketsCommand({}));
      expect(listed.Buckets?.map((bucket) => bucket.Name)).toEqual(["learner-lab"]);
      expect(target.endpoint).toBe(loopbackEndpoint(port));
    } finally {
      await target.close();
    }
  });

  it("the default sandbox target is still a fresh one in memory", async () => {
    const target = await createTarget({ target: "sandbox" });
    expect(target.endpoint).toBeUndefined();
    try {
      await target.preflight();
      expect(target.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const s3 = (await target.client("s3", DEFAULT_IDENTITY, target.region)) as S3Client;
      expect((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    } finally {
      await target.close();
    }
    expect(await learnerSandboxEndpoint()).toMatchObject({ running: false });
  });
});

describe("--target sandbox --endpoint URL", () => {
  it("uses the sandbox running there, starting nothing, and leaves it running when done", async () => {
    const elsewhere = await startSandbox();
    try {
      const target = await createTarget({ target: "sandbox", endpoint: elsewhere.endpoint });
      expect(target.endpoint).toBe(elsewhere.endpoint);
      await target.preflight();
      const s3 = (await target.client("s3", DEFAULT_IDENTITY, target.region)) as S3Client;
      await s3.send(new CreateBucketCommand({ Bucket: "external-one", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
      await target.close();
      const again = await createTarget({ target: "sandbox", endpoint: elsewhere.endpoint });
      const client = (await again.client("s3", DEFAULT_IDENTITY, again.region)) as S3Client;
      expect((await client.send(new ListBucketsCommand({}))).Buckets?.map((bucket) => bucket.Name)).toEqual(["external-one"]);
      await again.close();
    } finally {
      await elsewhere.close();
    }
  });

  it("pre-flight says plainly when nothing answers there, or something that is not a sandbox does", async () => {
    const free = await occupy(0);
    const port = portOf(free!);
    await new Promise<void>((done) => free!.close(() => done()));
    const nothing = await createTarget({ target: "sandbox", endpoint: `http://127.0.0.1:${port}` });
    const silent = await nothing.preflight().catch((error: unknown) => error);
    expect(silent).toBeInstanceOf(TargetError);
    expect(silent).toMatchObject({
      message: `No sandbox answers at http://127.0.0.1:${port}.`,
      fix: expect.stringContaining("s3-tutor sandbox"),
    });

    const other = await occupy(0);
    const foreign = await createTarget({ target: "sandbox", endpoint: `http://127.0.0.1:${portOf(other!)}` });
    const wrong = await foreign.preflight().catch((error: unknown) => error);
    expect(wrong).toMatchObject({
      message: `Something answers at http://127.0.0.1:${portOf(other!)} (HTTP 404), but it is not an s3-tutor sandbox.`,
      fix: expect.stringContaining("--target localstack"),
    });
  });
});
