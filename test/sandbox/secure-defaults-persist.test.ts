import {
  CreateBucketCommand,
  DeleteBucketOwnershipControlsCommand,
  GetBucketEncryptionCommand,
  GetBucketOwnershipControlsCommand,
  GetPublicAccessBlockCommand,
  PutBucketEncryptionCommand,
  PutPublicAccessBlockCommand,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/index";
import { useTempDirs } from "../helpers/data-dir";
import { failureOf, SandboxClients } from "../helpers/sandbox";

const tempDir = useTempDirs("secure-persist");

describe("secure-default settings persist with the world", () => {
  it("Block Public Access, Object Ownership and default encryption survive a restart, changed or removed", async () => {
    const dataDir = tempDir();
    const first = await startSandbox({ dataDir });
    const s3 = new SandboxClients(first).s3();
    await s3.send(new CreateBucketCommand({ Bucket: "kept-defaults" }));
    await s3.send(new CreateBucketCommand({ Bucket: "kept-changes" }));
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: "kept-changes", PublicAccessBlockConfiguration: { BlockPublicAcls: true } }));
    await s3.send(new DeleteBucketOwnershipControlsCommand({ Bucket: "kept-changes" }));
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: "kept-changes",
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" }, BucketKeyEnabled: true }] },
      }),
    );
    await first.close();

    const second = await startSandbox({ dataDir });
    try {
      const again = new SandboxClients(second).s3();
      const defaults = await again.send(new GetPublicAccessBlockCommand({ Bucket: "kept-defaults" }));
      expect(Object.values(defaults.PublicAccessBlockConfiguration ?? {})).toEqual([true, true, true, true]);
      const owned = await again.send(new GetBucketOwnershipControlsCommand({ Bucket: "kept-defaults" }));
      expect(owned.OwnershipControls?.Rules?.[0]?.ObjectOwnership).toBe("BucketOwnerEnforced");

      const changed = await again.send(new GetPublicAccessBlockCommand({ Bucket: "kept-changes" }));
      expect(changed.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        IgnorePublicAcls: false,
        BlockPublicPolicy: false,
        RestrictPublicBuckets: false,
      });
      const removed = await failureOf(again.send(new GetBucketOwnershipControlsCommand({ Bucket: "kept-changes" })));
      expect(removed.name).toBe("OwnershipControlsNotFoundError");
      const encryption = await again.send(new GetBucketEncryptionCommand({ Bucket: "kept-changes" }));
      expect(encryption.ServerSideEncryptionConfiguration?.Rules?.[0]?.BucketKeyEnabled).toBe(true);
    } finally {
      await second.close();
    }
  });
});
