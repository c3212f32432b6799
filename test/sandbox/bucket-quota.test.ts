import { CreateBucketCommand, ListBucketsCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { failureOf, useSandbox } from "../helpers/sandbox";

// s3-facts.md §2: the default quota is 10,000 general purpose buckets per account.
const { clients } = useSandbox();

describe("the bucket quota", () => {
  it("an account can create 10,000 buckets; the next one is TooManyBuckets", { timeout: 120_000 }, async () => {
    const s3 = clients().s3({ accessKeyId: "121212121212" });
    const names = Array.from({ length: 10_000 }, (_, i) => `quota-${String(i).padStart(5, "0")}`);
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(names.slice(i, i + 50).map((Bucket) => s3.send(new CreateBucketCommand({ Bucket }))));
    }
    const error = await failureOf(s3.send(new CreateBucketCommand({ Bucket: "quota-one-too-many" })));
    expect(error.name).toBe("TooManyBuckets");
    expect(error.message).toBe("You have attempted to create more buckets than allowed");

    const listed = await s3.send(new ListBucketsCommand({}));
    expect(listed.Buckets).toHaveLength(10_000);
    // Another account is not affected by this one's quota.
    const other = await clients().s3({ accessKeyId: "131313131313" }).send(new CreateBucketCommand({ Bucket: "quota-other-account" }));
    expect(other.$metadata.httpStatusCode).toBe(200);
  });
});
