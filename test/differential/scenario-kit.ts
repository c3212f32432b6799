import { DeleteRoleCommand, DeleteRolePolicyCommand, ListRolePoliciesCommand } from "@aws-sdk/client-iam";
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketReplicationCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  type BucketLocationConstraint,
} from "@aws-sdk/client-s3";
import { randomBytes } from "node:crypto";
import type { Identity, Subject } from "./subjects";

/** Tools scenarios share: outcomes told as short strings, fresh names, and removal of what they made. */

type SdkFailure = { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };

/** "409 BucketAlreadyExists": the status and code of a failed call (HEAD errors have no body, so only the status is sure). */
export const failureOf = (error: unknown): string => {
  const { name, Code, $metadata } = (error ?? {}) as SdkFailure;
  const code = Code ?? name ?? "Error";
  const status = $metadata?.httpStatusCode;
  // The SDK names a bodiless HEAD error by its status, or "Unknown".
  return status === undefined ? `no answer: ${code}` : /^(\d+|Unknown|UnknownError)$/.test(code) ? `${status}` : `${status} ${code}`;
};

/** The status of the answer ("200", "204") when the call works, else its failure. */
export const outcomeOf = async (work: () => Promise<{ $metadata?: { httpStatusCode?: number } }>): Promise<string> => {
  try {
    return String((await work()).$metadata?.httpStatusCode ?? "ok");
  } catch (error) {
    return failureOf(error);
  }
};

/** A bucket (or role) name no earlier run used: the peers keep state between runs on a developer's machine. */
export const freshName = (stem: string): string => `dt-${stem}-${randomBytes(4).toString("hex")}`;

export const locationFor = (region: string) =>
  region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } };

/**
 * What one scenario made, removed afterwards whatever happened: buckets with every version, and
 * roles with their inline policies. Failures are ignored; the peers are thrown away after CI.
 */
export class Scratch {
  private buckets: { name: string; identity: Identity; region: string }[] = [];
  private roles: { name: string; identity: Identity }[] = [];

  constructor(readonly subject: Subject) {}

  /** CreateBucket in `region` (with its LocationConstraint), remembered for removal. */
  async bucket(name: string, region: string, identity: Identity = "me"): Promise<string> {
    this.buckets.push({ name, identity, region });
    await this.subject.s3(identity, region).send(new CreateBucketCommand({ Bucket: name, ...locationFor(region) }));
    return name;
  }

  /** Remembers a bucket a scenario created itself (e.g. with an odd request), for removal. */
  track(name: string, region: string, identity: Identity = "me"): void {
    this.buckets.push({ name, identity, region });
  }

  trackRole(name: string, identity: Identity = "me"): void {
    this.roles.push({ name, identity });
  }

  async clear(): Promise<void> {
    for (const { name, identity, region } of this.buckets.splice(0).reverse()) {
      const s3 = this.subject.s3(identity, region);
      await s3.send(new DeleteBucketReplicationCommand({ Bucket: name })).catch(() => undefined);
      const page = await s3.send(new ListObjectVersionsCommand({ Bucket: name })).catch(() => undefined);
      const objects = [...(page?.Versions ?? []), ...(page?.DeleteMarkers ?? [])].map(({ Key, VersionId }) => ({ Key, VersionId }));
      if (objects.length > 0) await s3.send(new DeleteObjectsCommand({ Bucket: name, Delete: { Objects: objects } })).catch(() => undefined);
      await s3.send(new DeleteBucketCommand({ Bucket: name })).catch(() => undefined);
    }
    for (const { name, identity } of this.roles.splice(0)) {
      const iam = this.subject.iam(identity);
      const policies = await iam.send(new ListRolePoliciesCommand({ RoleName: name })).catch(() => undefined);
      for (const policy of policies?.PolicyNames ?? []) {
        await iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: policy })).catch(() => undefined);
      }
      await iam.send(new DeleteRoleCommand({ RoleName: name })).catch(() => undefined);
    }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
