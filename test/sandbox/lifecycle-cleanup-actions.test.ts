import { CreateBucketCommand, GetBucketLifecycleConfigurationCommand, PutBucketLifecycleConfigurationCommand, type LifecycleRule } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// The two clean-up actions of "What S3 really costs": what S3 accepts and refuses for them.
const { clients } = useSandbox();
const s3 = () => clients().s3();

const newBucket = async (): Promise<string> => {
  const bucket = uniqueBucket("cleanup");
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
};
const put = async (Rules: LifecycleRule[]) => {
  const bucket = await newBucket();
  await s3().send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules } }));
  return (await s3().send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))).Rules;
};
const refusal = async (Rules: LifecycleRule[]) => failureOf(put(Rules));
const abort = (changes: Partial<LifecycleRule>): LifecycleRule => ({ ID: "mpu", Status: "Enabled", Filter: {}, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, ...changes });
const noncurrent = (changes: Partial<LifecycleRule>): LifecycleRule => ({ ID: "old", Status: "Enabled", Filter: { Prefix: "docs/" }, NoncurrentVersionExpiration: { NoncurrentDays: 30 }, ...changes });

describe("AbortIncompleteMultipartUpload", () => {
  it("is stored for the whole bucket or a prefix, and beside other actions", async () => {
    expect(await put([abort({})])).toEqual([{ ID: "mpu", Status: "Enabled", Filter: {}, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }]);
    const [withMarkers] = (await put([abort({ Filter: { Prefix: "uploads/" }, Expiration: { ExpiredObjectDeleteMarker: true } })])) ?? [];
    expect(withMarkers).toMatchObject({ Filter: { Prefix: "uploads/" }, Expiration: { ExpiredObjectDeleteMarker: true }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } });
  });

  it("cannot be narrowed by a tag, alone or under And: an upload has no tags yet", async () => {
    for (const Filter of [{ Tag: { Key: "temp", Value: "true" } }, { And: { Prefix: "uploads/", Tags: [{ Key: "temp", Value: "true" }] } }]) {
      const error = await refusal([abort({ Filter })]);
      expect(error.name).toBe("InvalidRequest");
      expect(error.message).toBe("AbortIncompleteMultipartUpload cannot be specified with Tags.");
    }
  });

  it("cannot be narrowed by object size", async () => {
    const error = await refusal([abort({ Filter: { ObjectSizeGreaterThan: 1024 } })]);
    expect(error.name).toBe("InvalidRequest");
    expect(error.message).toBe("AbortIncompleteMultipartUpload cannot be specified with Object Size.");
  });

  it("takes at least one day", async () => {
    const error = await refusal([abort({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 0 } })]);
    expect(error.name).toBe("InvalidArgument");
    expect(error.message).toBe("'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer");
  });
});

describe("NoncurrentVersionExpiration", () => {
  it("is stored with or without NewerNoncurrentVersions", async () => {
    expect((await put([noncurrent({})]))?.[0]).toMatchObject({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } });
    expect((await put([noncurrent({ NoncurrentVersionExpiration: { NoncurrentDays: 30, NewerNoncurrentVersions: 2 } })]))?.[0]).toMatchObject({
      NoncurrentVersionExpiration: { NoncurrentDays: 30, NewerNoncurrentVersions: 2 },
    });
  });

  it("takes at least one day, and a positive number of versions to keep", async () => {
    const days = await refusal([noncurrent({ NoncurrentVersionExpiration: { NoncurrentDays: 0 } })]);
    expect(days.name).toBe("InvalidArgument");
    expect(days.message).toBe("'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
    const kept = await refusal([noncurrent({ NoncurrentVersionExpiration: { NoncurrentDays: 30, NewerNoncurrentVersions: 0 } })]);
    expect(kept.name).toBe("InvalidArgument");
  });

  it("keeps NewerNoncurrentVersions to Lifecycle V2 (a Filter, not a rule-level Prefix)", async () => {
    const error = await refusal([{ ID: "old", Status: "Enabled", Prefix: "docs/", NoncurrentVersionExpiration: { NoncurrentDays: 30, NewerNoncurrentVersions: 2 } }]);
    expect(error.name).toBe("InvalidRequest");
    expect(error.message).toBe("NewerNoncurrentVersions element can only be used in Lifecycle V2.");
  });
});
