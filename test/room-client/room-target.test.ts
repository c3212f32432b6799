import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateBucketCommand, ListBucketsCommand } from "@aws-sdk/client-s3";
import { participantTarget } from "../../src/room-client/room-target";
import { startSandbox, type Sandbox } from "../../src/sandbox/index";
import { callerAccount } from "../../src/targets/sdk-clients";
import type { S3Client } from "@aws-sdk/client-s3";
import type { STSClient } from "@aws-sdk/client-sts";

describe("the room target", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  const roomTarget = {
    kind: "room" as const,
    region: "eu-west-1",
    otherRegion: "us-west-2",
    prefix: "ada-4f2",
    // The sandbox takes a 12-digit access key id as that account, signed with "test".
    identities: {
      default: { account: "210987654321", accessKeyId: "210987654321", secretAccessKey: "test" },
      other: { account: "310987654321", accessKeyId: "310987654321", secretAccessKey: "test" },
    },
  };

  it("acts as the participant's own two accounts, with the room's prefix and regions", async () => {
    const { options, create } = participantTarget(roomTarget, sandbox.endpoint);
    expect(options).toEqual({ target: "sandbox", label: "room sandbox", endpoint: sandbox.endpoint, region: "eu-west-1", prefix: "ada-4f2" });
    const target = await create(options);
    try {
      await target.preflight();
      expect(target.prefix).toBe("ada-4f2");
      expect(target.otherRegion).toBe("us-west-2");
      expect(await target.account("default")).toBe("210987654321");
      expect(await callerAccount((await target.client("sts", "other", "eu-west-1")) as STSClient)).toBe("310987654321");
      expect(target.cliEnvironment("default")).toMatchObject({ AWS_ACCESS_KEY_ID: "210987654321" });

      const s3 = (await target.client("s3", "default", "eu-west-1")) as S3Client;
      await s3.send(new CreateBucketCommand({ Bucket: "ada-4f2-data", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
      const other = (await target.client("s3", "other", "eu-west-1")) as S3Client;
      // The bucket is the participant's, not the other account's (nor the documentation's 111122223333).
      expect((await other.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
      expect((await s3.send(new ListBucketsCommand({}))).Buckets?.map((bucket) => bucket.Name)).toEqual(["ada-4f2-data"]);
    } finally {
      await target.close();
    }
  });

  it("maps the other kinds to the existing targets with the room's prefix and region", () => {
    const shared = { region: "eu-central-1", otherRegion: "eu-west-1", prefix: "bob-1a" };
    expect(participantTarget({ kind: "own", ...shared }, "http://x").options).toEqual({ target: "sandbox", sandbox: "learner", region: "eu-central-1", prefix: "bob-1a" });
    expect(participantTarget({ kind: "localstack", ...shared }, "http://x").options).toEqual({ target: "localstack", region: "eu-central-1", prefix: "bob-1a" });
    expect(participantTarget({ kind: "aws", ...shared }, "http://x").options).toEqual({ target: "aws", region: "eu-central-1", prefix: "bob-1a" });
  });
});
