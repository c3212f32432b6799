import { DeleteBucketCommand, DeleteObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import type { ReplicationEvent } from "../../src/sandbox/index";
import { createRole, createVersionedBucket, putReplication, replicationPolicy, ruleTo, trustS3 } from "../helpers/replication";
import { ACCOUNT_A, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// A copy still waiting when its source version (or the whole source bucket) is deleted is never
// made: there is nothing left to copy. Before, it was made a moment later into whatever bucket
// then had the destination's name, such as the next learner's (or test's) fresh one.
const DELAY = 300;
const events: ReplicationEvent[] = [];
const { clients } = useSandbox({ replicationDelay: DELAY, onReplication: (event) => events.push(event) });
const east = () => clients().s3({ accessKeyId: ACCOUNT_A, region: "us-east-1" });
const west = () => clients().s3({ accessKeyId: ACCOUNT_A, region: "eu-west-1" });

describe("a pending copy whose source is gone", () => {
  it("is not made into a destination bucket created again under the same name", async () => {
    const source = uniqueBucket("src");
    const destination = uniqueBucket("dst");
    await createVersionedBucket(east(), source, "us-east-1");
    await createVersionedBucket(west(), destination, "eu-west-1");
    const role = await createRole(clients(), ACCOUNT_A, `gone-${source}`.slice(0, 64), trustS3, replicationPolicy(source, [destination]));
    await putReplication(east(), source, role, [ruleTo(destination)]);

    const put = await east().send(new PutObjectCommand({ Bucket: source, Key: "before.txt", Body: "old" }));
    // Within the delay: the source's version and both buckets go, and the destination comes back empty.
    await east().send(new DeleteObjectCommand({ Bucket: source, Key: "before.txt", VersionId: put.VersionId }));
    await east().send(new DeleteBucketCommand({ Bucket: source }));
    await west().send(new DeleteBucketCommand({ Bucket: destination }));
    await createVersionedBucket(west(), destination, "eu-west-1");

    await new Promise((resolve) => setTimeout(resolve, DELAY * 3));
    const head = await failureOf(west().send(new HeadObjectCommand({ Bucket: destination, Key: "before.txt" })));
    expect(head.$metadata?.httpStatusCode).toBe(404);
    expect(events.filter((event) => event.sourceBucket === source)).toEqual([]);
  });

  it("is not made when only the version was deleted, and the bucket lives on", async () => {
    const source = uniqueBucket("src");
    const destination = uniqueBucket("dst");
    await createVersionedBucket(east(), source, "us-east-1");
    await createVersionedBucket(west(), destination, "eu-west-1");
    const role = await createRole(clients(), ACCOUNT_A, `gonev-${source}`.slice(0, 64), trustS3, replicationPolicy(source, [destination]));
    await putReplication(east(), source, role, [ruleTo(destination)]);

    const put = await east().send(new PutObjectCommand({ Bucket: source, Key: "draft.txt", Body: "draft" }));
    await east().send(new DeleteObjectCommand({ Bucket: source, Key: "draft.txt", VersionId: put.VersionId }));

    await new Promise((resolve) => setTimeout(resolve, DELAY * 3));
    const head = await failureOf(west().send(new HeadObjectCommand({ Bucket: destination, Key: "draft.txt" })));
    expect(head.$metadata?.httpStatusCode).toBe(404);
  });
});
