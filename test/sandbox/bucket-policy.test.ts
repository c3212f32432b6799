import { CreateRoleCommand } from "@aws-sdk/client-iam";
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { rawRequest } from "../helpers/raw";
import { ACCOUNT_A, ACCOUNT_B, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

const { clients, sandbox } = useSandbox();
const owner = () => clients().s3({ accessKeyId: ACCOUNT_A });
const other = () => clients().s3({ accessKeyId: ACCOUNT_B });

/** A bucket of ACCOUNT_A with one tag, so GetBucketTagging has something to return. */
const newBucket = async (): Promise<string> => {
  const bucket = uniqueBucket("policy");
  await owner().send(new CreateBucketCommand({ Bucket: bucket }));
  await owner().send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: "team", Value: "a" }] } }));
  return bucket;
};

const statement = (bucket: string, fields: Record<string, unknown> = {}) => ({
  Sid: "Grant",
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${ACCOUNT_B}:root` },
  Action: ["s3:ListBucket", "s3:GetBucketTagging"],
  Resource: `arn:aws:s3:::${bucket}`,
  ...fields,
});

const policyOf = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

const putPolicy = (bucket: string, policy: string, client = owner()) =>
  client.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));

describe("Put/Get/DeleteBucketPolicy", () => {
  it("stores the policy text exactly as sent and returns it unchanged", async () => {
    const bucket = await newBucket();
    // Odd spacing and key order: S3 hands back the very bytes it was given.
    const policy = `{\n  "Statement": [ ${JSON.stringify(statement(bucket))} ],\n     "Version":"2012-10-17" }`;
    const put = await putPolicy(bucket, policy);
    expect(put.$metadata.httpStatusCode).toBe(204);
    const got = await owner().send(new GetBucketPolicyCommand({ Bucket: bucket }));
    expect(got.Policy).toBe(policy);
  });

  it("GetBucketPolicy answers raw JSON, not XML", async () => {
    const bucket = await newBucket();
    const policy = policyOf(statement(bucket));
    await putPolicy(bucket, policy);
    const response = await rawRequest(sandbox().endpoint, { method: "GET", path: `/${bucket}`, query: { policy: "" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.body).toBe(policy);
  });

  it("a bucket without a policy is NoSuchBucketPolicy", async () => {
    const bucket = await newBucket();
    const error = await failureOf(owner().send(new GetBucketPolicyCommand({ Bucket: bucket })));
    expect(error.name).toBe("NoSuchBucketPolicy");
    expect(error.message).toBe("The bucket policy does not exist");
    expect(error.$metadata?.httpStatusCode).toBe(404);
    expect((error as unknown as { BucketName?: string }).BucketName).toBe(bucket);
  });

  it("DeleteBucketPolicy answers 204 and removes the policy", async () => {
    const bucket = await newBucket();
    await putPolicy(bucket, policyOf(statement(bucket)));
    const deleted = await owner().send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const error = await failureOf(owner().send(new GetBucketPolicyCommand({ Bucket: bucket })));
    expect(error.name).toBe("NoSuchBucketPolicy");
  });
});

describe("PutBucketPolicy: MalformedPolicy", () => {
  const refused = async (policy: (bucket: string) => string, message: string) => {
    const bucket = await newBucket();
    const error = await failureOf(putPolicy(bucket, policy(bucket)));
    expect(error.name).toBe("MalformedPolicy");
    expect(error.message).toBe(message);
    expect(error.$metadata?.httpStatusCode).toBe(400);
  };

  it("text that is not a JSON object", () =>
    refused(() => "Statement: allow everything", "Policies must be valid JSON and the first byte must be '{'"));

  it("a missing Statement", () =>
    refused(() => JSON.stringify({ Version: "2012-10-17" }), "Missing required field Statement"));

  for (const field of ["Effect", "Principal", "Action", "Resource"]) {
    it(`a statement without ${field}`, () =>
      refused((bucket) => {
        const withoutField: Record<string, unknown> = statement(bucket);
        delete withoutField[field];
        return policyOf(withoutField);
      }, `Missing required field ${field}`));
  }

  it("an Effect other than Allow or Deny", () =>
    refused((bucket) => policyOf(statement(bucket, { Effect: "Permit" })), "Invalid effect: Permit"));

  it("an action of another service", () =>
    refused((bucket) => policyOf(statement(bucket, { Action: ["s3:ListBucket", "iam:PassRole"] })), "Policy has invalid action"));

  it("a resource of another bucket", () =>
    refused(
      (bucket) => policyOf(statement(bucket, { Resource: [`arn:aws:s3:::${bucket}`, "arn:aws:s3:::someone-elses-bucket"] })),
      "Policy has invalid resource",
    ));

  it("a bare * resource", () => refused((bucket) => policyOf(statement(bucket, { Resource: "*" })), "Policy has invalid resource"));

  for (const [label, principal] of [
    ["an access key", { AWS: "AKIAIOSFODNN7EXAMPLE" }],
    ["an account id that is not 12 digits", { AWS: "12345" }],
    ["a role that does not exist", { AWS: `arn:aws:iam::${ACCOUNT_B}:role/no-such-role` }],
    ["an unknown principal type", { Team: "platform" }],
  ] as const) {
    it(`a principal that is ${label}`, () =>
      refused((bucket) => policyOf(statement(bucket, { Principal: principal })), "Invalid principal in policy"));
  }

  it("an object action on the bucket ARN alone", () =>
    refused(
      (bucket) => policyOf(statement(bucket, { Action: "s3:GetObject" })),
      "Action does not apply to any resource(s) in statement",
    ));

  it("a policy over 20 KB", () =>
    refused(
      (bucket) =>
        policyOf(
          ...Array.from({ length: 120 }, (_, index) =>
            statement(bucket, { Sid: `S${index}`, Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket}/${"k".repeat(120)}/*` }),
          ),
        ),
      "Policy exceeds the maximum allowed document size.",
    ));

  it("accepts wildcard actions, object resources and every principal form", async () => {
    const bucket = await newBucket();
    const policy = policyOf(
      statement(bucket, {
        Principal: { AWS: [ACCOUNT_B, `arn:aws:iam::${ACCOUNT_B}:root`, `arn:aws:iam::${ACCOUNT_B}:user/dev/alice`] },
        Action: ["s3:*", "s3:Get*"],
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`, `arn:aws:s3:::${bucket}/logs/??/*`],
      }),
      statement(bucket, { Sid: "Logs", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: `arn:aws:s3:::${bucket}/*` }),
    );
    const put = await putPolicy(bucket, policy);
    expect(put.$metadata.httpStatusCode).toBe(204);
  });
});

describe("PutBucketPolicy: role principals", () => {
  it("accepts a role that exists in the sandbox, path included", async () => {
    const bucket = await newBucket();
    const RoleName = `reader-${Date.now().toString(36)}`;
    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT_B}:root` }, Action: "sts:AssumeRole" }],
    });
    const { Role } = await clients()
      .iam({ accessKeyId: ACCOUNT_B })
      .send(new CreateRoleCommand({ RoleName, Path: "/team/", AssumeRolePolicyDocument: trust }));
    expect(Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT_B}:role/team/${RoleName}`);
    const put = await putPolicy(bucket, policyOf(statement(bucket, { Principal: { AWS: Role?.Arn } })));
    expect(put.$metadata.httpStatusCode).toBe(204);
    // The same name under another path is another role, and it does not exist.
    const error = await failureOf(
      putPolicy(bucket, policyOf(statement(bucket, { Principal: { AWS: `arn:aws:iam::${ACCOUNT_B}:role/${RoleName}` } }))),
    );
    expect(error.message).toBe("Invalid principal in policy");
  });
});

describe("PutBucketPolicy: Block Public Access", () => {
  const blockedMessage = (bucket: string) =>
    `User: arn:aws:iam::${ACCOUNT_A}:root is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket}" because public policies are blocked by the BlockPublicPolicy block public access setting.`;

  it("an empty Condition does not make a public grant private", async () => {
    const bucket = await newBucket();
    const policy = policyOf(
      statement(bucket, { Principal: "*", Action: "s3:ListBucket", Condition: { StringEquals: {} } }),
    );
    const error = await failureOf(putPolicy(bucket, policy));
    expect(error.message).toBe(blockedMessage(bucket));
  });

  for (const principal of ["*", { AWS: "*" }, { AWS: ["*"] }]) {
    it(`refuses an Allow to ${JSON.stringify(principal)} without a condition`, async () => {
      const bucket = await newBucket();
      const policy = policyOf(statement(bucket, { Principal: principal, Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket}/*` }));
      const error = await failureOf(putPolicy(bucket, policy));
      expect(error.name).toBe("AccessDenied");
      expect(error.$metadata?.httpStatusCode).toBe(403);
      expect(error.message).toBe(blockedMessage(bucket));
    });
  }

  it("accepts a Deny to everyone and an Allow to everyone narrowed by a condition", async () => {
    const bucket = await newBucket();
    const policy = policyOf(
      { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
      { Sid: "NoDeletes", Effect: "Deny", Principal: { AWS: "*" }, Action: "s3:DeleteBucket", Resource: `arn:aws:s3:::${bucket}` },
      { Sid: "Org", Effect: "Allow", Principal: "*", Action: "s3:ListBucket", Resource: `arn:aws:s3:::${bucket}`, Condition: { StringEquals: { "aws:PrincipalAccount": ACCOUNT_B } } },
    );
    const put = await putPolicy(bucket, policy);
    expect(put.$metadata.httpStatusCode).toBe(204);
  });
});

describe("cross-account access through the bucket policy", () => {
  it("another account is denied bucket reads by default", async () => {
    const bucket = await newBucket();
    const head = await failureOf(other().send(new HeadBucketCommand({ Bucket: bucket })));
    expect(head.$metadata?.httpStatusCode).toBe(403);
    const tagging = await failureOf(other().send(new GetBucketTaggingCommand({ Bucket: bucket })));
    expect(tagging.name).toBe("AccessDenied");
    expect(tagging.message).toBe("Access Denied");
  });

  for (const [label, principal] of [
    ["its root ARN", `arn:aws:iam::${ACCOUNT_B}:root`],
    ["its bare account id", ACCOUNT_B],
  ]) {
    it(`a policy naming ${label} grants exactly the actions it lists`, async () => {
      const bucket = await newBucket();
      await putPolicy(bucket, policyOf(statement(bucket, { Principal: { AWS: principal } })));
      const head = await other().send(new HeadBucketCommand({ Bucket: bucket }));
      expect(head.$metadata.httpStatusCode).toBe(200);
      const tagging = await other().send(new GetBucketTaggingCommand({ Bucket: bucket }));
      expect(tagging.TagSet).toEqual([{ Key: "team", Value: "a" }]);
      // Neither granted: still denied.
      const versioning = await failureOf(other().send(new GetBucketVersioningCommand({ Bucket: bucket })));
      expect(versioning.name).toBe("AccessDenied");
      const write = await failureOf(
        other().send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: "team", Value: "b" }] } })),
      );
      expect(write.name).toBe("AccessDenied");
    });
  }

  it("an explicit Deny beats the owner, who can still read and delete the policy", async () => {
    const bucket = await newBucket();
    const policy = policyOf(
      statement(bucket, { Sid: "NoTagReads", Effect: "Deny", Principal: { AWS: `arn:aws:iam::${ACCOUNT_A}:root` }, Action: "s3:GetBucketTagging" }),
    );
    await putPolicy(bucket, policy);
    const error = await failureOf(owner().send(new GetBucketTaggingCommand({ Bucket: bucket })));
    expect(error.name).toBe("AccessDenied");
    expect(error.$metadata?.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: arn:aws:iam::${ACCOUNT_A}:root is not authorized to perform: s3:GetBucketTagging on resource: "arn:aws:s3:::${bucket}" with an explicit deny in a resource-based policy`,
    );
    // Other actions are untouched by the Deny.
    const versioning = await owner().send(new GetBucketVersioningCommand({ Bucket: bucket }));
    expect(versioning.$metadata.httpStatusCode).toBe(200);
    // The owner's root may always manage the policy, which is how it recovers.
    const got = await owner().send(new GetBucketPolicyCommand({ Bucket: bucket }));
    expect(got.Policy).toBe(policy);
    await owner().send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
    const tagging = await owner().send(new GetBucketTaggingCommand({ Bucket: bucket }));
    expect(tagging.TagSet).toEqual([{ Key: "team", Value: "a" }]);
  });

  it("another account may never manage the policy: 405 even when the policy grants it", async () => {
    const bucket = await newBucket();
    await putPolicy(
      bucket,
      policyOf(statement(bucket, { Action: ["s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"] })),
    );
    const get = await failureOf(other().send(new GetBucketPolicyCommand({ Bucket: bucket })));
    expect(get.name).toBe("MethodNotAllowed");
    expect(get.$metadata?.httpStatusCode).toBe(405);
    const put = await failureOf(putPolicy(bucket, policyOf(statement(bucket)), other()));
    expect(put.name).toBe("MethodNotAllowed");
  });

  it("another account without a grant is AccessDenied on the policy, not 405", async () => {
    const bucket = await newBucket();
    const error = await failureOf(other().send(new GetBucketPolicyCommand({ Bucket: bucket })));
    expect(error.name).toBe("AccessDenied");
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });
});
