import {
  CreateBucketCommand,
  GetBucketLocationCommand,
  HeadBucketCommand,
  ListBucketsCommand,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { errorCode, rawRequest } from "../helpers/raw";
import { ACCOUNT_A, ACCOUNT_B, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// s3-facts.md §3: every row of the CreateBucket namespace and region matrix.
const { clients, sandbox } = useSandbox();
const s3 = (region: string, accessKeyId = ACCOUNT_A) => clients().s3({ region, accessKeyId });

const create = (region: string, bucket: string, constraint?: string, accessKeyId = ACCOUNT_A) =>
  s3(region, accessKeyId).send(
    new CreateBucketCommand({
      Bucket: bucket,
      ...(constraint ? { CreateBucketConfiguration: { LocationConstraint: constraint as never } } : {}),
    }),
  );

describe("CreateBucket: the region and namespace matrix", () => {
  it("us-east-1 without a configuration creates the bucket in us-east-1", async () => {
    const bucket = uniqueBucket();
    const created = await create("us-east-1", bucket);
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.Location).toBe(`/${bucket}`);
    const head = await s3("us-east-1").send(new HeadBucketCommand({ Bucket: bucket }));
    expect(head.BucketRegion).toBe("us-east-1");
    const location = await s3("us-east-1").send(new GetBucketLocationCommand({ Bucket: bucket }));
    expect(location.LocationConstraint ?? "").toBe("");
  });

  it("us-east-1 with LocationConstraint=us-east-1 is InvalidLocationConstraint", async () => {
    const error = await failureOf(create("us-east-1", uniqueBucket(), "us-east-1"));
    expect(error.name).toBe("InvalidLocationConstraint");
    expect(error.message).toBe("The specified location-constraint is not valid");
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  // The JavaScript SDK fills in LocationConstraint from the client's region, so this row is
  // sent by hand, as the AWS CLI or boto3 would send it.
  it("another region without a LocationConstraint is IllegalLocationConstraintException", async () => {
    const response = await rawRequest(sandbox().endpoint, { method: "PUT", path: `/${uniqueBucket()}`, region: "eu-west-2" });
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe("IllegalLocationConstraintException");
    expect(response.body).toContain(
      "<Message>The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.</Message>",
    );
  });

  it("a LocationConstraint that differs from the request's region is IllegalLocationConstraintException", async () => {
    const error = await failureOf(create("eu-west-2", uniqueBucket(), "ap-south-1"));
    expect(error.name).toBe("IllegalLocationConstraintException");
    expect(error.message).toBe(
      "The ap-south-1 location constraint is incompatible for the region specific endpoint this request was sent to.",
    );
  });

  it("EU in eu-west-1 creates an eu-west-1 bucket whose location reads EU", async () => {
    const bucket = uniqueBucket();
    await create("eu-west-1", bucket, "EU");
    const location = await s3("eu-west-1").send(new GetBucketLocationCommand({ Bucket: bucket }));
    expect(location.LocationConstraint).toBe("EU");
    const head = await s3("eu-west-1").send(new HeadBucketCommand({ Bucket: bucket }));
    expect(head.BucketRegion).toBe("eu-west-1");
  });

  it("a name another account owns is BucketAlreadyExists, in any region", async () => {
    const bucket = uniqueBucket();
    await create("eu-west-1", bucket, "eu-west-1", ACCOUNT_A);
    for (const region of ["us-east-1", "eu-west-1", "ap-northeast-1"]) {
      const error = await failureOf(create(region, bucket, region === "us-east-1" ? undefined : region, ACCOUNT_B));
      expect(error.name).toBe("BucketAlreadyExists");
      expect(error.message).toBe(
        "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
      );
      expect(error.$metadata?.httpStatusCode).toBe(409);
    }
  });

  it("a name you own, outside us-east-1, is BucketAlreadyOwnedByYou", async () => {
    const bucket = uniqueBucket();
    await create("eu-central-1", bucket, "eu-central-1");
    const error = await failureOf(create("eu-central-1", bucket, "eu-central-1"));
    expect(error.name).toBe("BucketAlreadyOwnedByYou");
    expect(error.message).toBe("Your previous request to create the named bucket succeeded and you already own it.");
    expect(error.$metadata?.httpStatusCode).toBe(409);
  });

  it("re-creating your own us-east-1 bucket in us-east-1 answers 200 (legacy behaviour)", async () => {
    const bucket = uniqueBucket();
    await create("us-east-1", bucket);
    const again = await create("us-east-1", bucket);
    expect(again.$metadata.httpStatusCode).toBe(200);
    const listed = await s3("us-east-1").send(new ListBucketsCommand({ Prefix: bucket }));
    expect(listed.Buckets?.map((b) => b.Name)).toEqual([bucket]);
  });

  it("re-creating your own us-east-1 bucket with tags is BucketAlreadyOwnedByYou", async () => {
    const bucket = uniqueBucket();
    await create("us-east-1", bucket);
    const error = await failureOf(
      s3("us-east-1").send(
        new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { Tags: [{ Key: "team", Value: "a" }] } }),
      ),
    );
    expect(error.name).toBe("BucketAlreadyOwnedByYou");
  });

  it("from us-east-1, a name you own in another region is BucketAlreadyOwnedByYou", async () => {
    const bucket = uniqueBucket();
    await create("sa-east-1", bucket, "sa-east-1");
    const error = await failureOf(create("us-east-1", bucket));
    expect(error.name).toBe("BucketAlreadyOwnedByYou");
    expect(error.$metadata?.httpStatusCode).toBe(409);
  });

  it("from region R, a name you own in us-east-1 is BucketAlreadyOwnedByYou", async () => {
    const bucket = uniqueBucket();
    await create("us-east-1", bucket);
    const error = await failureOf(create("ap-southeast-2", bucket, "ap-southeast-2"));
    expect(error.name).toBe("BucketAlreadyOwnedByYou");
  });

  it("the region check comes first: a mismatched constraint on a name you own is the 400", async () => {
    const bucket = uniqueBucket();
    await create("us-east-1", bucket);
    const error = await failureOf(create("ap-southeast-2", bucket, "eu-west-1"));
    expect(error.name).toBe("IllegalLocationConstraintException");
  });

  it("a LocationConstraint that names no region is InvalidLocationConstraint", async () => {
    const error = await failureOf(create("eu-west-1", uniqueBucket(), "mars-north-1"));
    expect(error.name).toBe("InvalidLocationConstraint");
  });
});
