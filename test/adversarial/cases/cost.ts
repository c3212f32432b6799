import { CopyObjectCommand, PutObjectCommand, type LifecycleRule, type StorageClass } from "@aws-sdk/client-s3";
import { expect } from "vitest";
import { stepCases, json, type Lab } from "../helpers";
import { cliErrorCode, putLifecycleWithCli, tryPutLifecycle } from "../learner-work";

/** cost: storage classes per object, an archive that must be restored, lifecycle rules. */

const tiers = (lab: Lab) => lab.name("tiers");
const put = (lab: Lab, key: string, storageClass?: StorageClass) =>
  lab.s3().send(new PutObjectCommand({ Bucket: tiers(lab), Key: key, Body: `${key} contents`, ...(storageClass ? { StorageClass: storageClass } : {}) })).then(() => undefined);
const putBoth = async (lab: Lab, report: StorageClass | undefined, archive: StorageClass | undefined) => {
  await put(lab, "reports/2025.csv", report);
  await put(lab, "archive/2019.log", archive);
};
/** PutBucketLifecycleConfiguration on the tiers bucket: the error code the learner sees, or undefined when it was accepted. */
const putLifecycle = (lab: Lab, rules: LifecycleRule[]): Promise<string | undefined> => tryPutLifecycle(lab, tiers(lab), rules);
const tooSoon: LifecycleRule = { ID: "logs-to-ia", Status: "Enabled", Filter: { Prefix: "logs/" }, Transitions: [{ Days: 10, StorageClass: "STANDARD_IA" }] };
const tierLogs = (changes: Partial<LifecycleRule> = {}): LifecycleRule => ({
  ID: "tier-logs",
  Status: "Enabled",
  Filter: { Prefix: "logs/" },
  Transitions: [
    { Days: 30, StorageClass: "STANDARD_IA" },
    { Days: 90, StorageClass: "GLACIER" },
  ],
  Expiration: { Days: 365 },
  ...changes,
});

export const costCases = stepCases([
  // choose-classes (the setup made the bucket)
  {
    step: "choose-classes",
    kind: "wrong",
    what: "Glacier Instant Retrieval (GLACIER_IR) instead of Glacier Flexible Retrieval",
    work: (lab) => putBoth(lab, "STANDARD_IA", "GLACIER_IR"),
    reason: /archive\/2019\.log is in Glacier Flexible Retrieval, and HeadObject still answers: StorageClass is GLACIER_IR, expected GLACIER/,
  },
  {
    step: "choose-classes",
    kind: "wrong",
    what: "One Zone-IA instead of Standard-IA",
    work: (lab) => putBoth(lab, "ONEZONE_IA", "GLACIER"),
    reason: /reports\/2025\.csv is in Standard-IA: StorageClass is ONEZONE_IA, expected STANDARD_IA/,
  },
  {
    step: "choose-classes",
    kind: "wrong",
    what: "the report put with no storage class (Standard)",
    work: (lab) => putBoth(lab, undefined, "GLACIER"),
    reason: /reports\/2025\.csv is in Standard-IA: StorageClass is missing, expected STANDARD_IA/,
  },
  {
    step: "choose-classes",
    kind: "wrong",
    what: "Deep Archive for the old log",
    work: (lab) => putBoth(lab, "STANDARD_IA", "DEEP_ARCHIVE"),
    reason: /StorageClass is DEEP_ARCHIVE, expected GLACIER/,
  },
  {
    step: "choose-classes",
    kind: "right",
    what: "both put in Standard, then moved by copying each onto itself with a new StorageClass",
    work: async (lab) => {
      await putBoth(lab, undefined, undefined);
      for (const [key, storageClass] of [["reports/2025.csv", "STANDARD_IA"], ["archive/2019.log", "GLACIER"]] as const) {
        await lab.s3().send(new CopyObjectCommand({ Bucket: tiers(lab), Key: key, CopySource: `${tiers(lab)}/${key}`, StorageClass: storageClass, MetadataDirective: "COPY" }));
      }
    },
  },
  {
    step: "choose-classes",
    kind: "right",
    what: "aws s3 cp --storage-class for each file",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3", "cp", "--no-progress", lab.file("2025.csv", "month,gb\njan,120\n"), `s3://${tiers(lab)}/reports/2025.csv`, "--storage-class", "STANDARD_IA"]);
      await lab.awsCliOk(["s3", "cp", "--no-progress", lab.file("2019.log", "old log lines\n"), `s3://${tiers(lab)}/archive/2019.log`, "--storage-class", "GLACIER"]);
    },
  },

  // archive-needs-restore (the setup put the archive in GLACIER)
  {
    step: "archive-needs-restore",
    kind: "wrong",
    what: "the status, 403, typed as the code",
    work: async () => undefined,
    answers: { code: "403" },
    reason: /you answered 403, which is not what the target answered; look again at the error code GetObject answered/,
  },
  {
    step: "archive-needs-restore",
    kind: "wrong",
    what: "the code typed AccessDenied, as for any 403",
    work: async () => undefined,
    answers: { code: "AccessDenied" },
    reason: /you answered AccessDenied, which is not what the target answered/,
  },
  {
    step: "archive-needs-restore",
    kind: "wrong",
    what: "the archive copied back to Standard so it reads (no longer the archive the step is about)",
    work: async (lab) => {
      await lab.s3().send(new CopyObjectCommand({ Bucket: tiers(lab), Key: "archive/2019.log", CopySource: `${tiers(lab)}/archive/2019.log`, StorageClass: "STANDARD" }));
    },
    answers: { code: "InvalidObjectState" },
    reason: /GetObject of an archived object is refused until it is restored: succeeded \(200\), expected it to fail with InvalidObjectState \(403\)/,
  },
  {
    step: "archive-needs-restore",
    kind: "right",
    what: "the code typed in lower case",
    work: async () => undefined,
    answers: { code: "invalidobjectstate" },
  },
  {
    step: "archive-needs-restore",
    kind: "right",
    what: "aws s3api get-object, the code read from its error, given to s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async () => undefined,
    answers: async (lab) => ({ code: cliErrorCode((await lab.awsCli(["s3api", "get-object", "--bucket", tiers(lab), "--key", "archive/2019.log", lab.file("out.log", "")])).stderr) }),
  },

  // too-soon-for-ia (the setup made the bucket)
  {
    step: "too-soon-for-ia",
    kind: "wrong",
    what: "the code typed InvalidRequest",
    work: async (lab) => void (await putLifecycle(lab, [tooSoon])),
    answers: { code: "InvalidRequest" },
    reason: /you answered InvalidRequest, which is not what the target answered; look again at the error code PutBucketLifecycleConfiguration answered/,
  },
  {
    step: "too-soon-for-ia",
    kind: "wrong",
    what: "the code typed MalformedXML",
    work: async (lab) => void (await putLifecycle(lab, [tooSoon])),
    answers: { code: "MalformedXML" },
    reason: /you answered MalformedXML, which is not what the target answered/,
  },
  {
    step: "too-soon-for-ia",
    kind: "right",
    what: "a rule of another ID, the code typed in quotes",
    work: async (lab) => {
      expect(await putLifecycle(lab, [tooSoon])).toBe("InvalidArgument");
    },
    answers: { code: '"InvalidArgument"' },
  },
  {
    step: "too-soon-for-ia",
    kind: "right",
    what: "aws s3api put-bucket-lifecycle-configuration from a JSON file, the code read from its error",
    awsCli: true,
    work: async () => undefined,
    answers: async (lab) => {
      const file = lab.file("too-soon.json", json({ Rules: [tooSoon] }));
      return { code: cliErrorCode((await lab.awsCli(["s3api", "put-bucket-lifecycle-configuration", "--bucket", tiers(lab), "--lifecycle-configuration", `file://${file}`])).stderr) };
    },
  },

  // tier-logs (the setup made the bucket)
  {
    step: "tier-logs",
    kind: "wrong",
    what: "Glacier after 60 days instead of 90",
    work: async (lab) => {
      expect(await putLifecycle(lab, [tierLogs({ Transitions: [{ Days: 30, StorageClass: "STANDARD_IA" }, { Days: 60, StorageClass: "GLACIER" }] })])).toBeUndefined();
    },
    reason: /Rules has no element matching .*; the nearest: Rules\[0\]\.Transitions has no element matching \{Days: 90, StorageClass: GLACIER\}/,
  },
  {
    step: "tier-logs",
    kind: "wrong",
    what: "GLACIER_IR at 90 days instead of GLACIER",
    work: async (lab) => {
      expect(await putLifecycle(lab, [tierLogs({ Transitions: [{ Days: 30, StorageClass: "STANDARD_IA" }, { Days: 90, StorageClass: "GLACIER_IR" }] })])).toBeUndefined();
    },
    reason: /the nearest: Rules\[0\]\.Transitions has no element matching \{Days: 90, StorageClass: GLACIER\}/,
  },
  {
    step: "tier-logs",
    kind: "wrong",
    what: "expiry typed 356 days",
    work: async (lab) => {
      expect(await putLifecycle(lab, [tierLogs({ Expiration: { Days: 356 } })])).toBeUndefined();
    },
    reason: /the nearest: Rules\[0\]\.Expiration\.Days is 356, expected 365/,
  },
  {
    step: "tier-logs",
    kind: "wrong",
    what: "the prefix written logs, without its slash",
    work: async (lab) => {
      expect(await putLifecycle(lab, [tierLogs({ Filter: { Prefix: "logs" } })])).toBeUndefined();
    },
    reason: /the nearest: Rules\[0\]\.Filter\.Prefix is logs, expected logs\//,
  },
  {
    step: "tier-logs",
    kind: "wrong",
    what: "the rule saved Disabled",
    work: async (lab) => {
      expect(await putLifecycle(lab, [tierLogs({ Status: "Disabled" })])).toBeUndefined();
    },
    reason: /the nearest: Rules\[0\]\.Status is Disabled, expected Enabled/,
  },
  {
    step: "tier-logs",
    kind: "wrong",
    what: "a third transition, to Deep Archive at 180 days, so logs leave Glacier Flexible Retrieval",
    work: async (lab) => {
      const ladder = tierLogs({
        Transitions: [
          { Days: 30, StorageClass: "STANDARD_IA" },
          { Days: 90, StorageClass: "GLACIER" },
          { Days: 180, StorageClass: "DEEP_ARCHIVE" },
        ],
      });
      expect(await putLifecycle(lab, [ladder])).toBeUndefined();
    },
    reason: /Rules\[0\]\.Transitions also has \{.*DEEP_ARCHIVE/,
  },
  {
    step: "tier-logs",
    kind: "right",
    what: "transitions listed latest first, beside another rule that expires tmp/",
    work: async (lab) => {
      const tmp: LifecycleRule = { ID: "clean-tmp", Status: "Enabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 7 } };
      const reversed = tierLogs({ Transitions: [{ Days: 90, StorageClass: "GLACIER" }, { Days: 30, StorageClass: "STANDARD_IA" }] });
      expect(await putLifecycle(lab, [tmp, reversed])).toBeUndefined();
    },
  },
  {
    step: "tier-logs",
    kind: "right",
    what: "aws s3api put-bucket-lifecycle-configuration from a JSON file",
    awsCli: true,
    work: async (lab) => {
      await putLifecycleWithCli(lab, tiers(lab), "tier-logs.json", [tierLogs()]);
    },
  },
]);
