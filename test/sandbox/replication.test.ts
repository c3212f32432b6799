import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import type { ReplicationEvent } from "../../src/sandbox/index";
import { createRole, createVersionedBucket, finalStatus, putReplication, replicationPolicy, ruleTo, until } from "../helpers/replication";
import { ACCOUNT_A, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// Objects written after the configuration replicate asynchronously: PENDING, then COMPLETED.
const events: ReplicationEvent[] = [];
const { clients } = useSandbox({
  // The "slow" destination answers last, so a source with several destinations is seen PENDING in between.
  replicationDelay: (destination) => (destination.startsWith("slow") ? 400 : 60),
  onReplication: (event) => events.push(event),
});
const s3 = (region: string) => clients().s3({ accessKeyId: ACCOUNT_A, region });
const east = () => s3("us-east-1");
const west = () => s3("eu-west-1");

/** A source in us-east-1, destinations in eu-west-1, a role allowed to replicate to all of them. */
const setup = async (destinationCount = 1, stems: string[] = []) => {
  const source = uniqueBucket("src");
  const destinations = Array.from({ length: destinationCount }, (_, i) => uniqueBucket(stems[i] ?? "dst"));
  await createVersionedBucket(east(), source, "us-east-1");
  for (const destination of destinations) await createVersionedBucket(west(), destination, "eu-west-1");
  const role = await createRole(clients(), ACCOUNT_A, `repl-${source}`.slice(0, 64), undefined, replicationPolicy(source, destinations));
  return { source, destinations, role };
};

describe("replication", () => {
  it("a new object reads PENDING, then COMPLETED; the copy is a REPLICA with the same version, body, metadata and tags", async () => {
    const { source, destinations, role } = await setup();
    const [destination = ""] = destinations;
    await putReplication(east(), source, role, [ruleTo(destination)]);
    const put = await east().send(
      new PutObjectCommand({
        Bucket: source,
        Key: "report.csv",
        Body: "q1,q2\n10,20\n",
        ContentType: "text/csv",
        Metadata: { team: "finance" },
        Tagging: "confidential=no",
      }),
    );
    const pending = await east().send(new HeadObjectCommand({ Bucket: source, Key: "report.csv" }));
    expect(pending.ReplicationStatus).toBe("PENDING");

    expect(await finalStatus(east(), source, "report.csv")).toBe("COMPLETED");
    const replica = await west().send(new GetObjectCommand({ Bucket: destination, Key: "report.csv" }));
    expect(replica.ReplicationStatus).toBe("REPLICA");
    expect(replica.VersionId).toBe(put.VersionId);
    expect(await replica.Body?.transformToString()).toBe("q1,q2\n10,20\n");
    expect(replica.ContentType).toBe("text/csv");
    expect(replica.Metadata).toEqual({ team: "finance" });
    expect(replica.ETag).toBe(put.ETag);
    const tags = await west().send(new GetObjectTaggingCommand({ Bucket: destination, Key: "report.csv" }));
    expect(tags.TagSet).toEqual([{ Key: "confidential", Value: "no" }]);

    const event = events.find((e) => e.sourceBucket === source && e.key === "report.csv");
    expect(event).toMatchObject({ status: "COMPLETED", sourceRegion: "us-east-1", destinationRegion: "eu-west-1", versionId: put.VersionId });
  });

  it("the copy takes the rule's storage class; of two matching rules the higher Priority decides", async () => {
    const { source, destinations, role } = await setup();
    const [destination = ""] = destinations;
    await putReplication(east(), source, role, [
      ruleTo(destination, { ID: "all", Priority: 1, Destination: { Bucket: `arn:aws:s3:::${destination}`, StorageClass: "STANDARD_IA" } }),
      ruleTo(destination, {
        ID: "archive",
        Priority: 5,
        Filter: { Prefix: "archive/" },
        Destination: { Bucket: `arn:aws:s3:::${destination}`, StorageClass: "GLACIER_IR" },
      }),
    ]);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "archive/2019.csv", Body: "old" }));
    await east().send(new PutObjectCommand({ Bucket: source, Key: "today.csv", Body: "new" }));
    expect(await finalStatus(east(), source, "archive/2019.csv")).toBe("COMPLETED");
    expect(await finalStatus(east(), source, "today.csv")).toBe("COMPLETED");
    expect((await west().send(new HeadObjectCommand({ Bucket: destination, Key: "archive/2019.csv" }))).StorageClass).toBe("GLACIER_IR");
    expect((await west().send(new HeadObjectCommand({ Bucket: destination, Key: "today.csv" }))).StorageClass).toBe("STANDARD_IA");
  });

  it("with several destinations the source is COMPLETED only when every destination has its copy", async () => {
    const { source, destinations, role } = await setup(2, ["fast", "slow"]);
    const [fast = "", slow = ""] = destinations;
    await putReplication(east(), source, role, [ruleTo(fast, { ID: "fast", Priority: 1 }), ruleTo(slow, { ID: "slow", Priority: 2 })]);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "twice.txt", Body: "x" }));
    // The fast copy exists while the slow one does not: the source still reads PENDING.
    await until("the fast copy", async () =>
      (await west().send(new HeadObjectCommand({ Bucket: fast, Key: "twice.txt" })).catch(() => undefined)) ? true : undefined,
    );
    expect((await east().send(new HeadObjectCommand({ Bucket: source, Key: "twice.txt" }))).ReplicationStatus).toBe("PENDING");
    expect(await finalStatus(east(), source, "twice.txt")).toBe("COMPLETED");
    expect((await west().send(new HeadObjectCommand({ Bucket: slow, Key: "twice.txt" }))).ReplicationStatus).toBe("REPLICA");
  });

  it("CopyObject into the source replicates too", async () => {
    const { source, destinations, role } = await setup();
    const [destination = ""] = destinations;
    await putReplication(east(), source, role, [ruleTo(destination)]);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "original.txt", Body: "copy me" }));
    await east().send(new CopyObjectCommand({ Bucket: source, Key: "copied.txt", CopySource: `${source}/original.txt` }));
    expect(await finalStatus(east(), source, "copied.txt")).toBe("COMPLETED");
    const replica = await west().send(new GetObjectCommand({ Bucket: destination, Key: "copied.txt" }));
    expect(await replica.Body?.transformToString()).toBe("copy me");
  });

  it("delete markers replicate only when DeleteMarkerReplication is Enabled, with the same version id", async () => {
    const { source, destinations, role } = await setup(2);
    const [withMarkers = "", withoutMarkers = ""] = destinations;
    await putReplication(east(), source, role, [
      ruleTo(withMarkers, { ID: "markers", Priority: 2, DeleteMarkerReplication: { Status: "Enabled" } }),
      ruleTo(withoutMarkers, { ID: "objects", Priority: 1 }),
    ]);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "gone.txt", Body: "soon deleted" }));
    expect(await finalStatus(east(), source, "gone.txt")).toBe("COMPLETED");
    const marker = await east().send(new DeleteObjectCommand({ Bucket: source, Key: "gone.txt" }));

    await until("the replicated delete marker", async () => {
      const versions = await west().send(new ListObjectVersionsCommand({ Bucket: withMarkers }));
      return versions.DeleteMarkers?.length ? versions.DeleteMarkers : undefined;
    }).then((markers) => expect(markers.map((m) => m.VersionId)).toEqual([marker.VersionId]));
    const hidden = await failureOf(west().send(new GetObjectCommand({ Bucket: withMarkers, Key: "gone.txt" })));
    expect(hidden.name).toBe("NoSuchKey");

    await new Promise((resolve) => setTimeout(resolve, 200));
    const untouched = await west().send(new GetObjectCommand({ Bucket: withoutMarkers, Key: "gone.txt" }));
    expect(await untouched.Body?.transformToString()).toBe("soon deleted");
  });

  it("a V1 configuration (bare Prefix) replicates matching objects and delete markers", async () => {
    const { source, destinations, role } = await setup();
    const [destination = ""] = destinations;
    await putReplication(east(), source, role, [{ ID: "v1", Prefix: "docs/", Status: "Enabled", Destination: { Bucket: `arn:aws:s3:::${destination}` } }]);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "docs/a.txt", Body: "a" }));
    await east().send(new PutObjectCommand({ Bucket: source, Key: "other/b.txt", Body: "b" }));
    expect(await finalStatus(east(), source, "docs/a.txt")).toBe("COMPLETED");
    expect((await east().send(new HeadObjectCommand({ Bucket: source, Key: "other/b.txt" }))).ReplicationStatus).toBeUndefined();
    await east().send(new DeleteObjectCommand({ Bucket: source, Key: "docs/a.txt" }));
    await until("the V1 delete marker", async () => {
      const versions = await west().send(new ListObjectVersionsCommand({ Bucket: destination }));
      return versions.DeleteMarkers?.length ? true : undefined;
    });
  });
});

describe("what does not replicate", () => {
  it("objects that existed before the configuration", async () => {
    const { source, destinations, role } = await setup();
    const [destination = ""] = destinations;
    await east().send(new PutObjectCommand({ Bucket: source, Key: "before.txt", Body: "old" }));
    await putReplication(east(), source, role, [ruleTo(destination)]);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "after.txt", Body: "new" }));
    expect(await finalStatus(east(), source, "after.txt")).toBe("COMPLETED");
    expect((await east().send(new HeadObjectCommand({ Bucket: source, Key: "before.txt" }))).ReplicationStatus).toBeUndefined();
    const missing = await failureOf(west().send(new HeadObjectCommand({ Bucket: destination, Key: "before.txt" })));
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });

  it("replicas: there is no chaining from A to B to C", async () => {
    const { source, destinations, role } = await setup(2);
    const [middle = "", last = ""] = destinations;
    await putReplication(east(), source, role, [ruleTo(middle)]);
    const middleRole = await createRole(clients(), ACCOUNT_A, `chain-${middle}`.slice(0, 64), undefined, replicationPolicy(middle, [last]));
    await putReplication(west(), middle, middleRole, [ruleTo(last)]);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "chain.txt", Body: "x" }));
    expect(await finalStatus(east(), source, "chain.txt")).toBe("COMPLETED");
    expect((await west().send(new HeadObjectCommand({ Bucket: middle, Key: "chain.txt" }))).ReplicationStatus).toBe("REPLICA");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const notChained = await failureOf(west().send(new HeadObjectCommand({ Bucket: last, Key: "chain.txt" })));
    expect(notChained.$metadata?.httpStatusCode).toBe(404);
  });

  it("deleting a specific version is not replicated", async () => {
    const { source, destinations, role } = await setup();
    const [destination = ""] = destinations;
    await putReplication(east(), source, role, [ruleTo(destination, { DeleteMarkerReplication: { Status: "Enabled" } })]);
    const put = await east().send(new PutObjectCommand({ Bucket: source, Key: "kept.txt", Body: "still here" }));
    expect(await finalStatus(east(), source, "kept.txt")).toBe("COMPLETED");
    await east().send(new DeleteObjectCommand({ Bucket: source, Key: "kept.txt", VersionId: put.VersionId }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const replica = await west().send(new GetObjectCommand({ Bucket: destination, Key: "kept.txt", VersionId: put.VersionId }));
    expect(await replica.Body?.transformToString()).toBe("still here");
  });

  it("delete markers under a rule whose DeleteMarkerReplication is Disabled", async () => {
    const { source, destinations, role } = await setup();
    const [destination = ""] = destinations;
    await putReplication(east(), source, role, [ruleTo(destination)]);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "stays.txt", Body: "x" }));
    expect(await finalStatus(east(), source, "stays.txt")).toBe("COMPLETED");
    await east().send(new DeleteObjectCommand({ Bucket: source, Key: "stays.txt" }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const versions = await west().send(new ListObjectVersionsCommand({ Bucket: destination }));
    expect(versions.DeleteMarkers ?? []).toEqual([]);
  });

  it("objects that the rule's filter does not match (prefix or tags)", async () => {
    const { source, destinations, role } = await setup();
    const [destination = ""] = destinations;
    await putReplication(east(), source, role, [
      ruleTo(destination, { Filter: { And: { Prefix: "data/", Tags: [{ Key: "replicate", Value: "yes" }] } } }),
    ]);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "data/tagged.txt", Body: "x", Tagging: "replicate=yes" }));
    await east().send(new PutObjectCommand({ Bucket: source, Key: "data/untagged.txt", Body: "x" }));
    await east().send(new PutObjectCommand({ Bucket: source, Key: "elsewhere/tagged.txt", Body: "x", Tagging: "replicate=yes" }));
    expect(await finalStatus(east(), source, "data/tagged.txt")).toBe("COMPLETED");
    for (const key of ["data/untagged.txt", "elsewhere/tagged.txt"]) {
      expect((await east().send(new HeadObjectCommand({ Bucket: source, Key: key }))).ReplicationStatus).toBeUndefined();
    }
  });
});
