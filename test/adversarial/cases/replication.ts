import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  UploadPartCommand,
  type BucketLocationConstraint,
  type ReplicationRule,
} from "@aws-sdk/client-s3";
import { expect } from "vitest";
import { parseDuration } from "../../../src/handson/durations";
import { actionsOf } from "../../../src/handson/runner";
import { json, stepCases, type Lab, type StepCase, type Verdict } from "../helpers";

/** replication: versioned buckets, the role, the rule, watching it replicate, what does not, FAILED. */

const src = (lab: Lab) => lab.name("src");
const dst = (lab: Lab) => lab.name("dst");
const arn = (bucket: string) => `arn:aws:s3:::${bucket}`;
const roleArn = (lab: Lab, name: string) => `arn:aws:iam::${lab.account}:role/${name}`;

// --- The learner's policies, as the user guide shows them and as learners vary them ---------------

type Statement = Record<string, unknown>;
const policy = (...statements: Statement[]) => ({ Version: "2012-10-17", Statement: statements });
const trust = (principal: Record<string, unknown> = { Service: "s3.amazonaws.com" }, extra: Statement = {}) =>
  policy({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra });
const readSource = (lab: Lab): Statement[] => [
  { Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: arn(src(lab)) },
  { Effect: "Allow", Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], Resource: `${arn(src(lab))}/*` },
];
const writeDestination = (lab: Lab, actions = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], resource: unknown = `${arn(dst(lab))}/*`): Statement => ({
  Effect: "Allow",
  Action: actions,
  Resource: resource,
});
const userGuidePolicy = (lab: Lab) => policy(...readSource(lab), writeDestination(lab));

const createRole = async (lab: Lab, name: string, trustPolicy: object, policies: Record<string, object>) => {
  await lab.iam().send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: json(trustPolicy) }));
  for (const [policyName, document] of Object.entries(policies)) {
    await lab.iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: policyName, PolicyDocument: json(document) }));
  }
};
const replicationRole = (lab: Lab) => lab.name("replication");
const brokenRole = (lab: Lab) => lab.name("no-replicate");

// --- Buckets, rules, objects ------------------------------------------------------------------------

const createBucket = (lab: Lab, bucket: string, region: string) =>
  lab.s3({ region }).send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }));
const versioning = (lab: Lab, bucket: string, region: string, status: "Enabled" | "Suspended") =>
  lab.s3({ region }).send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: status } }));
const everything = (lab: Lab, changes: Partial<ReplicationRule> = {}): ReplicationRule => ({
  ID: "everything",
  Priority: 1,
  Status: "Enabled",
  Filter: { Prefix: "" },
  DeleteMarkerReplication: { Status: "Disabled" },
  Destination: { Bucket: arn(dst(lab)) },
  ...changes,
});
const putRule = (lab: Lab, role: string, rules: ReplicationRule[]) =>
  lab.s3().send(new PutBucketReplicationCommand({ Bucket: src(lab), ReplicationConfiguration: { Role: roleArn(lab, role), Rules: rules } }));
const putSource = (lab: Lab, key: string, body: string) => lab.s3().send(new PutObjectCommand({ Bucket: src(lab), Key: key, Body: body }));

// --- FAILED, and how soon the check says so -----------------------------------------------------------

/** The poll interval of the check that waits for the replication status (the lesson's `every:`). */
const pollEveryMs = (lab: Lab, step: string): number => {
  const place = lab.lesson.steps.find((candidate) => "handsOn" in candidate && candidate.handsOn.id === step);
  const waiting = place && "handsOn" in place ? actionsOf(place.handsOn, "check").find((action) => action.eventually) : undefined;
  return parseDuration(waiting?.eventually?.every ?? "1s");
};

/** When the learner's put was sent, and every FAILED verdict's time from it (printed at the end). */
const putSentAt = new Map<string, number>();
export const failedVerdictTimes: { what: string; ms: number; boundMs: number }[] = [];

const timedPut = async (lab: Lab, what: string, key: string, body: string) => {
  putSentAt.set(what, Date.now());
  await putSource(lab, key, body);
};
/** The FAILED verdict came within the sandbox's longest replication delay plus one poll. */
const failedSoon = (step: string, what: string) => (verdict: Verdict, lab: Lab) => {
  const sent = putSentAt.get(what);
  expect(sent, "the case did not time its put").toBeDefined();
  const ms = verdict.endedAt - (sent ?? 0);
  const boundMs = lab.replicationDelayMaxMs + pollEveryMs(lab, step);
  failedVerdictTimes.push({ what: `${step}: ${what}`, ms, boundMs });
  console.log(`[adversarial] FAILED verdict ${ms} ms after the put (bound ${boundMs} ms: replication delay up to ${lab.replicationDelayMaxMs} ms + one ${pollEveryMs(lab, step)} ms poll) — ${step}: ${what}`);
  expect(ms).toBeLessThanOrEqual(boundMs);
};

/** A case whose put is timed and whose verdict must come soon (wrong or right, the object ends FAILED). */
const failingReplication = (stepCase: Omit<StepCase, "after" | "work"> & { work(lab: Lab, put: (key: string, body: string) => Promise<void>): Promise<void> }): StepCase => ({
  ...stepCase,
  work: (lab) => stepCase.work(lab, (key, body) => timedPut(lab, stepCase.what, key, body)),
  after: failedSoon(stepCase.step, stepCase.what),
});

export const replicationCases = stepCases([
  // two-versioned-buckets
  {
    step: "two-versioned-buckets",
    kind: "wrong",
    what: "versioning left off on the destination",
    work: async (lab) => {
      await createBucket(lab, src(lab), lab.region);
      await createBucket(lab, dst(lab), lab.otherRegion);
      await versioning(lab, src(lab), lab.region, "Enabled");
      await putSource(lab, "before.txt", "I was here first");
    },
    reason: /The destination has versioning enabled: Status is missing, expected Enabled/,
  },
  {
    step: "two-versioned-buckets",
    kind: "wrong",
    what: "the destination made in the source's region (same-region, not cross-region)",
    work: async (lab) => {
      await createBucket(lab, src(lab), lab.region);
      await createBucket(lab, dst(lab), lab.region);
      await versioning(lab, src(lab), lab.region, "Enabled");
      await versioning(lab, dst(lab), lab.region, "Enabled");
      await putSource(lab, "before.txt", "I was here first");
    },
    reason: /-dst lives in us-west-2: BucketRegion is eu-west-1, expected us-west-2/,
  },
  {
    step: "two-versioned-buckets",
    kind: "wrong",
    what: "the source's versioning Suspended",
    work: async (lab) => {
      await createBucket(lab, src(lab), lab.region);
      await createBucket(lab, dst(lab), lab.otherRegion);
      await versioning(lab, src(lab), lab.region, "Suspended");
      await versioning(lab, dst(lab), lab.otherRegion, "Enabled");
      await putSource(lab, "before.txt", "I was here first");
    },
    reason: /The source has versioning enabled: Status is Suspended, expected Enabled/,
  },
  {
    step: "two-versioned-buckets",
    kind: "wrong",
    what: "before.txt put into the destination",
    work: async (lab) => {
      await createBucket(lab, src(lab), lab.region);
      await createBucket(lab, dst(lab), lab.otherRegion);
      await versioning(lab, src(lab), lab.region, "Enabled");
      await versioning(lab, dst(lab), lab.otherRegion, "Enabled");
      await lab.s3({ region: lab.otherRegion }).send(new PutObjectCommand({ Bucket: dst(lab), Key: "before.txt", Body: "I was here first" }));
    },
    reason: /before\.txt is in the source: failed with NotFound \(404\)/,
  },
  {
    step: "two-versioned-buckets",
    kind: "right",
    what: "before.txt put first, versioning turned on afterwards",
    work: async (lab) => {
      await createBucket(lab, dst(lab), lab.otherRegion);
      await createBucket(lab, src(lab), lab.region);
      await putSource(lab, "before.txt", "my own first words\n");
      await versioning(lab, src(lab), lab.region, "Enabled");
      await versioning(lab, dst(lab), lab.otherRegion, "Enabled");
    },
  },
  {
    step: "two-versioned-buckets",
    kind: "right",
    what: "all with the AWS CLI: mb, put-bucket-versioning, cp",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3", "mb", `s3://${src(lab)}`, "--region", lab.region]);
      await lab.awsCliOk(["s3", "mb", `s3://${dst(lab)}`, "--region", lab.otherRegion]);
      await lab.awsCliOk(["s3api", "put-bucket-versioning", "--bucket", src(lab), "--versioning-configuration", "Status=Enabled"]);
      await lab.awsCliOk(["s3api", "put-bucket-versioning", "--bucket", dst(lab), "--versioning-configuration", "Status=Enabled"], { region: lab.otherRegion });
      await lab.awsCliOk(["s3", "cp", "--no-progress", lab.file("before.txt", "I was here first\n"), `s3://${src(lab)}/before.txt`]);
    },
  },

  // the-role (the buckets exist)
  {
    step: "the-role",
    kind: "wrong",
    what: "a trust policy for ec2.amazonaws.com, copied from an instance role",
    work: (lab) => createRole(lab, replicationRole(lab), trust({ Service: "ec2.amazonaws.com" }), { replication: userGuidePolicy(lab) }),
    reason: /S3 may assume .*-replication: it trusts ec2\.amazonaws\.com, not s3\.amazonaws\.com/,
  },
  {
    step: "the-role",
    kind: "wrong",
    what: "a trust policy that allows sts:AssumeRoleWithWebIdentity instead of sts:AssumeRole",
    work: (lab) => createRole(lab, replicationRole(lab), policy({ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRoleWithWebIdentity" }), { replication: userGuidePolicy(lab) }),
    reason: /no statement allows sts:AssumeRole \(its actions: sts:AssumeRoleWithWebIdentity\)/,
  },
  {
    step: "the-role",
    kind: "wrong",
    what: "a confused-deputy condition naming the wrong account",
    work: (lab) =>
      createRole(lab, replicationRole(lab), trust(undefined, { Condition: { StringEquals: { "aws:SourceAccount": lab.otherAccount } } }), { replication: userGuidePolicy(lab) }),
    reason: /its Condition does not hold when s3\.amazonaws\.com assumes the role/,
  },
  {
    step: "the-role",
    kind: "wrong",
    what: "the replicate actions allowed, then Deny s3:* on the destination",
    work: (lab) =>
      createRole(lab, replicationRole(lab), trust(), {
        replication: policy(...userGuidePolicy(lab).Statement, { Effect: "Deny", Action: "s3:*", Resource: [arn(dst(lab)), `${arn(dst(lab))}/*`] }),
      }),
    reason: /The role may replicate into .*-dst: an explicit Deny refuses it \(policy "role_.*-replication_replication"\); a Deny wins over every Allow/,
  },
  {
    step: "the-role",
    kind: "wrong",
    what: "s3:ReplicateObject missing",
    work: (lab) => createRole(lab, replicationRole(lab), trust(), { replication: policy(...readSource(lab), writeDestination(lab, ["s3:ReplicateDelete", "s3:ReplicateTags"])) }),
    reason: /The role may replicate into .*-dst: no statement allows it \(implicit deny\): the policies need s3:ReplicateObject on a Resource that covers arn:aws:s3:::.*-dst\/\*/,
  },
  {
    step: "the-role",
    kind: "wrong",
    what: "the destination's Resource is the bucket, not its objects",
    work: (lab) => createRole(lab, replicationRole(lab), trust(), { replication: policy(...readSource(lab), writeDestination(lab, undefined, arn(dst(lab)))) }),
    reason: /The role may replicate into .*-dst: no statement allows it \(implicit deny\): the policies need s3:ReplicateObject on a Resource that covers arn:aws:s3:::.*-dst\/\*/,
  },
  {
    step: "the-role",
    kind: "wrong",
    what: "the role's name typed -replicaton",
    work: (lab) => createRole(lab, lab.name("replicaton"), trust(), { replication: userGuidePolicy(lab) }),
    reason: /S3 may assume .*-replication: failed with NoSuchEntity \(404\)/,
  },
  {
    step: "the-role",
    kind: "right",
    what: "an inline policy of another name, every Resource written as a list",
    work: (lab) =>
      createRole(lab, replicationRole(lab), trust(), {
        "s3-crr-permissions": policy(
          ...readSource(lab).map((statement) => ({ ...statement, Resource: [statement.Resource] })),
          writeDestination(lab, undefined, [`${arn(dst(lab))}/*`]),
        ),
      }),
  },
  {
    step: "the-role",
    kind: "right",
    what: "wildcards s3:GetObjectVersion* and s3:Replicate*, Resource \"*\"",
    work: (lab) =>
      createRole(lab, replicationRole(lab), trust(), {
        crr: policy({ Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket", "s3:GetObjectVersion*", "s3:Replicate*"], Resource: "*" }),
      }),
  },
  {
    step: "the-role",
    kind: "right",
    what: "two inline policies, one for the source and one for the destination",
    work: (lab) => createRole(lab, replicationRole(lab), trust(), { "read-source": policy(...readSource(lab)), "write-destination": policy(writeDestination(lab)) }),
  },
  {
    step: "the-role",
    kind: "right",
    what: "a trust policy with a confused-deputy Condition on aws:SourceAccount and aws:SourceArn",
    work: (lab) =>
      createRole(
        lab,
        replicationRole(lab),
        trust(undefined, { Condition: { StringEquals: { "aws:SourceAccount": lab.account }, ArnLike: { "aws:SourceArn": `arn:aws:s3:::${lab.prefix}-*` } } }),
        { replication: userGuidePolicy(lab) },
      ),
  },
  {
    step: "the-role",
    kind: "right",
    what: "a trust policy for S3 and S3 Batch Operations, the services as a list",
    work: (lab) => createRole(lab, replicationRole(lab), trust({ Service: ["s3.amazonaws.com", "batchoperations.s3.amazonaws.com"] }), { replication: userGuidePolicy(lab) }),
  },
  {
    step: "the-role",
    kind: "right",
    what: "aws iam create-role and put-role-policy from JSON files",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["iam", "create-role", "--role-name", replicationRole(lab), "--assume-role-policy-document", `file://${lab.file("trust.json", json(trust()))}`]);
      await lab.awsCliOk([
        "iam",
        "put-role-policy",
        "--role-name",
        replicationRole(lab),
        "--policy-name",
        "CrossRegionReplication",
        "--policy-document",
        `file://${lab.file("permissions.json", json(userGuidePolicy(lab)))}`,
      ]);
    },
  },

  // the-rule (the buckets and the role exist)
  {
    step: "the-rule",
    kind: "wrong",
    what: "a prefix filter, reports/",
    work: (lab) => putRule(lab, replicationRole(lab), [everything(lab, { Filter: { Prefix: "reports/" } })]).then(() => undefined),
    reason: /the nearest: ReplicationConfiguration\.Rules\[0\]\.Filter\.Prefix is reports\/, expected it absent/,
  },
  {
    step: "the-rule",
    kind: "wrong",
    what: "the rule saved with Status Disabled",
    work: (lab) => putRule(lab, replicationRole(lab), [everything(lab, { Status: "Disabled" })]).then(() => undefined),
    reason: /the nearest: ReplicationConfiguration\.Rules\[0\]\.Status is Disabled, expected Enabled/,
  },
  {
    step: "the-rule",
    kind: "wrong",
    what: "a V1 rule with Prefix logs/",
    work: (lab) =>
      putRule(lab, replicationRole(lab), [{ ID: "logs", Status: "Enabled", Prefix: "logs/", Destination: { Bucket: arn(dst(lab)) } }]).then(() => undefined),
    reason: /the nearest: ReplicationConfiguration\.Rules\[0\]\.Prefix is logs\/, expected it absent/,
  },
  {
    step: "the-rule",
    kind: "wrong",
    what: "a tag filter, only objects tagged replicate=yes",
    work: (lab) => putRule(lab, replicationRole(lab), [everything(lab, { Filter: { Tag: { Key: "replicate", Value: "yes" } } })]).then(() => undefined),
    reason: /the nearest: ReplicationConfiguration\.Rules\[0\]\.Filter\.Tag is \{Key: replicate, Value: yes\}, expected it absent/,
  },
  {
    step: "the-rule",
    kind: "wrong",
    what: "the role's ARN typed with -replicaton",
    work: (lab) => putRule(lab, lab.name("replicaton"), [everything(lab)]).then(() => undefined),
    reason: /ReplicationConfiguration\.Role is arn:aws:iam::111122223333:role\/.*-replicaton, expected arn:aws:iam::111122223333:role\/.*-replication/,
  },
  {
    step: "the-rule",
    kind: "right",
    what: "a rule of another ID with an empty Filter {}",
    work: (lab) => putRule(lab, replicationRole(lab), [everything(lab, { ID: "crr-to-us-west-2", Filter: {} })]).then(() => undefined),
  },
  {
    step: "the-rule",
    kind: "right",
    what: 'a V1 rule: Prefix "" and no Filter, Priority or DeleteMarkerReplication',
    work: (lab) => putRule(lab, replicationRole(lab), [{ ID: "all", Status: "Enabled", Prefix: "", Destination: { Bucket: arn(dst(lab)) } }]).then(() => undefined),
  },
  {
    step: "the-rule",
    kind: "right",
    what: "a rule for everything beside a disabled one for reports/",
    work: (lab) =>
      putRule(lab, replicationRole(lab), [everything(lab, { ID: "reports-only", Priority: 2, Status: "Disabled", Filter: { Prefix: "reports/" } }), everything(lab)]).then(() => undefined),
  },
  {
    step: "the-rule",
    kind: "right",
    what: "aws s3api put-bucket-replication from a JSON file",
    awsCli: true,
    work: async (lab) => {
      const file = lab.file("replication.json", json({ Role: roleArn(lab, replicationRole(lab)), Rules: [everything(lab, { ID: "from-the-cli" })] }));
      await lab.awsCliOk(["s3api", "put-bucket-replication", "--bucket", src(lab), "--replication-configuration", `file://${file}`]);
    },
  },

  // watch-it-replicate (the buckets, the role and the rule exist)
  {
    step: "watch-it-replicate",
    kind: "wrong",
    what: "report.csv put straight into the destination",
    work: (lab) => lab.s3({ region: lab.otherRegion }).send(new PutObjectCommand({ Bucket: dst(lab), Key: "report.csv", Body: "q1,q2\n10,20\n" })).then(() => undefined),
    reason: /report\.csv goes from PENDING to COMPLETED: failed with NotFound \(404\)/,
  },
  {
    step: "watch-it-replicate",
    kind: "wrong",
    what: "the key typed report.cvs",
    work: (lab) => putSource(lab, "report.cvs", "q1,q2\n10,20\n").then(() => undefined),
    reason: /report\.csv goes from PENDING to COMPLETED: failed with NotFound \(404\)/,
  },
  failingReplication({
    step: "watch-it-replicate",
    kind: "wrong",
    what: "the role broken before the put: a second policy that denies s3:* on the destination",
    work: async (lab, put) => {
      await lab.iam().send(
        new PutRolePolicyCommand({
          RoleName: replicationRole(lab),
          PolicyName: "lock-down",
          PolicyDocument: json(policy({ Effect: "Deny", Action: "s3:*", Resource: [arn(dst(lab)), `${arn(dst(lab))}/*`] })),
        }),
      );
      await put("report.csv", "q1,q2\n10,20\n");
    },
    reason: /report\.csv goes from PENDING to COMPLETED: ReplicationStatus is FAILED, expected COMPLETED .*the sandbox says why: role lacks s3:ReplicateObject on arn:aws:s3:::.*-dst\/\*/,
  }),
  failingReplication({
    step: "watch-it-replicate",
    kind: "wrong",
    what: "the destination's versioning suspended after the rule was put",
    work: async (lab, put) => {
      await versioning(lab, dst(lab), lab.otherRegion, "Suspended");
      await put("report.csv", "q1,q2\n10,20\n");
    },
    reason: /ReplicationStatus is FAILED, expected COMPLETED .*the sandbox says why: destination bucket .*-dst has versioning suspended/,
  }),
  {
    step: "watch-it-replicate",
    kind: "right",
    what: "report.csv uploaded with a multipart upload, other contents, no content type",
    work: async (lab) => {
      const s3 = lab.s3();
      const upload = await s3.send(new CreateMultipartUploadCommand({ Bucket: src(lab), Key: "report.csv" }));
      const part = await s3.send(new UploadPartCommand({ Bucket: src(lab), Key: "report.csv", UploadId: upload.UploadId, PartNumber: 1, Body: "quarter,total\nq1,30\n" }));
      await s3.send(new CompleteMultipartUploadCommand({ Bucket: src(lab), Key: "report.csv", UploadId: upload.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }));
    },
  },
  {
    step: "watch-it-replicate",
    kind: "right",
    what: "aws s3 cp report.csv",
    awsCli: true,
    work: async (lab) => void (await lab.awsCliOk(["s3", "cp", "--no-progress", lab.file("report.csv", "q1,q2\n10,20\n"), `s3://${src(lab)}/report.csv`])),
  },

  // existing-objects-stay (report.csv has replicated)
  {
    step: "existing-objects-stay",
    kind: "wrong",
    what: "before.txt copied into the destination by hand",
    work: (lab) => lab.s3({ region: lab.otherRegion }).send(new PutObjectCommand({ Bucket: dst(lab), Key: "before.txt", Body: "I was here first" })).then(() => undefined),
    answers: { status: "404" },
    reason: /-dst has no before\.txt: succeeded \(200\), expected it to fail with NotFound \(404\)/,
  },
  {
    step: "existing-objects-stay",
    kind: "wrong",
    what: "before.txt written again in the source to make it replicate",
    work: (lab) => putSource(lab, "before.txt", "I was here first").then(() => undefined),
    answers: { status: "404" },
    reason: /before\.txt has no replication status: ReplicationStatus is (PENDING|COMPLETED), expected it absent/,
  },
  {
    step: "existing-objects-stay",
    kind: "wrong",
    what: "the status typed 403",
    work: async () => undefined,
    answers: { status: "403" },
    reason: /you answered 403, which is not what the target answered; look again at the HTTP status HeadObject answered/,
  },
  {
    step: "existing-objects-stay",
    kind: "right",
    what: "the status typed 404 Not Found",
    work: async () => undefined,
    answers: { status: "404 Not Found" },
  },
  {
    step: "existing-objects-stay",
    kind: "right",
    what: "aws s3api head-object on the destination, its (404) given to s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async () => undefined,
    answers: async (lab) => {
      const run = await lab.awsCli(["s3api", "head-object", "--bucket", dst(lab), "--key", "before.txt"], { region: lab.otherRegion });
      return { status: /An error occurred \((\d+)\)/.exec(run.stderr)?.[1] ?? run.stderr };
    },
  },

  // delete-markers-stay (report.csv has replicated)
  {
    step: "delete-markers-stay",
    kind: "wrong",
    what: "report.csv's version deleted by its VersionId instead of adding a delete marker",
    work: async (lab) => {
      const listed = await lab.s3().send(new ListObjectVersionsCommand({ Bucket: src(lab), Prefix: "report.csv" }));
      for (const version of listed.Versions ?? []) await lab.s3().send(new DeleteObjectCommand({ Bucket: src(lab), Key: "report.csv", VersionId: version.VersionId }));
      await putSource(lab, "sentinel.txt", "written after the delete");
    },
    reason: /report\.csv is hidden by a delete marker \(its versions are kept\): DeleteMarkers is missing/,
  },
  {
    step: "delete-markers-stay",
    kind: "wrong",
    what: "sentinel.txt never put",
    work: (lab) => lab.s3().send(new DeleteObjectCommand({ Bucket: src(lab), Key: "report.csv" })).then(() => undefined),
    reason: /sentinel\.txt has replicated: failed with NotFound \(404\)/,
  },
  {
    step: "delete-markers-stay",
    kind: "wrong",
    what: "report.csv deleted in the destination too",
    work: async (lab) => {
      await lab.s3().send(new DeleteObjectCommand({ Bucket: src(lab), Key: "report.csv" }));
      await lab.s3({ region: lab.otherRegion }).send(new DeleteObjectCommand({ Bucket: dst(lab), Key: "report.csv" }));
      await putSource(lab, "sentinel.txt", "written after the delete");
    },
    reason: /The destination still has report\.csv: failed with NotFound \(404\)/,
  },
  {
    step: "delete-markers-stay",
    kind: "right",
    what: "the delete sent with DeleteObjects, sentinel.txt with other text",
    work: async (lab) => {
      await lab.s3().send(new DeleteObjectsCommand({ Bucket: src(lab), Delete: { Objects: [{ Key: "report.csv" }] } }));
      await putSource(lab, "sentinel.txt", "canary\n");
    },
  },
  {
    step: "delete-markers-stay",
    kind: "right",
    what: "aws s3 rm, then aws s3 cp sentinel.txt",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3", "rm", `s3://${src(lab)}/report.csv`]);
      await lab.awsCliOk(["s3", "cp", "--no-progress", lab.file("sentinel.txt", "written after the delete\n"), `s3://${src(lab)}/sentinel.txt`]);
    },
  },

  // a-role-that-cannot (replication works with the first role)
  {
    step: "a-role-that-cannot",
    kind: "wrong",
    what: "the second role given the full policy, so it can replicate",
    work: async (lab) => {
      await createRole(lab, brokenRole(lab), trust(), { replication: userGuidePolicy(lab) });
      await putRule(lab, brokenRole(lab), [everything(lab)]);
      await putSource(lab, "broken.csv", "this one will arrive");
    },
    reason: /The role may not write replicas into .*-dst: it is allowed \(policy "role_.*-no-replicate_replication"\)/,
  },
  {
    step: "a-role-that-cannot",
    kind: "wrong",
    what: "the second role trusts ec2.amazonaws.com",
    work: async (lab) => {
      await createRole(lab, brokenRole(lab), trust({ Service: "ec2.amazonaws.com" }), { replication: policy(...readSource(lab)) });
      await putRule(lab, brokenRole(lab), [everything(lab)]);
      await putSource(lab, "broken.csv", "this one will not arrive");
    },
    reason: /S3 may assume .*-no-replicate: it trusts ec2\.amazonaws\.com, not s3\.amazonaws\.com/,
  },
  {
    step: "a-role-that-cannot",
    kind: "wrong",
    what: "the configuration left pointing at the first role",
    work: async (lab) => {
      await createRole(lab, brokenRole(lab), trust(), { replication: policy(...readSource(lab)) });
      await putSource(lab, "broken.csv", "this one will arrive");
    },
    reason: /ReplicationConfiguration\.Role is arn:aws:iam::111122223333:role\/.*-replication, expected arn:aws:iam::111122223333:role\/.*-no-replicate/,
  },
  {
    step: "a-role-that-cannot",
    kind: "wrong",
    what: "broken.csv put before the configuration was pointed at the second role",
    work: async (lab) => {
      await createRole(lab, brokenRole(lab), trust(), { replication: policy(...readSource(lab)) });
      await putSource(lab, "broken.csv", "this one will arrive");
      await putRule(lab, brokenRole(lab), [everything(lab)]);
    },
    reason: /broken\.csv ends FAILED: ReplicationStatus is COMPLETED, expected FAILED/,
  },
  failingReplication({
    step: "a-role-that-cannot",
    kind: "right",
    what: "a second role with no permissions policy at all",
    work: async (lab, put) => {
      await createRole(lab, brokenRole(lab), trust(), {});
      await putRule(lab, brokenRole(lab), [everything(lab)]);
      await put("broken.csv", "this one will not arrive");
    },
  }),
  failingReplication({
    step: "a-role-that-cannot",
    kind: "right",
    what: "s3:* allowed everywhere, then an explicit Deny of s3:ReplicateObject on the destination",
    work: async (lab, put) => {
      await createRole(lab, brokenRole(lab), trust(undefined, { Condition: { StringEquals: { "aws:SourceAccount": lab.account } } }), {
        "allow-all": policy({ Effect: "Allow", Action: "s3:*", Resource: "*" }),
        "deny-replicas": policy({ Effect: "Deny", Action: "s3:ReplicateObject", Resource: `${arn(dst(lab))}/*` }),
      });
      await putRule(lab, brokenRole(lab), [everything(lab, { ID: "via-the-broken-role" })]);
      await put("broken.csv", "this one will not arrive");
    },
  }),
  {
    step: "a-role-that-cannot",
    kind: "right",
    what: "all with the AWS CLI: create-role, put-role-policy, put-bucket-replication, cp",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["iam", "create-role", "--role-name", brokenRole(lab), "--assume-role-policy-document", `file://${lab.file("trust.json", json(trust()))}`]);
      const permissions = policy(...readSource(lab), writeDestination(lab, ["s3:ReplicateDelete", "s3:ReplicateTags"]));
      await lab.awsCliOk(["iam", "put-role-policy", "--role-name", brokenRole(lab), "--policy-name", "not-enough", "--policy-document", `file://${lab.file("not-enough.json", json(permissions))}`]);
      const rule = lab.file("broken-rule.json", json({ Role: roleArn(lab, brokenRole(lab)), Rules: [everything(lab)] }));
      await lab.awsCliOk(["s3api", "put-bucket-replication", "--bucket", src(lab), "--replication-configuration", `file://${rule}`]);
      await lab.awsCliOk(["s3", "cp", "--no-progress", lab.file("broken.csv", "this one will not arrive\n"), `s3://${src(lab)}/broken.csv`]);
    },
  },
]);

/** Steps of this lesson, as the test files split them (each file keeps under a minute). */
export const replicationCasesFor = (steps: readonly string[]): StepCase[] => replicationCases.filter((stepCase) => steps.includes(stepCase.step));
