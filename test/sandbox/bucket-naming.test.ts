import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetBucketAccelerateConfigurationCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketAccelerateConfigurationCommand,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { errorCode, rawRequest } from "../helpers/raw";
import { failureOf, useSandbox } from "../helpers/sandbox";

// s3-facts.md §2: general purpose bucket naming rules.
const { clients, sandbox } = useSandbox();
const s3 = (accessKeyId = "111111111111", region = "us-east-1") => clients().s3({ accessKeyId, region });
const create = (bucket: string, client = s3()) => client.send(new CreateBucketCommand({ Bucket: bucket }));

const invalid: Array<[string, string]> = [
  ["too short", "ab"],
  ["too long", "a".repeat(64)],
  ["uppercase", "My-Bucket"],
  ["underscore", "my_bucket"],
  ["starts with a hyphen", "-bucket"],
  ["ends with a hyphen", "bucket-"],
  ["ends with a period", "bucket."],
  ["adjacent periods", "my..bucket"],
  ["IP address", "192.168.5.4"],
  ["xn-- prefix", "xn--bucket"],
  ["sthree- prefix", "sthree-bucket"],
  ["amzn-s3-demo- prefix", "amzn-s3-demo-bucket"],
  ["-s3alias suffix", "bucket-s3alias"],
  ["--ol-s3 suffix", "bucket--ol-s3"],
  [".mrap suffix", "bucket.mrap"],
  ["--table-s3 suffix", "bucket--table-s3"],
  ["-an suffix outside the account regional namespace", "bucket-an"],
];

describe("bucket naming rules", () => {
  it.each(invalid)("%s is InvalidBucketName", async (_rule, name) => {
    const error = await failureOf(create(name));
    expect(error.name).toBe("InvalidBucketName");
    expect(error.message).toBe("The specified bucket is not valid.");
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  // The SDK sends --x-s3 names to S3 Express One Zone, so this one goes by hand.
  it("--x-s3 suffix is InvalidBucketName", async () => {
    const response = await rawRequest(sandbox().endpoint, { method: "PUT", path: "/bucket--x-s3" });
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe("InvalidBucketName");
    expect(response.body).toContain("<BucketName>bucket--x-s3</BucketName>");
  });

  it.each([
    ["three characters", "abc"],
    ["63 characters", `n${"a".repeat(61)}n`],
    ["periods (valid, though they break virtual-hosted HTTPS)", "my.dotted.bucket"],
    ["digits and hyphens", "2024-logs-001"],
  ])("%s is valid", async (_rule, name) => {
    const created = await create(name);
    expect(created.$metadata.httpStatusCode).toBe(200);
  });
});

describe("the account regional namespace", () => {
  it("a name with the caller's account, region and -an suffix is created in that namespace", async () => {
    const name = "logs-555555555555-eu-west-1-an";
    const client = s3("555555555555", "eu-west-1");
    await client.send(
      new CreateBucketCommand({
        Bucket: name,
        BucketNamespace: "account-regional",
        CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },
      }),
    );
    const head = await client.send(new HeadBucketCommand({ Bucket: name }));
    expect(head.BucketRegion).toBe("eu-west-1");
  });

  it("another account's suffix, or another region's, is InvalidBucketName", async () => {
    const client = s3("555555555555", "eu-west-1");
    for (const name of ["logs-666666666666-eu-west-1-an", "logs-555555555555-us-east-1-an"]) {
      const error = await failureOf(
        client.send(
          new CreateBucketCommand({
            Bucket: name,
            BucketNamespace: "account-regional",
            CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },
          }),
        ),
      );
      expect(error.name).toBe("InvalidBucketName");
    }
  });
});

describe("what names imply", () => {
  it("a dotted name is valid but cannot use Transfer Acceleration", async () => {
    const client = s3("777777777777");
    await create("dotted.accel.bucket", client);
    const error = await failureOf(
      client.send(new PutBucketAccelerateConfigurationCommand({ Bucket: "dotted.accel.bucket", AccelerateConfiguration: { Status: "Enabled" } })),
    );
    expect(error.name).toBe("InvalidRequest");
    expect(error.message).toBe("Amazon S3 Transfer Acceleration is not supported for buckets with periods (.) in their names.");

    await create("plain-accel-bucket", client);
    await client.send(new PutBucketAccelerateConfigurationCommand({ Bucket: "plain-accel-bucket", AccelerateConfiguration: { Status: "Enabled" } }));
    const read = await client.send(new GetBucketAccelerateConfigurationCommand({ Bucket: "plain-accel-bucket" }));
    expect(read.Status).toBe("Enabled");
  });

  it("a deleted bucket's name can be taken by anyone", async () => {
    const name = "freed-name-for-anyone";
    await create(name, s3("888888888888"));
    await s3("888888888888").send(new DeleteBucketCommand({ Bucket: name }));
    const taken = await create(name, s3("999999999999"));
    expect(taken.$metadata.httpStatusCode).toBe(200);
    const listed = await s3("999999999999").send(new ListBucketsCommand({ Prefix: name }));
    expect(listed.Buckets?.map((b) => b.Name)).toEqual([name]);
  });
});
