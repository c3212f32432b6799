import { ListBucketsCommand, PutBucketPolicyCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../src/sandbox/index";
import { sandboxTarget } from "../../src/targets/sandbox-target";
import { DEFAULT_IDENTITY, OTHER_IDENTITY, type AwsClient, type Target } from "../../src/targets/target";
import { readWorld } from "../../src/targets/world/read-world";
import type { WorldSnapshot } from "../../src/targets/world/world-snapshot";
import { until } from "../helpers/replication";
import { createBucket, createMrap, putObjects, replicate } from "./helpers/world-building";

const REPLICATION_DELAY_MS = 1500;
const YOU = "111122223333";
const OTHER = "444455556666";

/** A sandbox in this process, reached only over HTTP (an "external" source): readWorld must read it through the API. */
const useExternalSandbox = (options: SandboxOptions) => {
  let sandbox: Sandbox | undefined;
  let target: Target | undefined;
  beforeEach(async () => {
    sandbox = await startSandbox(options);
    target = sandboxTarget({ source: { kind: "external", endpoint: sandbox.endpoint }, region: "eu-west-1", otherRegion: "us-west-2" });
  });
  afterEach(async () => {
    await target?.close();
    await sandbox?.close();
  });
  return () => {
    if (!target) throw new Error("the sandbox has not started");
    return target;
  };
};

/** The target as an endpoint without ListBuckets' BucketRegion (older S3 APIs, some emulators) shows it. */
const withoutBucketRegion = (target: Target): Target =>
  new Proxy(target, {
    get(inner, property, receiver) {
      if (property !== "client") return Reflect.get(inner, property, receiver);
      return async (...args: Parameters<Target["client"]>): Promise<AwsClient> => {
        const client = await inner.client(...args);
        return {
          send: async (command) => {
            const output = await client.send(command);
            if (!(command instanceof ListBucketsCommand)) return output;
            const listed = output as { Buckets?: { BucketRegion?: string }[] };
            return { ...listed, Buckets: (listed.Buckets ?? []).map(({ BucketRegion: _dropped, ...rest }) => rest) };
          },
          destroy: () => client.destroy(),
        };
      };
    },
  });

const bucket = (world: WorldSnapshot, name: string) => world.buckets.find((found) => found.name === name);

/** A source in eu-west-1 replicating to a destination in us-west-2, both versioned, `keys` written to the source. */
const replicatedPair = async (target: Target, keys: string[]) => {
  await createBucket(target, "src", "eu-west-1", { versioned: true });
  await createBucket(target, "dst", "us-west-2", { versioned: true });
  await replicate(target, { name: "src", region: "eu-west-1" }, "dst", "to-dst");
  await putObjects(target, "src", "eu-west-1", keys);
};

/**
 * Waits for both ends: one refresh reads the destination's listing before the source's heads, so
 * a copy finishing in between shows COMPLETED at the source a refresh before its REPLICA arrives.
 */
const completed = (target: Target, count: number) =>
  until("replication to complete", async () => {
    const world = await readWorld(target);
    const done = bucket(world, "src")?.replication.COMPLETED === count && bucket(world, "dst")?.replication.REPLICA === count;
    return done ? world : undefined;
  }, 10_000);

describe("reading the world through the API", () => {
  const target = useExternalSandbox({ replicationDelay: REPLICATION_DELAY_MS, mrapDelayMs: 100 });

  it("draws Regions, owners, versioning, object counts and a replication arrow whose objects go from PENDING to COMPLETED", async () => {
    await replicatedPair(target(), ["a.txt", "b.txt"]);
    await createBucket(target(), "plain", "us-east-1");
    await putObjects(target(), "plain", "us-east-1", ["notes.txt"]);
    await createBucket(target(), "taken", "eu-west-1", { identity: OTHER_IDENTITY });

    const pending = await readWorld(target(), { takenNames: ["taken", "taken"] });
    expect(pending.regions).toEqual(["eu-west-1", "us-west-2", "us-east-1"]);
    expect(pending.buckets).toEqual([
      { name: "dst", region: "us-west-2", owner: "you", account: YOU, versioning: "Enabled", objects: 0, replication: {} },
      { name: "plain", region: "us-east-1", owner: "you", account: YOU, versioning: "Unversioned", objects: 1, replication: {} },
      { name: "src", region: "eu-west-1", owner: "you", account: YOU, versioning: "Enabled", objects: 2, replication: { PENDING: 2 } },
      { name: "taken", region: "eu-west-1", owner: "other", account: OTHER, versioning: "Unversioned", objects: 0, replication: {} },
    ]);
    expect(pending.replication).toEqual([{ from: "src", to: "dst", toRegion: "us-west-2", rule: "to-dst", enabled: true }]);
    expect(pending.mraps).toEqual([]);
    expect(pending.takenNames).toEqual(["taken"]);
    expect(pending.unseen).toEqual([]);
    expect(Date.parse(pending.at)).not.toBeNaN();

    const done = await completed(target(), 2);
    expect(bucket(done, "src")?.replication).toEqual({ COMPLETED: 2 });
    expect(bucket(done, "dst")).toMatchObject({ objects: 2, replication: { REPLICA: 2 } });
  });

  it("heads at most maxHeads object versions per refresh and says how many it left out", async () => {
    await replicatedPair(target(), ["a.txt", "b.txt", "c.txt"]);
    await completed(target(), 3);

    // The destination is read first (by name): its three replicas use the whole cap.
    const capped = await readWorld(target(), { maxHeads: 3 });
    expect(bucket(capped, "dst")?.replication).toEqual({ REPLICA: 3 });
    expect(bucket(capped, "src")?.replication).toEqual({});
    expect(capped.unseen).toEqual(["Replication status of 3 object versions not read (at most 3 object heads per refresh)."]);
  });

  it("counts objects in the first versions only when a bucket has more than maxVersionsPerBucket", async () => {
    await createBucket(target(), "busy", "eu-west-1");
    await putObjects(target(), "busy", "eu-west-1", ["1", "2", "3"]);
    const world = await readWorld(target(), { maxVersionsPerBucket: 2 });
    expect(bucket(world, "busy")).toMatchObject({ objects: 2, objectsCapped: true });
    expect(world.unseen).toEqual(["busy: objects counted in its first 2 versions only."]);
  });

  it("turns a refused read into a line in unseen and still draws the bucket", async () => {
    await createBucket(target(), "guarded", "us-west-2", { versioned: true });
    const s3 = (await target().client("s3", DEFAULT_IDENTITY, "us-west-2")) as unknown as S3Client;
    const deny = ["s3:GetBucketVersioning", "s3:GetReplicationConfiguration", "s3:ListBucketVersions"];
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: "guarded",
        Policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: deny, Resource: "arn:aws:s3:::guarded" }] }),
      }),
    );
    const world = await readWorld(target());
    expect(bucket(world, "guarded")).toEqual({ name: "guarded", region: "us-west-2", owner: "you", account: YOU, versioning: "Unversioned", replication: {} });
    expect(world.unseen).toEqual([
      expect.stringMatching(/^guarded: objects not counted \(ListObjectVersions: AccessDenied/),
      expect.stringMatching(/^guarded: replication rules not read \(AccessDenied/),
      expect.stringMatching(/^guarded: versioning not read \(AccessDenied/),
    ]);
  });

  it("asks GetBucketLocation where ListBuckets names no Region (us-east-1's is empty)", async () => {
    await createBucket(target(), "virginia", "us-east-1");
    await createBucket(target(), "ireland", "eu-west-1");
    await createBucket(target(), "sydney", "ap-southeast-2");
    const world = await readWorld(withoutBucketRegion(target()));
    expect(world.buckets.map(({ name, region }) => [name, region])).toEqual([
      ["ireland", "eu-west-1"],
      ["sydney", "ap-southeast-2"],
      ["virginia", "us-east-1"],
    ]);
    expect(world.regions).toEqual(["eu-west-1", "us-west-2", "ap-southeast-2", "us-east-1"]);
    expect(world.unseen).toEqual([]);
  });

  it("draws the learner's Multi-Region Access Point over its Regions once it exists", async () => {
    await createBucket(target(), "west", "us-west-2");
    await createBucket(target(), "east", "us-east-1");
    await createMrap(target(), "everywhere", ["west", "east"]);
    const ready = await until("the access point to be ready", async () => {
      const world = await readWorld(target());
      return world.mraps[0]?.status === "READY" ? world : undefined;
    });
    expect(ready.mraps).toEqual([
      { name: "everywhere", status: "READY", regions: [{ region: "us-east-1", bucket: "east" }, { region: "us-west-2", bucket: "west" }] },
    ]);
    expect(ready.regions).toEqual(["eu-west-1", "us-west-2", "us-east-1"]);
  });
});
