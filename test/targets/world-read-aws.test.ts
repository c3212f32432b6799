import { describe, expect, it } from "vitest";
import { DEFAULT_IDENTITY } from "../../src/targets/target";
import { readWorld } from "../../src/targets/world/read-world";
import { LEARNER_ACCOUNT, REGION, useAwsOnSandbox } from "./helpers/aws-on-sandbox";
import { createBucket, putObjects } from "./helpers/world-building";

const { awsTarget } = useAwsOnSandbox();

describe("reading the world on the aws target (pointed at the sandbox)", () => {
  it("reads only the buckets under the session prefix, and says so", async () => {
    const target = await awsTarget();
    await target.preflight();
    // Made by hand, as the learner might in their own shell: the reader only reads, so the guard is not involved.
    await createBucket(target, `${target.prefix}-mine`, REGION);
    await putObjects(target, `${target.prefix}-mine`, REGION, ["a.txt"]);
    await createBucket(target, "company-data", REGION);

    const world = await readWorld(target);
    expect(target.world).toBeUndefined();
    expect(world.buckets).toEqual([
      { name: `${target.prefix}-mine`, region: REGION, owner: "you", account: LEARNER_ACCOUNT, versioning: "Unversioned", objects: 1, replication: {} },
    ]);
    expect(world.unseen).toEqual([
      "Multi-Region Access Points: not read on the aws target (s3-tutor does not use them there).",
      `Only buckets whose names start with "${target.prefix}" (this session's prefix) are read on a real account.`,
    ]);
    expect(target.identities).toEqual([DEFAULT_IDENTITY]);
  });
});
