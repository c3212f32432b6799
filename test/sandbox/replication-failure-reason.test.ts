import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { createRole, createVersionedBucket, finalStatus, putReplication, replicationPolicy, ruleTo, trustS3 } from "../helpers/replication";
import { ACCOUNT_A, uniqueBucket, useSandbox } from "../helpers/sandbox";

// Why replication FAILED, on the failed version: x-s3-tutor-replication-failure (the sandbox's header, not AWS's).
const { clients } = useSandbox({ replicationDelay: 30 });
const east = () => clients().s3({ accessKeyId: ACCOUNT_A, region: "us-east-1" });
const west = () => clients().s3({ accessKeyId: ACCOUNT_A, region: "eu-west-1" });
const HEADER = "x-s3-tutor-replication-failure";

/** The raw response headers of HeadObject or GetObject, as a middleware below the deserializer sees them. */
const rawHeaders = async (s3: S3Client, command: HeadObjectCommand | GetObjectCommand): Promise<Record<string, string>> => {
  const seen: { headers?: Record<string, string> } = {};
  // Both commands have the same stack; TypeScript cannot call a union of their add() overloads.
  (command as HeadObjectCommand).middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      seen.headers = (result.response as { headers: Record<string, string> }).headers;
      return result;
    },
    { step: "deserialize", priority: "low", name: "captureHeaders" },
  );
  await s3.send(command as never);
  return seen.headers ?? {};
};

const setUp = async (policy: (source: string, destination: string) => object, roleArn?: string) => {
  const source = uniqueBucket("why-src");
  const destination = uniqueBucket("why-dst");
  await createVersionedBucket(east(), source, "us-east-1");
  await createVersionedBucket(west(), destination, "eu-west-1");
  const role = roleArn ?? (await createRole(clients(), ACCOUNT_A, `why-${source}`.slice(0, 64), trustS3, policy(source, destination)));
  await putReplication(east(), source, role, [ruleTo(destination)]);
  return { source, destination };
};

const allowed = (source: string, destination: string) => replicationPolicy(source, [destination]);

const withoutReplicateObject = (source: string, destination: string) => {
  const policy = replicationPolicy(source, [destination]);
  return { ...policy, Statement: policy.Statement.map((s) => ({ ...s, Action: s.Action.filter((a) => a !== "s3:ReplicateObject") })) };
};

describe("a version whose replication FAILED", () => {
  it("tells why on HeadObject and GetObject, for that version only", async () => {
    const { source, destination } = await setUp(withoutReplicateObject);
    const put = await east().send(new PutObjectCommand({ Bucket: source, Key: "report.csv", Body: "a,b\n" }));
    expect(await finalStatus(east(), source, "report.csv")).toBe("FAILED");
    const reason = `role lacks s3:ReplicateObject on arn:aws:s3:::${destination}/*`;
    expect((await rawHeaders(east(), new HeadObjectCommand({ Bucket: source, Key: "report.csv" })))[HEADER]).toBe(reason);
    const get = await rawHeaders(east(), new GetObjectCommand({ Bucket: source, Key: "report.csv", VersionId: put.VersionId }));
    expect(get[HEADER]).toBe(reason);
    expect(get["x-amz-replication-status"]).toBe("FAILED");
  });

  it("keeps the reason to ASCII, whatever the configuration's role says", async () => {
    const { source } = await setUp(allowed, `arn:aws:iam::${ACCOUNT_A}:role/caf\u00e9-team`);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "odd.csv", Body: "x" }));
    expect(await finalStatus(east(), source, "odd.csv")).toBe("FAILED");
    expect((await rawHeaders(east(), new HeadObjectCommand({ Bucket: source, Key: "odd.csv" })))[HEADER]).toBe(
      `role arn:aws:iam::${ACCOUNT_A}:role/caf?-team does not exist`,
    );
  });
});

describe("a version that replicated, or was never replicated,", () => {
  it("carries no such header", async () => {
    const { source } = await setUp(allowed);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "fine.csv", Body: "x" }));
    expect(await finalStatus(east(), source, "fine.csv")).toBe("COMPLETED");
    expect(await rawHeaders(east(), new HeadObjectCommand({ Bucket: source, Key: "fine.csv" }))).not.toHaveProperty(HEADER);
    const plain = uniqueBucket("plain");
    await createVersionedBucket(east(), plain, "us-east-1");
    await east().send(new PutObjectCommand({ Bucket: plain, Key: "x", Body: "x" }));
    expect(await rawHeaders(east(), new GetObjectCommand({ Bucket: plain, Key: "x" }))).not.toHaveProperty(HEADER);
  });
});
