import {
  CreateBucketCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, rawRequest } from "../helpers/raw";
import { failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// s3-facts.md §1: a request sent to the wrong region is redirected with 301 and the bucket's region.
const { clients, sandbox } = useSandbox();
const bucket = uniqueBucket("tokyo");

beforeAll(async () => {
  const home = clients().s3({ region: "ap-northeast-1" });
  await home.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: "ap-northeast-1" } }));
  await home.send(new PutObjectCommand({ Bucket: bucket, Key: "greeting.txt", Body: "konnichiwa" }));
});

describe("wrong-region requests", () => {
  it("GetObject sent to another region is 301 PermanentRedirect naming the bucket's region", async () => {
    const error = await failureOf(clients().s3({ region: "eu-west-1" }).send(new GetObjectCommand({ Bucket: bucket, Key: "greeting.txt" })));
    expect(error.name).toBe("PermanentRedirect");
    expect(error.$metadata?.httpStatusCode).toBe(301);
    expect(error.$response?.headers["x-amz-bucket-region"]).toBe("ap-northeast-1");
  });

  it("the redirect body carries Endpoint and Bucket as S3 sends them", async () => {
    const response = await rawRequest(sandbox().endpoint, { method: "GET", path: `/${bucket}/greeting.txt`, region: "us-east-1" });
    expect(response.status).toBe(301);
    expect(errorCode(response.body)).toBe("PermanentRedirect");
    expect(response.body).toContain("<Endpoint>s3.ap-northeast-1.amazonaws.com</Endpoint>");
    expect(response.body).toContain(`<Bucket>${bucket}</Bucket>`);
    expect(response.headers.get("x-amz-bucket-region")).toBe("ap-northeast-1");
  });

  it("HEAD gets the 301 with the region header and no body", async () => {
    const response = await rawRequest(sandbox().endpoint, { method: "HEAD", path: `/${bucket}`, region: "us-east-1" });
    expect(response.status).toBe(301);
    expect(response.headers.get("x-amz-bucket-region")).toBe("ap-northeast-1");
    expect(response.body).toBe("");
  });

  it("with followRegionRedirects the SDK follows the redirect and succeeds", async () => {
    const client = clients().s3({ region: "eu-west-1", s3: { followRegionRedirects: true } });
    const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: "greeting.txt" }));
    expect(await got.Body?.transformToString()).toBe("konnichiwa");
    const head = await client.send(new HeadBucketCommand({ Bucket: bucket }));
    expect(head.BucketRegion).toBe("ap-northeast-1");
  });

  it("ListBuckets from any region lists buckets of every region, with BucketRegion", async () => {
    const other = uniqueBucket("virginia");
    await clients().s3({ region: "us-east-1" }).send(new CreateBucketCommand({ Bucket: other }));
    const listed = await clients().s3({ region: "sa-east-1" }).send(new ListBucketsCommand({}));
    const regions = Object.fromEntries((listed.Buckets ?? []).map((b) => [b.Name, b.BucketRegion]));
    expect(regions[bucket]).toBe("ap-northeast-1");
    expect(regions[other]).toBe("us-east-1");
    const filtered = await clients().s3({ region: "sa-east-1" }).send(new ListBucketsCommand({ BucketRegion: "ap-northeast-1" }));
    expect(filtered.Buckets?.every((b) => b.BucketRegion === "ap-northeast-1")).toBe(true);
  });

  it("GetBucketLocation answers from any region", async () => {
    const location = await clients().s3({ region: "us-east-1" }).send(new GetBucketLocationCommand({ Bucket: bucket }));
    expect(location.LocationConstraint).toBe("ap-northeast-1");
  });

  it("a request for a bucket that does not exist is NoSuchBucket, whatever the region", async () => {
    const error = await failureOf(clients().s3({ region: "eu-west-1" }).send(new GetObjectCommand({ Bucket: uniqueBucket("none"), Key: "k" })));
    expect(error.name).toBe("NoSuchBucket");
  });
});

// s3-facts.md §1: Regions launched after 2019-03-20 answer 400 instead of the 301, both ways round.
describe("wrong-region requests where an opt-in Region is involved", () => {
  const cape = uniqueBucket("cape");
  const virginia = uniqueBucket("virginia-old");

  beforeAll(async () => {
    const home = clients().s3({ region: "af-south-1" });
    await home.send(new CreateBucketCommand({ Bucket: cape, CreateBucketConfiguration: { LocationConstraint: "af-south-1" } }));
    await home.send(new PutObjectCommand({ Bucket: cape, Key: "greeting.txt", Body: "molo" }));
    await clients().s3({ region: "us-east-1" }).send(new CreateBucketCommand({ Bucket: virginia }));
  });

  it("GetObject sent elsewhere for a bucket in af-south-1 is 400 IllegalLocationConstraintException naming af-south-1", async () => {
    const error = await failureOf(clients().s3({ region: "eu-west-1" }).send(new GetObjectCommand({ Bucket: cape, Key: "greeting.txt" })));
    expect(error.name).toBe("IllegalLocationConstraintException");
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toBe("The af-south-1 location constraint is incompatible for the region specific endpoint this request was sent to.");
    expect(error.$response?.headers["x-amz-bucket-region"]).toBe("af-south-1");
  });

  it("a us-east-1 bucket asked for through an opt-in Region is 400 with the unspecified location constraint", async () => {
    const error = await failureOf(clients().s3({ region: "ap-south-2" }).send(new GetObjectCommand({ Bucket: virginia, Key: "none.txt" })));
    expect(error.name).toBe("IllegalLocationConstraintException");
    expect(error.message).toContain("The unspecified location constraint is incompatible");
  });

  it("HEAD gets the 400 with the region header and no body", async () => {
    const response = await rawRequest(sandbox().endpoint, { method: "HEAD", path: `/${cape}`, region: "us-west-2" });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amz-bucket-region")).toBe("af-south-1");
    expect(response.body).toBe("");
  });

  it("a request signed for the bucket's own opt-in Region reads the object", async () => {
    const got = await clients().s3({ region: "af-south-1" }).send(new GetObjectCommand({ Bucket: cape, Key: "greeting.txt" }));
    expect(await got.Body?.transformToString()).toBe("molo");
  });

  it("with followRegionRedirects the SDK reads x-amz-bucket-region from the 400 and succeeds", async () => {
    const client = clients().s3({ region: "eu-west-1", s3: { followRegionRedirects: true } });
    const got = await client.send(new GetObjectCommand({ Bucket: cape, Key: "greeting.txt" }));
    expect(await got.Body?.transformToString()).toBe("molo");
  });
});
