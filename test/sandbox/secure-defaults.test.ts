import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketEncryptionCommand,
  DeleteBucketOwnershipControlsCommand,
  DeletePublicAccessBlockCommand,
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyStatusCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadObjectCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { errorCode, rawRequest } from "../helpers/raw";
import { ACCOUNT_A, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

const { clients, sandbox } = useSandbox();
const s3 = () => clients().s3({ accessKeyId: ACCOUNT_A });

const newBucket = async (stem = "secure"): Promise<string> => {
  const bucket = uniqueBucket(stem);
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
};

const publicRead = (bucket: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket}/*`, ...extra }],
  });

const codeAndStatus = (error: Error & { $metadata?: { httpStatusCode?: number } }) => [error.name, error.$metadata?.httpStatusCode];

describe("every new object is encrypted with SSE-S3", () => {
  it("PutObject, GetObject and HeadObject say AES256", async () => {
    const bucket = await newBucket();
    const put = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "a.txt", Body: "hello" }));
    expect(put.ServerSideEncryption).toBe("AES256");
    const got = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: "a.txt" }));
    expect(got.ServerSideEncryption).toBe("AES256");
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "a.txt" }));
    expect(head.ServerSideEncryption).toBe("AES256");
  });

  it("CopyObject, CreateMultipartUpload and CompleteMultipartUpload say AES256", async () => {
    const bucket = await newBucket();
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "a.txt", Body: "hello" }));
    const copy = await s3().send(new CopyObjectCommand({ Bucket: bucket, Key: "b.txt", CopySource: `${bucket}/a.txt` }));
    expect(copy.ServerSideEncryption).toBe("AES256");
    const created = await s3().send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: "big" }));
    expect(created.ServerSideEncryption).toBe("AES256");
    const part = await s3().send(new UploadPartCommand({ Bucket: bucket, Key: "big", UploadId: created.UploadId, PartNumber: 1, Body: "x" }));
    const done = await s3().send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: "big",
        UploadId: created.UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    expect(done.ServerSideEncryption).toBe("AES256");
  });

  it("GetBucketEncryption shows the SSE-S3 rule of a new bucket; deleting the rule brings it back", async () => {
    const bucket = await newBucket();
    const sseS3 = [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" }, BucketKeyEnabled: false }];
    const first = await s3().send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    expect(first.ServerSideEncryptionConfiguration?.Rules).toEqual(sseS3);

    await s3().send(
      new PutBucketEncryptionCommand({
        Bucket: bucket,
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" }, BucketKeyEnabled: true }] },
      }),
    );
    const changed = await s3().send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    expect(changed.ServerSideEncryptionConfiguration?.Rules?.[0]?.BucketKeyEnabled).toBe(true);

    await s3().send(new DeleteBucketEncryptionCommand({ Bucket: bucket }));
    const reverted = await s3().send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    expect(reverted.ServerSideEncryptionConfiguration?.Rules).toEqual(sseS3);
  });

  it("an upload that asks for SSE-S3 gets it; SSE-KMS and SSE-C are refused in words, never answered AES256", async () => {
    const bucket = await newBucket();
    const asked = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "a.txt", Body: "a", ServerSideEncryption: "AES256" }));
    expect(asked.ServerSideEncryption).toBe("AES256");
    const kms = await failureOf(s3().send(new PutObjectCommand({ Bucket: bucket, Key: "k.txt", Body: "k", ServerSideEncryption: "aws:kms" })));
    expect(codeAndStatus(kms)).toEqual(["NotImplemented", 501]);
    expect(kms.message).toContain("no AWS KMS");
    const copied = await failureOf(
      s3().send(new CopyObjectCommand({ Bucket: bucket, Key: "c.txt", CopySource: `${bucket}/a.txt`, ServerSideEncryption: "aws:kms:dsse" })),
    );
    expect(codeAndStatus(copied)).toEqual(["NotImplemented", 501]);
    const customer = await failureOf(
      s3().send(
        new CreateMultipartUploadCommand({
          Bucket: bucket,
          Key: "m",
          SSECustomerAlgorithm: "AES256",
          SSECustomerKey: "0123456789abcdef0123456789abcdef",
        }),
      ),
    );
    expect(codeAndStatus(customer)).toEqual(["NotImplemented", 501]);
    expect(customer.message).toContain("SSE-C");
  });

  it("an SSE-KMS default is refused in words: the sandbox has no KMS", async () => {
    const bucket = await newBucket();
    const error = await failureOf(
      s3().send(
        new PutBucketEncryptionCommand({
          Bucket: bucket,
          ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" } }] },
        }),
      ),
    );
    expect(codeAndStatus(error)).toEqual(["NotImplemented", 501]);
    expect(error.message).toContain("no AWS KMS");
  });
});

describe("Block Public Access is on for new buckets", () => {
  it("GetPublicAccessBlock answers all four settings true", async () => {
    const bucket = await newBucket();
    const got = await s3().send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
    expect(got.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
  });

  it("a public policy is refused with AWS's AccessDenied while BlockPublicPolicy is on", async () => {
    const bucket = await newBucket();
    const error = await failureOf(s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead(bucket) })));
    expect(codeAndStatus(error)).toEqual(["AccessDenied", 403]);
    expect(error.message).toBe(
      `User: arn:aws:iam::${ACCOUNT_A}:root is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
    );
  });

  it("Principal * narrowed to a VPC endpoint or an IP range is not public either", async () => {
    for (const condition of [{ StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } }, { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }]) {
      const bucket = await newBucket();
      await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead(bucket, { Condition: condition }) }));
      const status = await s3().send(new GetBucketPolicyStatusCommand({ Bucket: bucket }));
      expect(status.PolicyStatus?.IsPublic).toBe(false);
    }
  });

  it("Principal * narrowed to one Organization is not public, and is stored", async () => {
    const bucket = await newBucket();
    const policy = publicRead(bucket, { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } });
    await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
    const status = await s3().send(new GetBucketPolicyStatusCommand({ Bucket: bucket }));
    expect(status.PolicyStatus?.IsPublic).toBe(false);
  });

  for (const [what, condition] of [
    ["a condition on a key that does not say who asks", { StringEquals: { "s3:x-amz-acl": "private" } }],
    ["an Organization given as a wildcard", { StringLike: { "aws:PrincipalOrgID": "o-*" } }],
    ["a negated condition", { StringNotEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }],
    ["an IP range that is the whole internet", { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }],
    ["an IPv4 range broader than /8", { IpAddress: { "aws:SourceIp": "0.0.0.0/1" } }],
    ["an IPv6 range broader than /32", { IpAddress: { "aws:SourceIp": "2001:db8::/16" } }],
    ["a policy variable for the account", { StringEquals: { "aws:PrincipalAccount": "${aws:PrincipalAccount}" } }],
  ] as const) {
    it(`Principal * with ${what} is still public`, async () => {
      const bucket = await newBucket();
      const error = await failureOf(s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead(bucket, { Condition: condition }) })));
      expect(codeAndStatus(error)).toEqual(["AccessDenied", 403]);
    });
  }

  it("with BlockPublicPolicy off a public policy is stored, and its status says public", async () => {
    const bucket = await newBucket();
    await s3().send(
      new PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true },
      }),
    );
    await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead(bucket) }));
    const status = await s3().send(new GetBucketPolicyStatusCommand({ Bucket: bucket }));
    expect(status.PolicyStatus?.IsPublic).toBe(true);
    // Settings left out of a PUT are false.
    await s3().send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true } }));
    const got = await s3().send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
    expect(got.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: false,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    });
  });

  it("after DeletePublicAccessBlock GetPublicAccessBlock is 404 and public policies are accepted", async () => {
    const bucket = await newBucket();
    await s3().send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
    const error = await failureOf(s3().send(new GetPublicAccessBlockCommand({ Bucket: bucket })));
    expect(codeAndStatus(error)).toEqual(["NoSuchPublicAccessBlockConfiguration", 404]);
    expect(error.message).toBe("The public access block configuration was not found");
    await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead(bucket) }));
  });
});

describe("ACLs are disabled for new buckets (Object Ownership BucketOwnerEnforced)", () => {
  it("GetBucketOwnershipControls answers BucketOwnerEnforced", async () => {
    const bucket = await newBucket();
    const got = await s3().send(new GetBucketOwnershipControlsCommand({ Bucket: bucket }));
    expect(got.OwnershipControls?.Rules).toEqual([{ ObjectOwnership: "BucketOwnerEnforced" }]);
  });

  it("an ACL that grants anything is 400 AccessControlListNotSupported", async () => {
    const bucket = await newBucket();
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "a.txt", Body: "a" }));
    for (const attempt of [
      () => s3().send(new PutBucketAclCommand({ Bucket: bucket, ACL: "public-read" })),
      () => s3().send(new PutBucketAclCommand({ Bucket: bucket, ACL: "private" })),
      () => s3().send(new PutObjectAclCommand({ Bucket: bucket, Key: "a.txt", ACL: "public-read" })),
      () => s3().send(new PutObjectCommand({ Bucket: bucket, Key: "b.txt", Body: "b", ACL: "public-read" })),
      () => s3().send(new PutObjectCommand({ Bucket: bucket, Key: "b.txt", Body: "b", GrantRead: 'uri="http://acs.amazonaws.com/groups/global/AllUsers"' })),
      () => s3().send(new CopyObjectCommand({ Bucket: bucket, Key: "c.txt", CopySource: `${bucket}/a.txt`, ACL: "authenticated-read" })),
    ]) {
      const error = await failureOf(attempt());
      expect(codeAndStatus(error)).toEqual(["AccessControlListNotSupported", 400]);
      expect(error.message).toBe("The bucket does not allow ACLs");
    }
  });

  it("bucket-owner-full-control is still accepted, and reading an ACL shows the owner's full control", async () => {
    const bucket = await newBucket();
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "a.txt", Body: "a", ACL: "bucket-owner-full-control" }));
    for (const acl of [
      await s3().send(new GetBucketAclCommand({ Bucket: bucket })),
      await s3().send(new GetObjectAclCommand({ Bucket: bucket, Key: "a.txt" })),
    ]) {
      expect(acl.Grants).toHaveLength(1);
      expect(acl.Grants?.[0]).toMatchObject({ Permission: "FULL_CONTROL", Grantee: { Type: "CanonicalUser", ID: acl.Owner?.ID } });
    }
  });

  it("CreateBucket with a public ACL and ACLs disabled is InvalidBucketAclWithObjectOwnership", async () => {
    const error = await failureOf(s3().send(new CreateBucketCommand({ Bucket: uniqueBucket("acl"), ACL: "public-read" })));
    expect(codeAndStatus(error)).toEqual(["InvalidBucketAclWithObjectOwnership", 400]);
  });

  it("with ACLs enabled, Block Public Access still refuses a public ACL", async () => {
    const bucket = await newBucket();
    await s3().send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: "ObjectWriter" }] } }));
    const error = await failureOf(s3().send(new PutObjectCommand({ Bucket: bucket, Key: "a.txt", Body: "a", ACL: "public-read" })));
    expect(codeAndStatus(error)).toEqual(["AccessDenied", 403]);
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "a.txt", Body: "a", ACL: "private" }));
  });

  it("after DeleteBucketOwnershipControls GetBucketOwnershipControls is 404", async () => {
    const bucket = await newBucket();
    await s3().send(new DeleteBucketOwnershipControlsCommand({ Bucket: bucket }));
    const error = await failureOf(s3().send(new GetBucketOwnershipControlsCommand({ Bucket: bucket })));
    expect(codeAndStatus(error)).toEqual(["OwnershipControlsNotFoundError", 404]);
    expect(error.message).toBe("The bucket ownership controls were not found");
  });

  it("an unknown ObjectOwnership is MalformedXML", async () => {
    const bucket = await newBucket();
    const error = await failureOf(
      s3().send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: "Nobody" as never }] } })),
    );
    expect(codeAndStatus(error)).toEqual(["MalformedXML", 400]);
  });
});

describe("the new settings' bad input", () => {
  for (const [what, query, body] of [
    ["a Block Public Access setting that is not true or false", "publicAccessBlock", "<PublicAccessBlockConfiguration><BlockPublicAcls>yes</BlockPublicAcls></PublicAccessBlockConfiguration>"],
    ["a Block Public Access setting that is an element", "publicAccessBlock", "<PublicAccessBlockConfiguration><BlockPublicAcls><On/></BlockPublicAcls></PublicAccessBlockConfiguration>"],
    ["two default encryption rules", "encryption", "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>"],
    ["an unknown encryption algorithm", "encryption", "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>ROT13</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>"],
    ["ownership controls without a rule", "ownershipControls", "<OwnershipControls></OwnershipControls>"],
  ] as const) {
    it(`${what} is MalformedXML`, async () => {
      const bucket = await newBucket("bad");
      const response = await rawRequest(sandbox().endpoint, { method: "PUT", path: `/${bucket}`, query: { [query]: "" }, body });
      expect(response.status).toBe(400);
      expect(errorCode(response.body)).toBe("MalformedXML");
    });
  }
});
