import { CreateBucketCommand, ListBucketsCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { failureOf, useSandbox } from "../helpers/sandbox";

const { clients } = useSandbox();

describe("ListBuckets", () => {
  it("lists only the caller's buckets, sorted, with Prefix, MaxBuckets and ContinuationToken", async () => {
    const mine = clients().s3({ accessKeyId: "333333333333" });
    const theirs = clients().s3({ accessKeyId: "444444444444" });
    for (const name of ["lb-charlie", "lb-alpha", "lb-bravo", "other-x"]) {
      await mine.send(new CreateBucketCommand({ Bucket: `${name}-${process.pid}` }));
    }
    await theirs.send(new CreateBucketCommand({ Bucket: `lb-theirs-${process.pid}` }));

    const all = await mine.send(new ListBucketsCommand({}));
    expect(all.Buckets?.map((b) => b.Name)).toEqual(
      ["lb-alpha", "lb-bravo", "lb-charlie", "other-x"].map((n) => `${n}-${process.pid}`),
    );
    expect(all.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    expect(all.Buckets?.[0]?.BucketArn).toBe(`arn:aws:s3:::lb-alpha-${process.pid}`);

    const first = await mine.send(new ListBucketsCommand({ Prefix: "lb-", MaxBuckets: 2 }));
    expect(first.Buckets?.map((b) => b.Name)).toEqual([`lb-alpha-${process.pid}`, `lb-bravo-${process.pid}`]);
    expect(first.Prefix).toBe("lb-");
    expect(first.ContinuationToken).toBeDefined();
    const second = await mine.send(new ListBucketsCommand({ Prefix: "lb-", MaxBuckets: 2, ContinuationToken: first.ContinuationToken }));
    expect(second.Buckets?.map((b) => b.Name)).toEqual([`lb-charlie-${process.pid}`]);
    expect(second.ContinuationToken).toBeUndefined();
  });

  it("MaxBuckets outside 1..10000 is InvalidArgument", async () => {
    const error = await failureOf(clients().s3().send(new ListBucketsCommand({ MaxBuckets: 10001 })));
    expect(error.name).toBe("InvalidArgument");
  });
});
