import { ServiceError } from "../errors";
import { header } from "../http/exchange";
import { child, children, isElement, malformedXml, parseXml, text } from "../http/xml";
import { objectArn, type Bucket } from "../world/bucket";
import { openBucket } from "./access";
import type { S3Call, S3Handler } from "./call";
import { accessDenied, noSuchKey, noSuchVersion } from "./errors";
import { requestedVersion } from "./object-version";
import { canonicalUserId, emptyResponse, xmlResponse } from "./respond";

/**
 * ACLs as S3 treats them since April 2023. With Object Ownership BucketOwnerEnforced (the
 * default) ACLs are disabled: reading one shows the bucket owner's FULL_CONTROL, and a request
 * that sets one fails with 400 AccessControlListNotSupported unless it only gives the bucket
 * owner full control (userguide/object-ownership-error-responses.html). With ACLs enabled, a
 * public ACL is refused while BlockPublicAcls is on. The sandbox does not keep ACL grants to
 * anyone but the owner (nothing it does would honour them), so it says so instead of storing one.
 */

type Grantee = { kind: "owner" } | { kind: "public"; group: string } | { kind: "other"; shown: string };

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

/** What each canned ACL grants besides the owner's full control. */
const CANNED: Record<string, Grantee[]> = {
  private: [],
  "bucket-owner-full-control": [],
  "bucket-owner-read": [],
  "public-read": [{ kind: "public", group: "AllUsers" }],
  "public-read-write": [{ kind: "public", group: "AllUsers" }],
  "authenticated-read": [{ kind: "public", group: "AuthenticatedUsers" }],
  "aws-exec-read": [{ kind: "other", shown: "Amazon EC2 (aws-exec-read)" }],
  "log-delivery-write": [{ kind: "other", shown: "the LogDelivery group (log-delivery-write)" }],
};

const GRANT_HEADERS = ["x-amz-grant-read", "x-amz-grant-write", "x-amz-grant-read-acp", "x-amz-grant-write-acp", "x-amz-grant-full-control"];

const granteeNamed = (bucket: Bucket, type: string, value: string): Grantee => {
  if (type === "uri" && value === ALL_USERS) return { kind: "public", group: "AllUsers" };
  if (type === "uri" && value === AUTHENTICATED_USERS) return { kind: "public", group: "AuthenticatedUsers" };
  if (type === "id" && value === canonicalUserId(bucket.owner)) return { kind: "owner" };
  return { kind: "other", shown: `${type}=${value}` };
};

/** x-amz-grant-* values: `id="…", uri="…", emailAddress="…"`, comma-separated. */
const headerGrants = (bucket: Bucket, value: string): Grantee[] =>
  value.split(",").map((entry) => {
    const match = /^\s*(id|uri|emailAddress)\s*=\s*"?([^"]*)"?\s*$/i.exec(entry);
    if (!match) throw new ServiceError("InvalidArgument", 400, "Invalid id", { ArgumentName: "x-amz-grant", ArgumentValue: entry.trim() });
    return granteeNamed(bucket, (match[1] ?? "").toLowerCase() === "emailaddress" ? "emailAddress" : (match[1] ?? "").toLowerCase(), match[2] ?? "");
  });

/** An <AccessControlPolicy> body's grantees. */
const bodyGrants = (bucket: Bucket, body: Buffer): Grantee[] => {
  const policy = parseXml(body, "AccessControlPolicy", ["Grant"]);
  const list = child(policy, "AccessControlList");
  return children(list, "Grant")
    .filter(isElement)
    .map((grant) => {
      const grantee = child(grant, "Grantee");
      if (!isElement(grantee)) throw malformedXml();
      const id = text(child(grantee, "ID"));
      const uri = text(child(grantee, "URI"));
      const email = text(child(grantee, "EmailAddress"));
      if (id !== undefined) return granteeNamed(bucket, "id", id.trim());
      if (uri !== undefined) return granteeNamed(bucket, "uri", uri.trim());
      if (email !== undefined) return granteeNamed(bucket, "emailAddress", email.trim());
      throw malformedXml();
    });
};

interface RequestedAcl {
  canned?: string;
  grantees: Grantee[];
}

/** The ACL a request asks for, from x-amz-acl, x-amz-grant-* or (PutBucketAcl/PutObjectAcl) the body; undefined if none. */
const requestedAcl = (call: S3Call, bucket: Bucket, readBody: boolean): RequestedAcl | undefined => {
  const canned = header(call.request, "x-amz-acl");
  if (canned !== undefined) {
    const grantees = CANNED[canned];
    if (!grantees) throw new ServiceError("InvalidArgument", 400, "", { ArgumentName: "x-amz-acl", ArgumentValue: canned });
    return { canned, grantees };
  }
  const granted = GRANT_HEADERS.flatMap((name) => {
    const value = header(call.request, name);
    return value === undefined ? [] : headerGrants(bucket, value);
  });
  if (granted.length > 0) return { grantees: granted };
  if (readBody && call.request.body.length > 0) return { grantees: bodyGrants(bucket, call.request.body) };
  return undefined;
};

export const aclNotSupported = () => new ServiceError("AccessControlListNotSupported", 400, "The bucket does not allow ACLs");

/**
 * The check every request that can carry an ACL passes (PutObject, CopyObject,
 * CreateMultipartUpload, PutBucketAcl, PutObjectAcl). Returns whether an ACL was given.
 */
export const checkRequestedAcl = (call: S3Call, bucket: Bucket, readBody = false): boolean => {
  const acl = requestedAcl(call, bucket, readBody);
  if (!acl) return false;
  const ownerOnly = acl.grantees.every((grantee) => grantee.kind === "owner");
  if (bucket.objectOwnership === "BucketOwnerEnforced") {
    // Only "the bucket owner has full control" is still accepted: bucket-owner-full-control, or the same said in grants.
    const accepted = acl.canned === "bucket-owner-full-control" || (acl.canned === undefined && ownerOnly);
    if (!accepted) throw aclNotSupported();
    return true;
  }
  if (bucket.publicAccessBlock?.BlockPublicAcls && acl.grantees.some((grantee) => grantee.kind === "public")) throw accessDenied();
  if (!ownerOnly) {
    const shown = acl.grantees.flatMap((grantee) =>
      grantee.kind === "public" ? [`the ${grantee.group} group`] : grantee.kind === "other" ? [grantee.shown] : [],
    );
    throw new ServiceError(
      "NotImplemented",
      501,
      `The sandbox does not keep ACL grants to anyone but the bucket owner (this one grants ${[...new Set(shown)].join(", ")}). AWS would store it; keep ACLs disabled and grant access with a bucket policy.`,
    );
  }
  return true;
};

/**
 * CreateBucket's ACL headers: with ACLs disabled only an ACL that keeps everything to the owner
 * (private) is accepted; otherwise the checks of any other ACL request.
 */
export const checkCreateBucketAcl = (call: S3Call, bucket: Bucket): void => {
  if (bucket.objectOwnership !== "BucketOwnerEnforced") {
    checkRequestedAcl(call, bucket);
    return;
  }
  const acl = requestedAcl(call, bucket, false);
  if (acl && !acl.grantees.every((grantee) => grantee.kind === "owner")) {
    throw new ServiceError("InvalidBucketAclWithObjectOwnership", 400, "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
  }
};

/** What reading an ACL shows: the bucket owner with full control (all that ACLs-disabled buckets can have). */
const ownerAcl = (bucket: Bucket) => {
  const id = canonicalUserId(bucket.owner);
  return xmlResponse("AccessControlPolicy", {
    Owner: { ID: id },
    AccessControlList: {
      Grant: {
        Grantee: { "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "@_xsi:type": "CanonicalUser", ID: id },
        Permission: "FULL_CONTROL",
      },
    },
  });
};

const getBucketAcl: S3Handler = (call) => ownerAcl(openBucket(call, "s3:GetBucketAcl"));

const putBucketAcl: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutBucketAcl");
  if (!checkRequestedAcl(call, bucket, true)) throw malformedXml();
  return emptyResponse(200);
};

/** The object version an ACL request is about; ACLs belong to versions, and a missing one is NoSuchKey/NoSuchVersion. */
const aclObject = (call: S3Call, action: string, versionAction: string): Bucket => {
  const versionId = requestedVersion(call.request);
  const bucket = openBucket(call, versionId === undefined ? action : versionAction, { resource: objectArn(call.bucket, call.key) });
  const version = versionId === undefined ? bucket.objects.latest(call.key) : bucket.objects.version(call.key, versionId);
  if (!version || version.kind === "deleteMarker") throw versionId === undefined ? noSuchKey(call.key) : noSuchVersion(call.key, versionId);
  return bucket;
};

const getObjectAcl: S3Handler = (call) => ownerAcl(aclObject(call, "s3:GetObjectAcl", "s3:GetObjectVersionAcl"));

const putObjectAcl: S3Handler = (call) => {
  const bucket = aclObject(call, "s3:PutObjectAcl", "s3:PutObjectVersionAcl");
  if (!checkRequestedAcl(call, bucket, true)) throw malformedXml();
  return emptyResponse(200);
};

export const aclHandlers: Record<string, S3Handler> = {
  GetBucketAcl: getBucketAcl,
  PutBucketAcl: putBucketAcl,
  GetObjectAcl: getObjectAcl,
  PutObjectAcl: putObjectAcl,
};
