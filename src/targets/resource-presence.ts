import { allPages } from "./iam-paging";
import type { NamedResource } from "./planned-resources";
import { regionOfLocation } from "./regions";
import { describeFault, faultOf, isAbsent } from "./sdk-faults";
import type { AwsClient } from "./target";

/**
 * Whether a bucket or role is there, and whose it is: the question the guard asks before it
 * lets a call change anything, and cleanup before it removes anything.
 */
export type Presence =
  | { state: "absent" }
  /** In the caller's account. `region` is unknown when GetBucketLocation was denied. */
  | { state: "inAccount"; region?: string; note?: string }
  /** Another account's bucket: the name is taken. */
  | { state: "elsewhere" }
  /** Could not tell (a permission is missing, the service failed): nothing may be changed. */
  | { state: "unknown"; reason: string };

/** Where the bucket lives (GetBucketLocation answers in any region), or undefined when it is gone. */
const bucketRegion = async (s3: AwsClient, bucket: string, account: string): Promise<string | undefined> => {
  const { GetBucketLocationCommand } = await import("@aws-sdk/client-s3");
  try {
    const answer = (await s3.send(new GetBucketLocationCommand({ Bucket: bucket, ExpectedBucketOwner: account }))) as {
      LocationConstraint?: string;
    };
    return regionOfLocation(answer.LocationConstraint);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
};

/**
 * GetBucketLocation with ExpectedBucketOwner answers in any region. Its 403 means either "another
 * account's bucket" or "yours, but you may not read its location" (a policy denies it, or the
 * credentials lack s3:GetBucketLocation); the account's own bucket list tells them apart.
 */
export const bucketPresence = async (s3: AwsClient, bucket: string, account: string): Promise<Presence> => {
  let locationFault: unknown;
  try {
    const region = await bucketRegion(s3, bucket, account);
    return region === undefined ? { state: "absent" } : { state: "inAccount", region };
  } catch (error) {
    const fault = faultOf(error);
    // A name S3 refuses cannot exist: a create of it fails, and nothing else can be changed.
    if (fault.code === "InvalidBucketName") return { state: "absent" };
    if (fault.status !== 403) return { state: "unknown", reason: `GetBucketLocation failed: ${describeFault(error)}` };
    locationFault = error;
  }
  try {
    if (!(await accountBuckets(s3, bucket)).some((listed) => listed.name === bucket)) return { state: "elsewhere" };
    return { state: "inAccount", note: `your account owns it, but GetBucketLocation was refused (${describeFault(locationFault)})` };
  } catch (error) {
    return {
      state: "unknown",
      reason: `GetBucketLocation was refused (${describeFault(locationFault)}) and ListBuckets too (${describeFault(error)}), so it is not known whose bucket it is`,
    };
  }
};

/** IAM roles belong to one account: GetRole either finds it in yours or it is absent. */
export const rolePresence = async (iam: AwsClient, role: string): Promise<Presence> => {
  const { GetRoleCommand } = await import("@aws-sdk/client-iam");
  try {
    await iam.send(new GetRoleCommand({ RoleName: role }));
    return { state: "inAccount" };
  } catch (error) {
    if (isAbsent(error)) return { state: "absent" };
    return { state: "unknown", reason: `GetRole failed: ${describeFault(error)}` };
  }
};

export const presenceOf = (client: AwsClient, resource: NamedResource, account: string): Promise<Presence> =>
  resource.kind === "bucket" ? bucketPresence(client, resource.name, account) : rolePresence(client, resource.name);

export interface ListedBucket {
  name: string;
  region?: string;
}

/** The account's buckets whose names start with `prefix` ("" for all), every page (ListBuckets' Prefix, checked here again). */
export const accountBuckets = async (s3: AwsClient, prefix: string): Promise<ListedBucket[]> => {
  const { ListBucketsCommand } = await import("@aws-sdk/client-s3");
  const found: ListedBucket[] = [];
  let token: string | undefined;
  do {
    const page = (await s3.send(new ListBucketsCommand({ ...(prefix ? { Prefix: prefix } : {}), ...(token ? { ContinuationToken: token } : {}) }))) as {
      Buckets?: { Name?: string; BucketRegion?: string }[];
      ContinuationToken?: string;
    };
    for (const bucket of page.Buckets ?? []) {
      if (bucket.Name?.startsWith(prefix)) found.push({ name: bucket.Name, ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}) });
    }
    token = page.ContinuationToken;
  } while (token);
  return found;
};

/** The account's roles whose names start with `prefix`, whatever their case (IAM names ignore it). */
export const accountRoles = async (iam: AwsClient, prefix: string): Promise<string[]> => {
  const { ListRolesCommand } = await import("@aws-sdk/client-iam");
  const roles = await allPages(iam, (Marker) => new ListRolesCommand({ Marker }), "Roles");
  return roles
    .map((role) => (role as { RoleName?: string }).RoleName ?? "")
    .filter((name) => name !== "" && name.toLowerCase().startsWith(prefix.toLowerCase()));
};
