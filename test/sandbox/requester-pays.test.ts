import {
  CreateBucketCommand,
  GetBucketRequestPaymentCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutBucketRequestPaymentCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_A, ACCOUNT_B, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// Requester Pays: another account must accept the charge (x-amz-request-payer), the owner need not.
const { clients } = useSandbox();
const REGION = "eu-west-3";
const owner = () => clients().s3({ accessKeyId: ACCOUNT_A, region: REGION });
const requester = () => clients().s3({ accessKeyId: ACCOUNT_B, region: REGION });
const dataset = uniqueBucket("dataset");

beforeAll(async () => {
  await owner().send(new CreateBucketCommand({ Bucket: dataset, CreateBucketConfiguration: { LocationConstraint: REGION } }));
  await owner().send(new PutObjectCommand({ Bucket: dataset, Key: "data/sample.csv", Body: "id,value\n1,42\n" }));
  // The other account may read: what Requester Pays adds is who pays, not who may.
  await owner().send(
    new PutBucketPolicyCommand({
      Bucket: dataset,
      Policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { AWS: ACCOUNT_B }, Action: "s3:GetObject", Resource: `arn:aws:s3:::${dataset}/*` },
          { Effect: "Allow", Principal: { AWS: ACCOUNT_B }, Action: "s3:ListBucket", Resource: `arn:aws:s3:::${dataset}` },
        ],
      }),
    }),
  );
});

describe("Requester Pays", () => {
  it("a bucket starts with the owner paying, and PutBucketRequestPayment switches it", async () => {
    const fresh = uniqueBucket("payer");
    await owner().send(new CreateBucketCommand({ Bucket: fresh, CreateBucketConfiguration: { LocationConstraint: REGION } }));
    expect((await owner().send(new GetBucketRequestPaymentCommand({ Bucket: fresh }))).Payer).toBe("BucketOwner");
    await owner().send(new PutBucketRequestPaymentCommand({ Bucket: fresh, RequestPaymentConfiguration: { Payer: "Requester" } }));
    expect((await owner().send(new GetBucketRequestPaymentCommand({ Bucket: fresh }))).Payer).toBe("Requester");
    await owner().send(new PutBucketRequestPaymentCommand({ Bucket: fresh, RequestPaymentConfiguration: { Payer: "BucketOwner" } }));
    expect((await owner().send(new GetBucketRequestPaymentCommand({ Bucket: fresh }))).Payer).toBe("BucketOwner");
  });

  it("another account's reads are refused without x-amz-request-payer, and charged to it with the header", async () => {
    // Before: the owner pays, the other account reads with nothing to acknowledge.
    const before = await requester().send(new GetObjectCommand({ Bucket: dataset, Key: "data/sample.csv" }));
    expect(before.RequestCharged).toBeUndefined();
    await owner().send(new PutBucketRequestPaymentCommand({ Bucket: dataset, RequestPaymentConfiguration: { Payer: "Requester" } }));

    const refused = await failureOf(requester().send(new GetObjectCommand({ Bucket: dataset, Key: "data/sample.csv" })));
    expect(refused.name).toBe("AccessDenied");
    expect(refused.$metadata?.httpStatusCode).toBe(403);
    expect((await failureOf(requester().send(new ListObjectsV2Command({ Bucket: dataset })))).name).toBe("AccessDenied");
    expect((await failureOf(requester().send(new HeadObjectCommand({ Bucket: dataset, Key: "data/sample.csv" })))).$metadata?.httpStatusCode).toBe(403);

    const paid = await requester().send(new GetObjectCommand({ Bucket: dataset, Key: "data/sample.csv", RequestPayer: "requester" }));
    expect(await paid.Body?.transformToString()).toBe("id,value\n1,42\n");
    expect(paid.RequestCharged).toBe("requester");
    const listed = await requester().send(new ListObjectsV2Command({ Bucket: dataset, RequestPayer: "requester" }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual(["data/sample.csv"]);
  });

  it("a presigned URL of the other account's carries the acceptance in its query, or is refused", async () => {
    await owner().send(new PutBucketRequestPaymentCommand({ Bucket: dataset, RequestPaymentConfiguration: { Payer: "Requester" } }));
    const paying = await getSignedUrl(requester(), new GetObjectCommand({ Bucket: dataset, Key: "data/sample.csv", RequestPayer: "requester" }), { expiresIn: 60 });
    expect(new URL(paying).searchParams.get("x-amz-request-payer")).toBe("requester");
    const paid = await fetch(paying);
    expect(paid.status).toBe(200);
    expect(paid.headers.get("x-amz-request-charged")).toBe("requester");
    const plain = await getSignedUrl(requester(), new GetObjectCommand({ Bucket: dataset, Key: "data/sample.csv" }), { expiresIn: 60 });
    const refused = await fetch(plain);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("<Code>AccessDenied</Code>");
  });

  it("the owner reads without the header and is not told of a charge", async () => {
    await owner().send(new PutBucketRequestPaymentCommand({ Bucket: dataset, RequestPaymentConfiguration: { Payer: "Requester" } }));
    const own = await owner().send(new GetObjectCommand({ Bucket: dataset, Key: "data/sample.csv" }));
    expect(await own.Body?.transformToString()).toBe("id,value\n1,42\n");
    expect(own.RequestCharged).toBeUndefined();
  });

  it("accepting the charge grants nothing the bucket policy does not", async () => {
    await owner().send(new PutBucketRequestPaymentCommand({ Bucket: dataset, RequestPaymentConfiguration: { Payer: "Requester" } }));
    const write = await failureOf(requester().send(new PutObjectCommand({ Bucket: dataset, Key: "data/mine.csv", Body: "x", RequestPayer: "requester" })));
    expect(write.name).toBe("AccessDenied");
  });

  it("a payer other than BucketOwner or Requester is MalformedXML", async () => {
    const wrong = await failureOf(
      owner().send(new PutBucketRequestPaymentCommand({ Bucket: dataset, RequestPaymentConfiguration: { Payer: "Nobody" as "Requester" } })),
    );
    expect(wrong.name).toBe("MalformedXML");
  });
});
