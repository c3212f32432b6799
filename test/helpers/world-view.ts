import { createHash } from "node:crypto";
import {
  GetBucketAccelerateConfigurationCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  ListPartsCommand,
} from "@aws-sdk/client-s3";
import { GetRoleCommand, GetRolePolicyCommand, ListRolePoliciesCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import type { SandboxClients } from "./sandbox";

/**
 * Everything the given accounts can read of a sandbox through the SDK, as plain data: bucket
 * settings, every version's body digest and attributes, uploads in progress, roles and their
 * policies. Two views of the same world compare equal.
 */
export const worldView = async (clients: SandboxClients, accounts: string[]): Promise<Record<string, unknown>> => {
  const view: Record<string, unknown> = {};
  for (const account of accounts) {
    const global = clients.s3({ accessKeyId: account, region: "us-east-1" });
    const { Buckets = [] } = await global.send(new ListBucketsCommand({}));
    for (const { Name, BucketRegion, CreationDate } of Buckets) {
      const bucket = Name ?? "";
      const s3 = clients.s3({ accessKeyId: account, region: BucketRegion ?? "us-east-1" });
      const read = async (command: object) => plain(await s3.send(command as never).catch((error: Error) => ({ error: error.name })));
      const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
      const objects = [];
      for (const version of versions.Versions ?? []) {
        const input = { Bucket: bucket, Key: version.Key ?? "", VersionId: version.VersionId ?? "" };
        const got = await s3.send(new GetObjectCommand(input));
        const body = Buffer.from(await got.Body!.transformToByteArray());
        const { Body: _body, ...attributes } = got;
        objects.push({
          listed: plain(version),
          sha256: createHash("sha256").update(body).digest("hex"),
          attributes: plain(attributes),
          tagging: await read(new GetObjectTaggingCommand(input)),
        });
      }
      const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
      const parts = [];
      for (const upload of uploads.Uploads ?? []) {
        parts.push(await read(new ListPartsCommand({ Bucket: bucket, Key: upload.Key ?? "", UploadId: upload.UploadId ?? "" })));
      }
      view[`${account}/${bucket}`] = {
        region: BucketRegion,
        created: CreationDate?.toISOString(),
        location: await read(new GetBucketLocationCommand({ Bucket: bucket })),
        versioning: await read(new GetBucketVersioningCommand({ Bucket: bucket })),
        tagging: await read(new GetBucketTaggingCommand({ Bucket: bucket })),
        policy: await read(new GetBucketPolicyCommand({ Bucket: bucket })),
        lifecycle: await read(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket })),
        replication: await read(new GetBucketReplicationCommand({ Bucket: bucket })),
        accelerate: await read(new GetBucketAccelerateConfigurationCommand({ Bucket: bucket })),
        versions: objects,
        deleteMarkers: plain(versions.DeleteMarkers ?? []),
        uploads: plain(uploads.Uploads ?? []),
        parts,
      };
    }
    const iam = clients.iam({ accessKeyId: account });
    const { Roles = [] } = await iam.send(new ListRolesCommand({}));
    for (const { RoleName } of Roles) {
      const roleName = RoleName ?? "";
      const { PolicyNames = [] } = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }));
      const policies = [];
      for (const PolicyName of PolicyNames) policies.push(plain(await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName }))));
      view[`${account}/role/${roleName}`] = { role: plain(await iam.send(new GetRoleCommand({ RoleName: roleName }))), policies };
    }
  }
  return view;
};

/** An SDK output without what differs per request. */
const plain = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "$metadata" && key !== "RequestId")
        .map(([key, item]) => [key, plain(item)]),
    );
  }
  return value;
};
