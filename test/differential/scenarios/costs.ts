import { GetObjectCommand, PutBucketLifecycleConfigurationCommand, PutBucketPolicyCommand, PutBucketRequestPaymentCommand, PutObjectCommand, type LifecycleRule } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { freshName, outcomeOf, type Scratch } from "../scenario-kit";
import { HOME, type Scenario } from "../scenario";

const PAYS = "Requester Pays";
const CLEAN_UP = "Lifecycle clean-up of hidden storage";

/**
 * My bucket with one object the other account may read (the bucket policy says so), switched to
 * Requester Pays: what a read by the other account answers, with or without accepting the charge.
 */
const requesterPaysRead = async (scratch: Scratch, acceptCharge: boolean): Promise<string> => {
  const me = scratch.subject.s3("me", HOME);
  const bucket = await scratch.bucket(freshName("pays"), HOME);
  await me.send(new PutObjectCommand({ Bucket: bucket, Key: "data.csv", Body: "id,value\n" }));
  const other = (await scratch.subject.sts("other").send(new GetCallerIdentityCommand({}))).Account ?? "";
  const Statement = [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${other}:root` }, Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket}/*` }];
  await me.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: "2012-10-17", Statement }) }));
  // An emulator without Requester Pays fails here: that is its answer.
  const switched = await outcomeOf(() => me.send(new PutBucketRequestPaymentCommand({ Bucket: bucket, RequestPaymentConfiguration: { Payer: "Requester" } })));
  if (switched !== "200") return `PutBucketRequestPayment: ${switched}`;
  return outcomeOf(() =>
    scratch.subject.s3("other", HOME).send(new GetObjectCommand({ Bucket: bucket, Key: "data.csv", ...(acceptCharge ? { RequestPayer: "requester" as const } : {}) })),
  );
};

/** PutBucketLifecycleConfiguration with one rule that aborts incomplete multipart uploads. */
const abortRule = async (scratch: Scratch, changes: Partial<LifecycleRule>): Promise<string> => {
  const bucket = await scratch.bucket(freshName("mpu"), HOME);
  const rule: LifecycleRule = { ID: "mpu", Status: "Enabled", Filter: {}, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, ...changes };
  return outcomeOf(() => scratch.subject.s3("me", HOME).send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [rule] } })));
};

export const costScenarios: Scenario[] = [
  {
    id: "requester-pays.without-header",
    group: PAYS,
    title: "A second account reads from a Requester Pays bucket without x-amz-request-payer (the policy grants the read)",
    capability: "requesterPays",
    run: (scratch) => requesterPaysRead(scratch, false),
    expected: { aws: "403 AccessDenied", localstack: "200", moto: "PutBucketRequestPayment: 400 IllegalLocationConstraintException" },
    notes: {
      localstack: "LocalStack stores the setting but does not ask the requester to accept the charge.",
      moto: "moto does not know PUT ?requestPayment and takes it for a CreateBucket.",
    },
  },
  {
    id: "requester-pays.with-header",
    group: PAYS,
    title: "The same read with x-amz-request-payer: requester",
    run: (scratch) => requesterPaysRead(scratch, true),
    expected: { aws: "200", localstack: "200", moto: "PutBucketRequestPayment: 400 IllegalLocationConstraintException" },
  },
  {
    id: "lifecycle.abort-after-7-days",
    group: CLEAN_UP,
    title: "AbortIncompleteMultipartUpload after 7 days, for the whole bucket",
    run: (scratch) => abortRule(scratch, {}),
    expected: { aws: "200", localstack: "200", moto: "200" },
  },
  {
    id: "lifecycle.abort-with-tag-filter",
    group: CLEAN_UP,
    title: "AbortIncompleteMultipartUpload in a rule filtered by an object tag",
    capability: "lifecycleRules",
    run: (scratch) => abortRule(scratch, { Filter: { Tag: { Key: "temp", Value: "true" } } }),
    expected: { aws: "400 InvalidRequest", localstack: "200", moto: "200" },
  },
  {
    id: "lifecycle.abort-after-0-days",
    group: CLEAN_UP,
    title: "AbortIncompleteMultipartUpload with DaysAfterInitiation 0",
    capability: "lifecycleRules",
    run: (scratch) => abortRule(scratch, { AbortIncompleteMultipartUpload: { DaysAfterInitiation: 0 } }),
    expected: { aws: "400 InvalidArgument", localstack: "200", moto: "200" },
  },
];
