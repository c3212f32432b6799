import { createHash, randomBytes } from "node:crypto";
import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketAccelerateConfigurationCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  UploadPartCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { CreateRoleCommand, PutRolePolicyCommand, TagRoleCommand } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index";
import { useTempDirs } from "../helpers/data-dir";
import { createRole, createVersionedBucket, finalStatus, putReplication, replicationPolicy, ruleTo } from "../helpers/replication";
import { SandboxClients } from "../helpers/sandbox";
import { worldView } from "../helpers/world-view";

// A sandbox with a data directory keeps its world across close and start (see crash-safety.test.ts for kills).
const tempDir = useTempDirs("persist");
const A = "111122223333";
const B = "444455556666";
const MIB = 1024 * 1024;
const sha256 = (data: Buffer | Uint8Array) => createHash("sha256").update(data).digest("hex");

const bodyOf = async (s3: S3Client, Bucket: string, Key: string, VersionId?: string) => {
  const got = await s3.send(new GetObjectCommand({ Bucket, Key, ...(VersionId ? { VersionId } : {}) }));
  return Buffer.from(await got.Body!.transformToByteArray());
};

/** Buckets in three regions and two accounts, with everything the sandbox keeps of them. */
const buildWorld = async (clients: SandboxClients) => {
  const s3 = clients.s3({ accessKeyId: A, region: "eu-west-1" });
  await createVersionedBucket(s3, "keep-src", "eu-west-1");
  await createVersionedBucket(clients.s3({ accessKeyId: A, region: "us-west-2" }), "keep-dst", "us-west-2");
  await s3.send(new PutBucketTaggingCommand({ Bucket: "keep-src", Tagging: { TagSet: [{ Key: "team", Value: "storage" }] } }));
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: "keep-src",
      Policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Sid: "ReadForB", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: "s3:GetObject", Resource: "arn:aws:s3:::keep-src/*" }],
      }),
    }),
  );
  await s3.send(
    new PutBucketLifecycleConfigurationCommand({
      Bucket: "keep-src",
      LifecycleConfiguration: {
        Rules: [
          { ID: "logs", Filter: { Prefix: "logs/" }, Status: "Enabled", Transitions: [{ Days: 30, StorageClass: "STANDARD_IA" }], Expiration: { Days: 365 } },
          { ID: "tidy", Filter: { Prefix: "" }, Status: "Enabled", AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
        ],
      },
    }),
  );
  await s3.send(new PutBucketAccelerateConfigurationCommand({ Bucket: "keep-src", AccelerateConfiguration: { Status: "Enabled" } }));

  const first = await s3.send(new PutObjectCommand({ Bucket: "keep-src", Key: "docs/a.txt", Body: "first" }));
  await s3.send(
    new PutObjectCommand({
      Bucket: "keep-src",
      Key: "docs/a.txt",
      Body: "second",
      ContentType: "text/plain",
      CacheControl: "max-age=60",
      Metadata: { owner: "ana" },
      Tagging: "stage=draft",
      StorageClass: "STANDARD_IA",
    }),
  );
  await s3.send(
    new PutObjectTaggingCommand({ Bucket: "keep-src", Key: "docs/a.txt", VersionId: first.VersionId, Tagging: { TagSet: [{ Key: "old", Value: "yes" }] } }),
  );
  await s3.send(new PutObjectCommand({ Bucket: "keep-src", Key: "docs/b.txt", Body: "soon deleted" }));
  await s3.send(new DeleteObjectCommand({ Bucket: "keep-src", Key: "docs/b.txt" }));
  // Larger than the inline limit: kept as a file of its own.
  await s3.send(new PutObjectCommand({ Bucket: "keep-src", Key: "big.bin", Body: randomBytes(200 * 1024), ChecksumAlgorithm: "SHA256" }));

  const upload = await s3.send(new CreateMultipartUploadCommand({ Bucket: "keep-src", Key: "mp.bin", ContentType: "video/mp4", Metadata: { part: "yes" } }));
  const parts = [randomBytes(5 * MIB), randomBytes(1000)];
  const etags: string[] = [];
  for (const [index, Body] of parts.entries()) {
    const part = await s3.send(new UploadPartCommand({ Bucket: "keep-src", Key: "mp.bin", UploadId: upload.UploadId, PartNumber: index + 1, Body }));
    etags.push(part.ETag ?? "");
  }

  const plainBucket = clients.s3({ accessKeyId: A, region: "us-east-1" });
  await plainBucket.send(new CreateBucketCommand({ Bucket: "keep-plain" }));
  await plainBucket.send(new PutObjectCommand({ Bucket: "keep-plain", Key: "note", Body: "v1" }));
  await plainBucket.send(new PutObjectCommand({ Bucket: "keep-plain", Key: "note", Body: "v2 replaces v1" }));

  const iam = clients.iam({ accessKeyId: A });
  const role = await createRole(clients, A, "keep-replication", undefined, replicationPolicy("keep-src", ["keep-dst"]));
  await iam.send(
    new CreateRoleCommand({
      RoleName: "Keep-Reader",
      Path: "/apps/",
      Description: "reads things",
      MaxSessionDuration: 7200,
      AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "sts:AssumeRole" }] }),
      Tags: [{ Key: "team", Value: "data" }],
    }),
  );
  await iam.send(new TagRoleCommand({ RoleName: "Keep-Reader", Tags: [{ Key: "env", Value: "lab" }] }));
  for (const PolicyName of ["read", "list"]) {
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: "Keep-Reader",
        PolicyName,
        PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: `s3:${PolicyName === "read" ? "GetObject" : "ListBucket"}`, Resource: "*" }] }),
      }),
    );
  }

  // Replication last, so the objects above stay unreplicated; one object written after it is.
  // With the rule's options too (RTC, metrics, replica modification sync), so they persist.
  await putReplication(s3, "keep-src", role, [
    ruleTo("keep-dst", {
      SourceSelectionCriteria: { ReplicaModifications: { Status: "Enabled" } },
      Destination: {
        Bucket: "arn:aws:s3:::keep-dst",
        ReplicationTime: { Status: "Enabled", Time: { Minutes: 15 } },
        Metrics: { Status: "Enabled", EventThreshold: { Minutes: 15 } },
      },
    }),
  ]);
  const after = await s3.send(new PutObjectCommand({ Bucket: "keep-src", Key: "after.txt", Body: "replicated" }));
  expect(await finalStatus(s3, "keep-src", "after.txt", after.VersionId)).toBe("COMPLETED");

  const other = clients.s3({ accessKeyId: B, region: "ap-southeast-2" });
  await other.send(new CreateBucketCommand({ Bucket: "keep-b", CreateBucketConfiguration: { LocationConstraint: "ap-southeast-2" } }));
  await other.send(new PutObjectCommand({ Bucket: "keep-b", Key: "hello", Body: "from B" }));
  await createRole(clients, B, "b-role");

  return { uploadId: upload.UploadId ?? "", parts, etags };
};

/**
 * What a power cut would leave of a running sandbox's folder: its files as they are, without
 * the snapshot close writes (every acknowledged change was synced before its response).
 */
const crashImage = (dataDir: string): string => {
  const copy = tempDir();
  cpSync(dataDir, copy, { recursive: true });
  return copy;
};

const reopen = async (sandbox: Sandbox, dataDir: string, delay = 0): Promise<Sandbox> => {
  await sandbox.close();
  return startSandbox({ dataDir, replicationDelay: delay });
};

describe("a sandbox with a data directory", () => {
  it("reads back, after a crash or a close, every bucket, version, delete marker, setting, upload and role", async () => {
    const dataDir = tempDir();
    let sandbox = await startSandbox({ dataDir, replicationDelay: 0 });
    const { uploadId, parts, etags } = await buildWorld(new SandboxClients(sandbox));
    const before = await worldView(new SandboxClients(sandbox), [A, B]);
    const crashed = crashImage(dataDir);

    // From the journal alone (the snapshot is the empty one written at start).
    const fromJournal = await startSandbox({ dataDir: crashed });
    try {
      const after = await worldView(new SandboxClients(fromJournal), [A, B]);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      expect(after).toEqual(before);
    } finally {
      await fromJournal.close();
    }

    // From the snapshot close wrote.
    sandbox = await reopen(sandbox, dataDir);
    try {
      const clients = new SandboxClients(sandbox);
      const after = await worldView(clients, [A, B]);
      expect(after).toEqual(before);
      // A spot check that the view holds what it should: the delete marker, the policy, the parts.
      expect(JSON.stringify(before["111122223333/keep-src"])).toContain("ReadForB");
      expect((before["111122223333/keep-src"] as { deleteMarkers: unknown[] }).deleteMarkers).toHaveLength(1);
      expect(JSON.stringify(before["111122223333/keep-dst"])).toContain("REPLICA");
      expect(JSON.stringify(before["111122223333/keep-src"])).toContain('"ReplicationTime":{"Status":"Enabled","Time":{"Minutes":15}}');

      // The upload carries on where it was: its parts' bytes are all there.
      const s3 = clients.s3({ accessKeyId: A, region: "eu-west-1" });
      await s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: "keep-src",
          Key: "mp.bin",
          UploadId: uploadId,
          MultipartUpload: { Parts: etags.map((ETag, index) => ({ ETag, PartNumber: index + 1 })) },
        }),
      );
      expect(sha256(await bodyOf(s3, "keep-src", "mp.bin"))).toBe(sha256(Buffer.concat(parts)));
      // The bucket policy was parsed again: B may read, as before.
      const asB = clients.s3({ accessKeyId: B, region: "eu-west-1" });
      expect((await bodyOf(asB, "keep-src", "docs/a.txt")).toString()).toBe("second");
    } finally {
      await sandbox.close();
    }
  });

  it("a deleted bucket stays deleted, and a name freed and taken again belongs to its new owner", async () => {
    const dataDir = tempDir();
    let sandbox = await startSandbox({ dataDir });
    const clients = () => new SandboxClients(sandbox);
    const s3a = clients().s3({ accessKeyId: A, region: "eu-west-1" });
    await s3a.send(new CreateBucketCommand({ Bucket: "keep-freed", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    await s3a.send(new PutObjectCommand({ Bucket: "keep-freed", Key: "x", Body: "A's" }));
    await s3a.send(new DeleteObjectCommand({ Bucket: "keep-freed", Key: "x" }));
    const { DeleteBucketCommand } = await import("@aws-sdk/client-s3");
    await s3a.send(new DeleteBucketCommand({ Bucket: "keep-freed" }));
    const s3b = clients().s3({ accessKeyId: B, region: "us-west-2" });
    await s3b.send(new CreateBucketCommand({ Bucket: "keep-freed", CreateBucketConfiguration: { LocationConstraint: "us-west-2" } }));
    await s3b.send(new PutObjectCommand({ Bucket: "keep-freed", Key: "y", Body: "B's" }));

    sandbox = await reopen(sandbox, dataDir);
    try {
      const b = clients().s3({ accessKeyId: B, region: "us-west-2" });
      expect((await bodyOf(b, "keep-freed", "y")).toString()).toBe("B's");
      const listed = await b.send(new ListObjectVersionsCommand({ Bucket: "keep-freed" }));
      expect(listed.Versions?.map((version) => version.Key)).toEqual(["y"]);
      const taken = await clients()
        .s3({ accessKeyId: A, region: "eu-west-1" })
        .send(new CreateBucketCommand({ Bucket: "keep-freed", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }))
        .catch((error: Error) => error.name);
      expect(taken).toBe("BucketAlreadyExists");
    } finally {
      await sandbox.close();
    }
  });

  it("keeps only the body files something still refers to", async () => {
    const dataDir = tempDir();
    let sandbox = await startSandbox({ dataDir });
    const s3 = () => new SandboxClients(sandbox).s3({ accessKeyId: A, region: "us-east-1" });
    await s3().send(new CreateBucketCommand({ Bucket: "keep-blobs" }));
    const last = randomBytes(100 * 1024);
    for (const body of [randomBytes(100 * 1024), randomBytes(100 * 1024), last]) {
      await s3().send(new PutObjectCommand({ Bucket: "keep-blobs", Key: "overwritten", Body: body }));
    }
    expect(readdirSync(join(dataDir, "blobs"))).toHaveLength(3);
    sandbox = await reopen(sandbox, dataDir);
    try {
      expect(readdirSync(join(dataDir, "blobs"))).toHaveLength(1);
      expect(sha256(await bodyOf(s3(), "keep-blobs", "overwritten"))).toBe(sha256(last));
    } finally {
      await sandbox.close();
    }
  });

  it("folds a journal that outgrows a few MB into a new snapshot, losing nothing", async () => {
    const dataDir = tempDir();
    let sandbox = await startSandbox({ dataDir });
    let client = new SandboxClients(sandbox).s3({ accessKeyId: A, region: "us-east-1" });
    const s3 = () => client;
    await s3().send(new CreateBucketCommand({ Bucket: "keep-many" }));
    const journals = () => readdirSync(dataDir).filter((name) => name.startsWith("journal-"));
    const startedWith = journals();
    const bodies = new Map<string, string>();
    // 16 KiB bodies are written inline: 320 of them make a journal of about 7 MB.
    for (let batch = 0; batch < 40; batch += 1) {
      await Promise.all(
        Array.from({ length: 8 }, (_, slot) => {
          const key = `k${batch * 8 + slot}`;
          const body = randomBytes(16 * 1024);
          bodies.set(key, sha256(body));
          return s3().send(new PutObjectCommand({ Bucket: "keep-many", Key: key, Body: body }));
        }),
      );
    }
    expect(journals()).not.toEqual(startedWith);
    sandbox = await reopen(sandbox, dataDir);
    client = new SandboxClients(sandbox).s3({ accessKeyId: A, region: "us-east-1" });
    try {
      for (const [key, digest] of bodies) expect(sha256(await bodyOf(s3(), "keep-many", key))).toBe(digest);
    } finally {
      await sandbox.close();
    }
  });

  it("replication that was PENDING when the sandbox stopped is made after it starts again", async () => {
    const dataDir = tempDir();
    let sandbox = await startSandbox({ dataDir, replicationDelay: 60_000 });
    const clients = () => new SandboxClients(sandbox);
    const s3 = () => clients().s3({ accessKeyId: A, region: "eu-west-1" });
    await createVersionedBucket(s3(), "keep-pending-src", "eu-west-1");
    await createVersionedBucket(clients().s3({ accessKeyId: A, region: "us-west-2" }), "keep-pending-dst", "us-west-2");
    const role = await createRole(clients(), A, "keep-pending-role", undefined, replicationPolicy("keep-pending-src", ["keep-pending-dst"]));
    await putReplication(s3(), "keep-pending-src", role, [ruleTo("keep-pending-dst", { DeleteMarkerReplication: { Status: "Enabled" } })]);
    const put = await s3().send(new PutObjectCommand({ Bucket: "keep-pending-src", Key: "report.csv", Body: "a,b\n1,2\n" }));
    await s3().send(new PutObjectCommand({ Bucket: "keep-pending-src", Key: "gone.txt", Body: "x" }));
    const marker = await s3().send(new DeleteObjectCommand({ Bucket: "keep-pending-src", Key: "gone.txt" }));
    const head = await s3().send(new HeadObjectCommand({ Bucket: "keep-pending-src", Key: "report.csv" }));
    expect(head.ReplicationStatus).toBe("PENDING");

    const crashed = crashImage(dataDir);
    const crashedToo = crashImage(dataDir);
    await sandbox.close();

    for (const stopped of [crashed, dataDir]) {
      sandbox = await startSandbox({ dataDir: stopped, replicationDelay: 50 });
      try {
        expect(await finalStatus(s3(), "keep-pending-src", "report.csv", put.VersionId)).toBe("COMPLETED");
        const destination = clients().s3({ accessKeyId: A, region: "us-west-2" });
        const copy = await destination.send(new HeadObjectCommand({ Bucket: "keep-pending-dst", Key: "report.csv" }));
        expect(copy).toMatchObject({ VersionId: put.VersionId, ReplicationStatus: "REPLICA" });
        expect((await bodyOf(destination, "keep-pending-dst", "report.csv")).toString()).toBe("a,b\n1,2\n");
        const listed = await destination.send(new ListObjectVersionsCommand({ Bucket: "keep-pending-dst", Prefix: "gone.txt" }));
        expect(listed.DeleteMarkers?.map((entry) => entry.VersionId)).toContain(marker.VersionId);
      } finally {
        await sandbox.close();
      }
    }

    // The copies made after the restart were committed as they were made: a crash keeps them.
    sandbox = await startSandbox({ dataDir: crashedToo, replicationDelay: 50 });
    await finalStatus(s3(), "keep-pending-src", "report.csv", put.VersionId);
    const afterCopies = crashImage(crashedToo);
    await sandbox.close();
    sandbox = await startSandbox({ dataDir: afterCopies, replicationDelay: 60_000 });
    try {
      const destination = clients().s3({ accessKeyId: A, region: "us-west-2" });
      expect((await destination.send(new HeadObjectCommand({ Bucket: "keep-pending-dst", Key: "report.csv" }))).VersionId).toBe(put.VersionId);
      expect((await s3().send(new HeadObjectCommand({ Bucket: "keep-pending-src", Key: "report.csv" }))).ReplicationStatus).toBe("COMPLETED");
    } finally {
      await sandbox.close();
    }
  });

  it("without a data directory writes nothing to disk and starts empty every time", async () => {
    const first = await startSandbox();
    expect(first.dataDir).toBeUndefined();
    const s3 = new SandboxClients(first).s3({ accessKeyId: A });
    await s3.send(new CreateBucketCommand({ Bucket: "keep-nowhere" }));
    await first.close();
    const second = await startSandbox();
    try {
      const { ListBucketsCommand } = await import("@aws-sdk/client-s3");
      const listed = await new SandboxClients(second).s3({ accessKeyId: A }).send(new ListBucketsCommand({}));
      expect(listed.Buckets ?? []).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it("the data directory's layout is a snapshot, a journal and a blobs folder, as documented", async () => {
    const dataDir = tempDir();
    const sandbox = await startSandbox({ dataDir });
    const lock = JSON.parse(readFileSync(join(dataDir, "sandbox.lock"), "utf8")) as { pid: number; endpoint: string };
    expect(lock).toMatchObject({ pid: process.pid, endpoint: sandbox.endpoint });
    await sandbox.close();
    expect(readdirSync(dataDir).sort()).toEqual(["blobs", "journal-2.jsonl", "snapshot.jsonl"]);
  });
});
