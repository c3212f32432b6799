import { PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/index";
import { createRole, createVersionedBucket, putReplication, replicationPolicy, ruleTo } from "../helpers/replication";
import { ACCOUNT_A, SandboxClients } from "../helpers/sandbox";

const pendingTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("the replication worker's lifetime", () => {
  it("closing the sandbox cancels copies not yet made: no timer outlives it", async () => {
    const sandbox = await startSandbox({ replicationDelay: 60_000 });
    const clients = new SandboxClients(sandbox);
    const s3 = clients.s3({ accessKeyId: ACCOUNT_A, region: "us-east-1" });
    await createVersionedBucket(s3, "life-source", "us-east-1");
    await createVersionedBucket(s3, "life-destination", "us-east-1");
    const role = await createRole(clients, ACCOUNT_A, "life-role", undefined, replicationPolicy("life-source", ["life-destination"]));
    await putReplication(s3, "life-source", role, [ruleTo("life-destination")]);
    s3.destroy();

    const before = pendingTimers();
    const writer = clients.s3({ accessKeyId: ACCOUNT_A, region: "us-east-1" });
    for (const key of ["a", "b", "c"]) await writer.send(new PutObjectCommand({ Bucket: "life-source", Key: key, Body: key }));
    writer.destroy();
    expect(pendingTimers()).toBeGreaterThanOrEqual(before + 3);

    await sandbox.close();
    expect(pendingTimers()).toBeLessThanOrEqual(before);
  });
});
