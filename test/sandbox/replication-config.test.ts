import {
  CreateBucketCommand,
  DeleteBucketReplicationCommand,
  GetBucketReplicationCommand,
  PutBucketVersioningCommand,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { errorCode, rawRequest } from "../helpers/raw";
import { putReplication, ruleTo, versionedPair } from "../helpers/replication";
import { ACCOUNT_A, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// s3-facts.md §4: the replication configuration and its validation.
const { clients, sandbox } = useSandbox({ replicationDelay: 10 });
const s3 = (region = "us-east-1") => clients().s3({ accessKeyId: ACCOUNT_A, region });

const pair = () => versionedPair(clients(), ACCOUNT_A);

describe("PutBucketReplication validation", () => {
  it("the source must have versioning Enabled", async () => {
    const source = uniqueBucket("unversioned");
    await s3().send(new CreateBucketCommand({ Bucket: source }));
    const { destination, role } = await pair();
    const error = await failureOf(putReplication(s3(), source, role, [ruleTo(destination)]));
    expect(error.name).toBe("InvalidRequest");
    expect(error.message).toBe("Versioning must be 'Enabled' on the bucket to apply a replication configuration");
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it("the destination must exist and have versioning enabled", async () => {
    const { source, role } = await pair();
    const missing = await failureOf(putReplication(s3(), source, role, [ruleTo(uniqueBucket("missing"))]));
    expect(missing.name).toBe("InvalidRequest");
    expect(missing.message).toBe("Destination bucket must have versioning enabled.");

    const unversioned = uniqueBucket("plain");
    await s3().send(new CreateBucketCommand({ Bucket: unversioned }));
    const error = await failureOf(putReplication(s3(), source, role, [ruleTo(unversioned)]));
    expect(error.message).toBe("Destination bucket must have versioning enabled.");
  });

  it("a configuration without rules is MalformedXML", async () => {
    const { source, role } = await pair();
    const response = await rawRequest(sandbox().endpoint, {
      method: "PUT",
      path: `/${source}`,
      query: { replication: "" },
      accessKeyId: ACCOUNT_A,
      body: `<ReplicationConfiguration><Role>${role}</Role></ReplicationConfiguration>`,
    });
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe("MalformedXML");
  });

  it("a V2 rule needs Priority and DeleteMarkerReplication", async () => {
    const { source, destination, role } = await pair();
    const noPriority = await failureOf(putReplication(s3(), source, role, [ruleTo(destination, { Priority: undefined })]));
    expect(noPriority.name).toBe("InvalidRequest");
    expect(noPriority.message).toMatch(/^Priority must be specified for this version of Cross Region Replication configuration schema/);
    const noMarkerSetting = await failureOf(
      putReplication(s3(), source, role, [ruleTo(destination, { DeleteMarkerReplication: undefined })]),
    );
    expect(noMarkerSetting.message).toMatch(/^DeleteMarkerReplication must be specified/);
  });

  it("a tag filter cannot replicate delete markers", async () => {
    const { source, destination, role } = await pair();
    const error = await failureOf(
      putReplication(s3(), source, role, [
        ruleTo(destination, { Filter: { Tag: { Key: "replicate", Value: "yes" } }, DeleteMarkerReplication: { Status: "Enabled" } }),
      ]),
    );
    expect(error.name).toBe("InvalidRequest");
    expect(error.message).toMatch(/^Delete marker replication is not supported if any Tag filter is specified/);
  });

  it("rule ids must be unique", async () => {
    const { source, destination, role } = await pair();
    const error = await failureOf(
      putReplication(s3(), source, role, [ruleTo(destination, { ID: "same", Priority: 1 }), ruleTo(destination, { ID: "same", Priority: 2 })]),
    );
    expect(error.name).toBe("InvalidArgument");
    expect(error.message).toBe("Rule Id must be unique.");
  });
});

describe("Get and DeleteBucketReplication", () => {
  it("with no configuration: 404 ReplicationConfigurationNotFoundError", async () => {
    const { source } = await pair();
    const error = await failureOf(s3().send(new GetBucketReplicationCommand({ Bucket: source })));
    expect(error.name).toBe("ReplicationConfigurationNotFoundError");
    expect(error.message).toBe("The replication configuration was not found");
    expect(error.$metadata?.httpStatusCode).toBe(404);
  });

  it("returns V2 rules as they were put: filters, priority, delete markers, storage class", async () => {
    const { source, destination, role } = await pair();
    await putReplication(s3(), source, role, [
      ruleTo(destination, { ID: "docs", Priority: 3, Filter: { Prefix: "docs/" }, DeleteMarkerReplication: { Status: "Enabled" } }),
      ruleTo(destination, { ID: "tagged", Priority: 2, Filter: { Tag: { Key: "tier", Value: "gold" } } }),
      ruleTo(destination, {
        ID: "both",
        Priority: 1,
        Filter: { And: { Prefix: "logs/", Tags: [{ Key: "keep", Value: "yes" }] } },
        Destination: { Bucket: `arn:aws:s3:::${destination}`, StorageClass: "STANDARD_IA" },
      }),
    ]);
    const read = await s3().send(new GetBucketReplicationCommand({ Bucket: source }));
    expect(read.ReplicationConfiguration?.Role).toBe(role);
    expect(read.ReplicationConfiguration?.Rules).toEqual([
      {
        ID: "docs",
        Priority: 3,
        Filter: { Prefix: "docs/" },
        Status: "Enabled",
        Destination: { Bucket: `arn:aws:s3:::${destination}` },
        DeleteMarkerReplication: { Status: "Enabled" },
      },
      {
        ID: "tagged",
        Priority: 2,
        Filter: { Tag: { Key: "tier", Value: "gold" } },
        Status: "Enabled",
        Destination: { Bucket: `arn:aws:s3:::${destination}` },
        DeleteMarkerReplication: { Status: "Disabled" },
      },
      {
        ID: "both",
        Priority: 1,
        Filter: { And: { Prefix: "logs/", Tags: [{ Key: "keep", Value: "yes" }] } },
        Status: "Enabled",
        Destination: { Bucket: `arn:aws:s3:::${destination}`, StorageClass: "STANDARD_IA" },
        DeleteMarkerReplication: { Status: "Disabled" },
      },
    ]);
  });

  it("accepts a V1 rule with a bare Prefix", async () => {
    const { source, destination, role } = await pair();
    await putReplication(s3(), source, role, [{ ID: "v1", Prefix: "reports/", Status: "Enabled", Destination: { Bucket: `arn:aws:s3:::${destination}` } }]);
    const read = await s3().send(new GetBucketReplicationCommand({ Bucket: source }));
    expect(read.ReplicationConfiguration?.Rules).toEqual([
      { ID: "v1", Prefix: "reports/", Status: "Enabled", Destination: { Bucket: `arn:aws:s3:::${destination}` } },
    ]);
  });

  it("DeleteBucketReplication removes it", async () => {
    const { source, destination, role } = await pair();
    await putReplication(s3(), source, role, [ruleTo(destination)]);
    const deleted = await s3().send(new DeleteBucketReplicationCommand({ Bucket: source }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const error = await failureOf(s3().send(new GetBucketReplicationCommand({ Bucket: source })));
    expect(error.name).toBe("ReplicationConfigurationNotFoundError");
  });

  it("versioning cannot be suspended on a source while it has a replication configuration", async () => {
    const { source, destination, role } = await pair();
    await putReplication(s3(), source, role, [ruleTo(destination)]);
    const error = await failureOf(
      s3().send(new PutBucketVersioningCommand({ Bucket: source, VersioningConfiguration: { Status: "Suspended" } })),
    );
    expect(error.name).toBe("InvalidBucketState");
    expect(error.$metadata?.httpStatusCode).toBe(409);
    expect(error.message).toMatch(/^A replication configuration is present on this bucket/);
  });
});
