import { afterEach, describe, expect, it } from "vitest";
import { removeBucket } from "../../src/targets/bucket-removal";
import { localstackTarget } from "../../src/targets/localstack-target";
import { DEFAULT_IDENTITY, OTHER_IDENTITY, type Target } from "../../src/targets/target";
import { readWorld } from "../../src/targets/world/read-world";
import { peerEndpoint } from "../differential/peer-endpoints";
import { useStateDir } from "./helpers/aws-on-sandbox";
import { createBucket, putObjects, replicate } from "./helpers/world-building";

const localstack = peerEndpoint("localstack");
// Names no earlier run left behind: a LocalStack may be shared and long-lived.
const stem = `w${Date.now().toString(36)}`;
const made: { name: string; region: string; identity: string }[] = [];

describe.skipIf(!localstack.endpoint)(`reading the world on LocalStack${localstack.reason ? ` (skipped: ${localstack.reason})` : ""}`, () => {
  useStateDir();
  let target: Target | undefined;
  afterEach(async () => {
    if (!target) return;
    for (const bucket of made.splice(0)) {
      await removeBucket(await target.client("s3", bucket.identity, bucket.region), bucket.name, await target.account(bucket.identity));
    }
    await target.close();
  });

  it("draws both accounts' buckets in two Regions with versioning, objects and the replication rule; MRAPs unseen", async () => {
    target = await localstackTarget({ target: "localstack", endpoint: localstack.endpoint, prefix: stem });
    const [source, destination, theirs] = [`${stem}-src`, `${stem}-dst`, `${stem}-theirs`];
    const create = async (name: string, region: string, options: { identity?: string; versioned?: boolean } = {}) => {
      await createBucket(target!, name, region, options);
      made.push({ name, region, identity: options.identity ?? DEFAULT_IDENTITY });
    };
    await create(source, "eu-west-1", { versioned: true });
    await create(destination, "us-west-2", { versioned: true });
    await create(theirs, "eu-west-1", { identity: OTHER_IDENTITY });
    await replicate(target, { name: source, region: "eu-west-1" }, destination, "to-dst");
    await putObjects(target, source, "eu-west-1", ["a.txt", "b.txt"]);

    // A shared LocalStack may hold many buckets: read them all, look at this test's.
    const world = await readWorld(target, { maxBuckets: 100_000 });
    const ours = world.buckets.filter((bucket) => bucket.name.startsWith(stem));
    expect(world.regions.slice(0, 2)).toEqual(["eu-west-1", "us-west-2"]);
    expect(ours.map(({ name, region, owner, versioning, objects }) => ({ name, region, owner, versioning, objects }))).toEqual([
      { name: destination, region: "us-west-2", owner: "you", versioning: "Enabled", objects: 0 },
      { name: source, region: "eu-west-1", owner: "you", versioning: "Enabled", objects: 2 },
      { name: theirs, region: "eu-west-1", owner: "other", versioning: "Unversioned", objects: 0 },
    ]);
    expect(ours.find((bucket) => bucket.name === theirs)?.account).toBe("444455556666");
    expect(world.replication.filter((arrow) => arrow.from === source)).toEqual([
      { from: source, to: destination, toRegion: "us-west-2", rule: "to-dst", enabled: true },
    ]);
    // What LocalStack cannot show: it keeps the rule but replicates nothing (no PENDING on the source, no copies), and has no MRAPs.
    expect(ours.find((bucket) => bucket.name === source)?.replication).toEqual({});
    expect(world.unseen).toContain("Multi-Region Access Points: not read on the localstack target (s3-tutor does not use them there).");
  });
});
