import { describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/index";
import { sandboxTarget } from "../../src/targets/sandbox-target";
import { OTHER_IDENTITY, type Target } from "../../src/targets/target";
import { readWorld } from "../../src/targets/world/read-world";
import { readWorldThroughApi } from "../../src/targets/world/read-world-api";
import type { WorldSnapshot } from "../../src/targets/world/world-snapshot";
import { until } from "../helpers/replication";
import { useStateDir } from "./helpers/aws-on-sandbox";
import { createBucket, createMrap, putObjects, replicate } from "./helpers/world-building";

/** Two Regions of the lesson and two more, both accounts, versioning, replication and an object in each kind of bucket. */
const buildWorld = async (target: Target) => {
  await createBucket(target, "src", "eu-west-1", { versioned: true });
  await createBucket(target, "dst", "us-west-2", { versioned: true });
  await replicate(target, { name: "src", region: "eu-west-1" }, "dst", "to-dst");
  await putObjects(target, "src", "eu-west-1", ["a.txt", "b.txt"]);
  await createBucket(target, "plain", "us-east-1");
  await putObjects(target, "plain", "us-east-1", ["notes.txt"]);
  await createBucket(target, "taken", "ap-southeast-2", { identity: OTHER_IDENTITY });
  await putObjects(target, "taken", "ap-southeast-2", ["theirs.txt"], OTHER_IDENTITY);
};

const direct = async (target: Target): Promise<WorldSnapshot> => {
  const world = await target.world?.({ takenNames: ["taken"] });
  if (!world) throw new Error("the ephemeral sandbox target read no world from memory");
  return world;
};

const withTarget = async (replicationDelay: number, work: (target: Target) => Promise<void>) => {
  const target = sandboxTarget({ replicationDelay, region: "eu-west-1", otherRegion: "us-west-2" });
  try {
    await work(target);
  } finally {
    await target.close();
  }
};

/** The API reader's snapshot, taken at the direct one's moment (`at` is the only field that may differ). */
const throughApi = async (target: Target, at: string) => ({ ...(await readWorldThroughApi(target, { takenNames: ["taken"] })), at });

describe("the direct reader and the API reader on the same sandbox", () => {
  it("agree while replication is pending", () =>
    withTarget(60_000, async (target) => {
      await buildWorld(target);
      const fromMemory = await direct(target);
      expect(fromMemory.regions).toEqual(["eu-west-1", "us-west-2", "ap-southeast-2", "us-east-1"]);
      expect(fromMemory.buckets.map((bucket) => [bucket.name, bucket.owner, bucket.objects, bucket.replication])).toEqual([
        ["dst", "you", 0, {}],
        ["plain", "you", 1, {}],
        ["src", "you", 2, { PENDING: 2 }],
        ["taken", "other", 1, {}],
      ]);
      expect(await throughApi(target, fromMemory.at)).toEqual(fromMemory);
    }));

  it("agree once replication completed and the access point is ready", () =>
    withTarget(100, async (target) => {
      await buildWorld(target);
      await createMrap(target, "both", ["src", "dst"]);
      const fromMemory = await until(
        "replication and the access point",
        async () => {
          const world = await direct(target);
          const done = world.buckets.find((bucket) => bucket.name === "src")?.replication.COMPLETED === 2 && world.mraps[0]?.status === "READY";
          return done ? world : undefined;
        },
        10_000,
      );
      expect(fromMemory.buckets.find((bucket) => bucket.name === "dst")).toMatchObject({ objects: 2, replication: { REPLICA: 2 } });
      expect(fromMemory.mraps).toEqual([{ name: "both", status: "READY", regions: [{ region: "eu-west-1", bucket: "src" }, { region: "us-west-2", bucket: "dst" }] }]);
      expect(await throughApi(target, fromMemory.at)).toEqual(fromMemory);
    }));

  it("readWorld reads an in-process sandbox from memory, where no cap applies", () =>
    withTarget(60_000, async (target) => {
      await buildWorld(target);
      const world = await readWorld(target, { maxHeads: 0, takenNames: ["taken"] });
      expect({ ...(await direct(target)), at: world.at }).toEqual(world);
      expect(world.buckets.find((bucket) => bucket.name === "src")?.replication).toEqual({ PENDING: 2 });
    }));

  it("a target reaching a sandbox over HTTP has no world of its own to read", async () => {
    const sandbox = await startSandbox();
    const target = sandboxTarget({ source: { kind: "external", endpoint: sandbox.endpoint } });
    try {
      expect(await target.world?.()).toBeUndefined();
    } finally {
      await target.close();
      await sandbox.close();
    }
  });

  describe("the learner's sandbox", () => {
    useStateDir();
    const learnerTarget = () => sandboxTarget({ source: { kind: "learner", endpoint: "http://127.0.0.1:4567", onNotice: () => undefined } });

    it("is read from memory by the process that serves it, and through the API by another that uses it", async () => {
      const serving = learnerTarget();
      const using = learnerTarget();
      try {
        await buildWorld(serving);
        // The learner's sandbox replicates after 1-3 s: compare once that settled, not while it may change between the reads.
        const fromMemory = await until("replication in the learner's sandbox", async () => {
          const world = await direct(serving);
          return world.buckets.find((bucket) => bucket.name === "src")?.replication.COMPLETED === 2 ? world : undefined;
        });
        expect(fromMemory.buckets.map((bucket) => bucket.name)).toEqual(["dst", "plain", "src", "taken"]);
        // The second target finds the sandbox already served (as `s3-tutor world` in another terminal would).
        expect(await using.world?.()).toBeUndefined();
        const world = await readWorld(using, { takenNames: ["taken"] });
        expect({ ...world, at: fromMemory.at }).toEqual(fromMemory);
      } finally {
        await using.close();
        await serving.close();
      }
    });
  });
});
