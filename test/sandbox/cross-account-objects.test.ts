import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_A, ACCOUNT_B, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// Another account's bucket is AccessDenied unless the bucket policy grants the caller.
const { clients } = useSandbox();
const owner = () => clients().s3({ accessKeyId: ACCOUNT_A, region: "eu-west-3" });
const stranger = () => clients().s3({ accessKeyId: ACCOUNT_B, region: "eu-west-3" });
const shared = uniqueBucket("shared");
const closed = uniqueBucket("closed");

beforeAll(async () => {
  for (const bucket of [shared, closed]) {
    await owner().send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: "eu-west-3" } }));
    await owner().send(new PutObjectCommand({ Bucket: bucket, Key: "reports/q1.csv", Body: "a,b\n1,2\n" }));
  }
  await owner().send(
    new PutBucketPolicyCommand({
      Bucket: shared,
      Policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT_B}:root` }, Action: "s3:GetObject", Resource: `arn:aws:s3:::${shared}/reports/*` },
          { Effect: "Allow", Principal: { AWS: ACCOUNT_B }, Action: "s3:ListBucket", Resource: `arn:aws:s3:::${shared}` },
        ],
      }),
    }),
  );
});

describe("objects across accounts", () => {
  it("without a policy, another account can neither read, list nor write", async () => {
    for (const attempt of [
      () => stranger().send(new GetObjectCommand({ Bucket: closed, Key: "reports/q1.csv" })),
      () => stranger().send(new ListObjectsV2Command({ Bucket: closed })),
      () => stranger().send(new PutObjectCommand({ Bucket: closed, Key: "intruder.txt", Body: "x" })),
    ]) {
      const error = await failureOf(attempt());
      expect(error.name).toBe("AccessDenied");
      expect(error.message).toBe("Access Denied");
      expect(error.$metadata?.httpStatusCode).toBe(403);
    }
  });

  it("the policy's grants work: GetObject under reports/ and ListBucket", async () => {
    const got = await stranger().send(new GetObjectCommand({ Bucket: shared, Key: "reports/q1.csv" }));
    expect(await got.Body?.transformToString()).toBe("a,b\n1,2\n");
    const listed = await stranger().send(new ListObjectsV2Command({ Bucket: shared }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(["reports/q1.csv"]);
  });

  it("what the policy does not grant stays denied: writes, and reads outside reports/", async () => {
    await owner().send(new PutObjectCommand({ Bucket: shared, Key: "private/salaries.csv", Body: "secret" }));
    const read = await failureOf(stranger().send(new GetObjectCommand({ Bucket: shared, Key: "private/salaries.csv" })));
    expect(read.name).toBe("AccessDenied");
    const write = await failureOf(stranger().send(new PutObjectCommand({ Bucket: shared, Key: "reports/q2.csv", Body: "x" })));
    expect(write.name).toBe("AccessDenied");
  });

  it("DeleteObjects reports AccessDenied per key for a caller without the right", async () => {
    const result = await stranger().send(new DeleteObjectsCommand({ Bucket: shared, Delete: { Objects: [{ Key: "reports/q1.csv" }] } }));
    expect(result.Errors?.map((e) => [e.Key, e.Code])).toEqual([["reports/q1.csv", "AccessDenied"]]);
    const stillThere = await owner().send(new GetObjectCommand({ Bucket: shared, Key: "reports/q1.csv" }));
    expect(stillThere.$metadata.httpStatusCode).toBe(200);
  });

  it("copying out of another account's bucket needs read rights on the source", async () => {
    const mine = uniqueBucket("mine");
    await stranger().send(new CreateBucketCommand({ Bucket: mine, CreateBucketConfiguration: { LocationConstraint: "eu-west-3" } }));
    await stranger().send(new CopyObjectCommand({ Bucket: mine, Key: "copy.csv", CopySource: `${shared}/reports/q1.csv` }));
    const denied = await failureOf(
      stranger().send(new CopyObjectCommand({ Bucket: mine, Key: "nope.csv", CopySource: `${closed}/reports/q1.csv` })),
    );
    expect(denied.name).toBe("AccessDenied");
  });

  it("ExpectedBucketOwner refuses a bucket of another account than the one named, whatever its policy grants", async () => {
    const wrongOwner = await failureOf(
      stranger().send(new GetObjectCommand({ Bucket: shared, Key: "reports/q1.csv", ExpectedBucketOwner: ACCOUNT_B })),
    );
    expect([wrongOwner.name, wrongOwner.$metadata?.httpStatusCode]).toEqual(["AccessDenied", 403]);
    const rightOwner = await stranger().send(new GetObjectCommand({ Bucket: shared, Key: "reports/q1.csv", ExpectedBucketOwner: ACCOUNT_A }));
    expect(rightOwner.$metadata.httpStatusCode).toBe(200);
    const ownBucket = await failureOf(owner().send(new ListObjectsV2Command({ Bucket: closed, ExpectedBucketOwner: ACCOUNT_B })));
    expect(ownBucket.name).toBe("AccessDenied");
  });

  it("a copy's source is checked against ExpectedSourceBucketOwner, the destination against ExpectedBucketOwner", async () => {
    const mine = uniqueBucket("mine");
    await stranger().send(new CreateBucketCommand({ Bucket: mine, CreateBucketConfiguration: { LocationConstraint: "eu-west-3" } }));
    const copy = (Key: string, owners: { ExpectedBucketOwner?: string; ExpectedSourceBucketOwner?: string }) =>
      stranger().send(new CopyObjectCommand({ Bucket: mine, Key, CopySource: `${shared}/reports/q1.csv`, ...owners }));
    expect((await failureOf(copy("a.csv", { ExpectedSourceBucketOwner: ACCOUNT_B }))).name).toBe("AccessDenied");
    expect((await failureOf(copy("b.csv", { ExpectedBucketOwner: ACCOUNT_A }))).name).toBe("AccessDenied");
    const copied = await copy("c.csv", { ExpectedSourceBucketOwner: ACCOUNT_A, ExpectedBucketOwner: ACCOUNT_B });
    expect(copied.$metadata.httpStatusCode).toBe(200);
  });
});
