import { CreateBucketCommand, DeleteBucketCommand, HeadBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { removeBucket } from "../../src/targets/bucket-removal";
import type { AwsClient } from "../../src/targets/target";
import { ACCOUNT_A, uniqueBucket, useSandbox } from "../helpers/sandbox";

const { clients } = useSandbox();

/**
 * A real client whose first DeleteBucket finds a copy that arrived after the bucket was emptied, as
 * a replica from the other side of a two-way replication does when it lands late.
 */
const withLateReplica = (bucket: string, copies: number): AwsClient => {
  const s3 = clients().s3({ region: "us-east-1" });
  let landed = 0;
  return {
    send: async (command: unknown) => {
      if (command instanceof DeleteBucketCommand && landed < copies) {
        landed++;
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `replica-${landed}`, Body: "late" }));
      }
      return s3.send(command as PutObjectCommand);
    },
    destroy: () => s3.destroy(),
  };
};

describe("removing a bucket", () => {
  it("empties it again when a replica lands after it was emptied, and removes it", async () => {
    const bucket = uniqueBucket("late-replica");
    const s3 = clients().s3({ region: "us-east-1" });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "made-by-the-lesson", Body: "x" }));

    const removal = await removeBucket(withLateReplica(bucket, 2), bucket, ACCOUNT_A);

    expect(removal).toEqual({ removed: true, versions: 3 });
    await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toMatchObject({ name: "NotFound" });
  });

  it("gives up with BucketNotEmpty when copies keep landing", { timeout: 30_000 }, async () => {
    const bucket = uniqueBucket("endless-replicas");
    const s3 = clients().s3({ region: "us-east-1" });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));

    await expect(removeBucket(withLateReplica(bucket, 100), bucket, ACCOUNT_A)).rejects.toMatchObject({ name: "BucketNotEmpty" });
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  });
});
