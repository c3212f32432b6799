import { describe, expect, it } from "vitest";
import { xformName } from "../../src/handson/xform-name";

describe("xformName (botocore's xform_name with '-')", () => {
  it.each([
    ["CreateBucket", "create-bucket"],
    ["ListObjectsV2", "list-objects-v2"],
    ["ContentMD5", "content-md5"],
    ["SSECustomerKeyMD5", "sse-customer-key-md5"],
    ["GetBucketAcl", "get-bucket-acl"],
    ["ACL", "acl"],
    ["VersionId", "version-id"],
    ["GetCallerIdentity", "get-caller-identity"],
    ["AssumeRolePolicyDocument", "assume-role-policy-document"],
    ["ListOpenIDConnectProviders", "list-open-id-connect-providers"],
    ["GatewayARNs", "gateway-arns"],
    ["already-done", "already-done"],
  ])("%s → %s", (name, expected) => {
    expect(xformName(name)).toBe(expected);
  });
});
