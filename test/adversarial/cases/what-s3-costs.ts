import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  DeleteBucketPolicyCommand,
  PutBucketRequestPaymentCommand,
  PutBucketVersioningCommand,
  UploadPartCommand,
  type LifecycleRule,
} from "@aws-sdk/client-s3";
import { expect } from "vitest";
import { stepCases, type Lab } from "../helpers";
import { putLifecycleWithCli, tryPutLifecycle } from "../learner-work";

/** what-s3-costs: an incomplete multipart upload found, and lifecycle rules that stop paying for hidden storage. */

const costs = (lab: Lab) => lab.name("costs");
const versions = (lab: Lab) => lab.name("versions");
const dataset = (lab: Lab) => lab.name("dataset");
const requesterPays = (lab: Lab, Payer: "Requester" | "BucketOwner" = "Requester") =>
  lab.s3().send(new PutBucketRequestPaymentCommand({ Bucket: dataset(lab), RequestPaymentConfiguration: { Payer } })).then(() => undefined);
const VIDEO = "videos/raw.mp4";

/** The learner's own upload: CreateMultipartUpload, then the given parts; its UploadId. */
const startUpload = async (lab: Lab, key = VIDEO, parts: number[] = [1]): Promise<string> => {
  const created = await lab.s3().send(new CreateMultipartUploadCommand({ Bucket: costs(lab), Key: key }));
  const uploadId = created.UploadId ?? "";
  for (const PartNumber of parts) {
    await lab.s3().send(new UploadPartCommand({ Bucket: costs(lab), Key: key, UploadId: uploadId, PartNumber, Body: `part ${PartNumber} of a video` }));
  }
  return uploadId;
};

/** What ListMultipartUploads shows for the video, as the learner reads it before typing the id. */
const listedUploadId = async (lab: Lab): Promise<string> => {
  const listed = await lab.s3().send(new ListMultipartUploadsCommand({ Bucket: costs(lab) }));
  return listed.Uploads?.find((upload) => upload.Key === VIDEO)?.UploadId ?? "";
};

/** The learner's rules, which S3 must accept. */
const accepted = async (lab: Lab, bucket: string, rules: LifecycleRule[]) => expect(await tryPutLifecycle(lab, bucket, rules)).toBeUndefined();

const abortRule = (changes: Partial<LifecycleRule> = {}): LifecycleRule => ({
  ID: "abort-incomplete-uploads",
  Status: "Enabled",
  Filter: {},
  AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
  ...changes,
});
const noncurrentRule = (changes: Partial<LifecycleRule> = {}): LifecycleRule => ({
  ID: "expire-old-docs",
  Status: "Enabled",
  Filter: { Prefix: "docs/" },
  NoncurrentVersionExpiration: { NoncurrentDays: 30 },
  ...changes,
});

/** The UploadId of the learner's own upload, kept between its work and its answer. */
let ownUpload = "";

export const whatS3CostsCases = stepCases([
  // abandoned-upload (the setup made the bucket)
  {
    step: "abandoned-upload",
    kind: "wrong",
    what: "nothing done, an id made up",
    work: async () => undefined,
    answers: { "upload-id": "2~abcdef" },
    reason: /An upload of videos\/raw\.mp4 is still open: Uploads is missing/,
  },
  {
    step: "abandoned-upload",
    kind: "wrong",
    what: "the upload completed, so it is an object and nothing is left open",
    work: async (lab) => {
      const uploadId = await startUpload(lab);
      const parts = await lab.s3().send(new ListPartsCommand({ Bucket: costs(lab), Key: VIDEO, UploadId: uploadId }));
      const done = (parts.Parts ?? []).map(({ PartNumber, ETag }) => ({ PartNumber, ETag }));
      await lab.s3().send(new CompleteMultipartUploadCommand({ Bucket: costs(lab), Key: VIDEO, UploadId: uploadId, MultipartUpload: { Parts: done } }));
      ownUpload = uploadId;
    },
    answers: () => ({ "upload-id": ownUpload }),
    reason: /videos\/raw\.mp4 is not an object .*: Contents has 1 element/,
  },
  {
    step: "abandoned-upload",
    kind: "wrong",
    what: "the upload aborted by hand (nothing left to find)",
    work: async (lab) => {
      ownUpload = await startUpload(lab);
      await lab.s3().send(new AbortMultipartUploadCommand({ Bucket: costs(lab), Key: VIDEO, UploadId: ownUpload }));
    },
    answers: () => ({ "upload-id": ownUpload }),
    reason: /An upload of videos\/raw\.mp4 is still open: Uploads is missing/,
  },
  {
    step: "abandoned-upload",
    kind: "wrong",
    what: "the upload started as raw.mp4, outside videos/",
    work: async (lab) => {
      ownUpload = await startUpload(lab, "raw.mp4");
    },
    answers: () => ({ "upload-id": ownUpload }),
    reason: /An upload of videos\/raw\.mp4 is still open: Uploads is missing/,
  },
  {
    step: "abandoned-upload",
    kind: "wrong",
    what: "the upload started but no part uploaded",
    work: async (lab) => {
      ownUpload = await startUpload(lab, VIDEO, []);
    },
    answers: () => ({ "upload-id": ownUpload }),
    reason: /The open upload holds a part, billed as storage: Parts is missing/,
  },
  {
    step: "abandoned-upload",
    kind: "wrong",
    what: "the part's ETag typed instead of the UploadId",
    work: async (lab) => {
      ownUpload = await startUpload(lab);
    },
    answers: async (lab) => {
      const parts = await lab.s3().send(new ListPartsCommand({ Bucket: costs(lab), Key: VIDEO, UploadId: ownUpload }));
      return { "upload-id": parts.Parts?.[0]?.ETag ?? "" };
    },
    reason: /which is not what the target answered/,
  },
  {
    step: "abandoned-upload",
    kind: "right",
    what: "an upload with parts 1 and 2 left open, the id read from ListMultipartUploads",
    work: async (lab) => {
      await startUpload(lab, VIDEO, [1, 2]);
    },
    answers: async (lab) => ({ "upload-id": await listedUploadId(lab) }),
  },
  {
    step: "abandoned-upload",
    kind: "right",
    what: "the id kept from CreateMultipartUpload's answer, typed in quotes",
    work: async (lab) => {
      ownUpload = await startUpload(lab);
    },
    answers: () => ({ "upload-id": `"${ownUpload}"` }),
  },
  {
    step: "abandoned-upload",
    kind: "right",
    what: "aws s3api create-multipart-upload and upload-part, the id from list-multipart-uploads, given to s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async (lab) => {
      const created = JSON.parse(await lab.awsCliOk(["s3api", "create-multipart-upload", "--bucket", costs(lab), "--key", VIDEO])) as { UploadId: string };
      const body = lab.file("part1.bin", "the first part of a video");
      await lab.awsCliOk(["s3api", "upload-part", "--bucket", costs(lab), "--key", VIDEO, "--part-number", "1", "--upload-id", created.UploadId, "--body", body]);
    },
    answers: async (lab) => {
      const listed = JSON.parse(await lab.awsCliOk(["s3api", "list-multipart-uploads", "--bucket", costs(lab)])) as { Uploads?: { Key: string; UploadId: string }[] };
      return { "upload-id": listed.Uploads?.find((upload) => upload.Key === VIDEO)?.UploadId ?? "" };
    },
  },

  // abort-incomplete-uploads (the setup made the bucket; the earlier step left an upload open)
  {
    step: "abort-incomplete-uploads",
    kind: "wrong",
    what: "nothing done",
    work: async () => undefined,
    reason: /NoSuchLifecycleConfiguration/,
  },
  {
    step: "abort-incomplete-uploads",
    kind: "wrong",
    what: "the rule saved Disabled",
    work: (lab) => accepted(lab, costs(lab), [abortRule({ Status: "Disabled" })]),
    reason: /for videos\/raw\.mp4, rule abort-incomplete-uploads is Disabled; only Enabled rules act/,
  },
  {
    step: "abort-incomplete-uploads",
    kind: "wrong",
    what: "the rule narrowed to videos/, so other uploads stay billed",
    work: (lab) => accepted(lab, costs(lab), [abortRule({ Filter: { Prefix: "videos/" } })]),
    reason: /for backups\/2026\/db\.dump, rule abort-incomplete-uploads applies to the prefix videos\/, which does not cover it/,
  },
  {
    step: "abort-incomplete-uploads",
    kind: "wrong",
    what: "30 days instead of 7",
    work: (lab) => accepted(lab, costs(lab), [abortRule({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 30 } })]),
    reason: /takes effect with DaysAfterInitiation 30, expected DaysAfterInitiation 7/,
  },
  {
    step: "abort-incomplete-uploads",
    kind: "wrong",
    what: "Expiration after 7 days instead (it expires objects, not uploads)",
    work: (lab) => accepted(lab, costs(lab), [{ ID: "expire-7", Status: "Enabled", Filter: {}, Expiration: { Days: 7 } }]),
    reason: /no rule has AbortIncompleteMultipartUpload; rule expire-7 has Expiration, which acts on finished objects/,
  },
  {
    step: "abort-incomplete-uploads",
    kind: "wrong",
    what: "the right rule, plus another that aborts everything after 1 day (the sooner one wins)",
    work: (lab) => accepted(lab, costs(lab), [abortRule(), abortRule({ ID: "abort-fast", AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })]),
    reason: /rule abort-fast takes effect with DaysAfterInitiation 1, expected DaysAfterInitiation 7/,
  },
  {
    step: "abort-incomplete-uploads",
    kind: "wrong",
    what: "the abort narrowed to objects tagged temp=true (S3 refuses the rule, nothing is saved)",
    work: async (lab) => {
      expect(await tryPutLifecycle(lab, costs(lab), [abortRule({ Filter: { Tag: { Key: "temp", Value: "true" } } })])).toBe("InvalidRequest");
    },
    reason: /NoSuchLifecycleConfiguration/,
  },
  {
    step: "abort-incomplete-uploads",
    kind: "wrong",
    what: "DaysAfterInitiation 0 (S3 refuses it, nothing is saved)",
    work: async (lab) => {
      expect(await tryPutLifecycle(lab, costs(lab), [abortRule({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 0 } })])).toBe("InvalidArgument");
    },
    reason: /NoSuchLifecycleConfiguration/,
  },
  {
    step: "abort-incomplete-uploads",
    kind: "right",
    what: "Filter { Prefix: \"\" }, beside another rule that expires tmp/",
    work: (lab) =>
      accepted(lab, costs(lab), [
        { ID: "clean-tmp", Status: "Enabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 1 } },
        abortRule({ ID: "mpu", Filter: { Prefix: "" } }),
      ]),
  },
  {
    step: "abort-incomplete-uploads",
    kind: "right",
    what: "one rule with two actions: the abort and expired delete markers removed",
    work: (lab) => accepted(lab, costs(lab), [abortRule({ Expiration: { ExpiredObjectDeleteMarker: true } })]),
  },
  {
    step: "abort-incomplete-uploads",
    kind: "right",
    what: "the older form: a rule-level Prefix of \"\" and no Filter, without an ID",
    work: (lab) => accepted(lab, costs(lab), [{ Prefix: "", Status: "Enabled", AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }]),
  },
  {
    step: "abort-incomplete-uploads",
    kind: "right",
    what: "aws s3api put-bucket-lifecycle-configuration from a JSON file",
    awsCli: true,
    work: async (lab) => {
      await putLifecycleWithCli(lab, costs(lab), "abort.json", [abortRule()]);
    },
  },

  // expire-noncurrent (the setup made the versioned bucket and the two editions)
  {
    step: "expire-noncurrent",
    kind: "wrong",
    what: "nothing done",
    work: async () => undefined,
    reason: /NoSuchLifecycleConfiguration/,
  },
  {
    step: "expire-noncurrent",
    kind: "wrong",
    what: "Expiration after 30 days instead of NoncurrentVersionExpiration",
    work: (lab) => accepted(lab, versions(lab), [{ ID: "expire-docs", Status: "Enabled", Filter: { Prefix: "docs/" }, Expiration: { Days: 30 } }]),
    reason: /no rule has NoncurrentVersionExpiration; rule expire-docs has Expiration, which acts on current versions/,
  },
  {
    step: "expire-noncurrent",
    kind: "wrong",
    what: "noncurrent versions moved to Glacier at 30 days, never deleted",
    work: (lab) =>
      accepted(lab, versions(lab), [{ ID: "archive-docs", Status: "Enabled", Filter: { Prefix: "docs/" }, NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: "GLACIER" }] }]),
    reason: /rule archive-docs moves noncurrent versions to another class/,
  },
  {
    step: "expire-noncurrent",
    kind: "wrong",
    what: "the rule saved Disabled",
    work: (lab) => accepted(lab, versions(lab), [noncurrentRule({ Status: "Disabled" })]),
    reason: /rule expire-old-docs is Disabled/,
  },
  {
    step: "expire-noncurrent",
    kind: "wrong",
    what: "the whole bucket, so legal/ loses its old versions too",
    work: (lab) => accepted(lab, versions(lab), [noncurrentRule({ Filter: {} })]),
    reason: /legal\/contract\.pdf is not left alone: rule expire-old-docs applies to the whole bucket, which covers it/,
  },
  {
    step: "expire-noncurrent",
    kind: "wrong",
    what: "the prefix written handbook/ (the file's name, not its folder)",
    work: (lab) => accepted(lab, versions(lab), [noncurrentRule({ Filter: { Prefix: "handbook/" } })]),
    reason: /for docs\/handbook\.md, rule expire-old-docs applies to the prefix handbook\/, which does not cover it/,
  },
  {
    step: "expire-noncurrent",
    kind: "wrong",
    what: "60 days instead of 30",
    work: (lab) => accepted(lab, versions(lab), [noncurrentRule({ NoncurrentVersionExpiration: { NoncurrentDays: 60 } })]),
    reason: /takes effect with NoncurrentDays 60, expected NoncurrentDays 30/,
  },
  {
    step: "expire-noncurrent",
    kind: "wrong",
    what: "NewerNoncurrentVersions 3, which keeps three old versions forever",
    work: (lab) => accepted(lab, versions(lab), [noncurrentRule({ NoncurrentVersionExpiration: { NoncurrentDays: 30, NewerNoncurrentVersions: 3 } })]),
    reason: /NoncurrentDays 30, keeping the 3 newest noncurrent versions, expected NoncurrentDays 30/,
  },
  {
    step: "expire-noncurrent",
    kind: "wrong",
    what: "only docs/ objects tagged draft=true",
    work: (lab) =>
      accepted(lab, versions(lab), [noncurrentRule({ Filter: { And: { Prefix: "docs/", Tags: [{ Key: "draft", Value: "true" }] } } })]),
    reason: /applies to the prefix docs\/, only objects tagged draft=true, not to every object there/,
  },
  {
    step: "expire-noncurrent",
    kind: "wrong",
    what: "versioning suspended as well (it deletes no version and stops the history)",
    work: async (lab) => {
      await accepted(lab, versions(lab), [noncurrentRule()]);
      await lab.s3().send(new PutBucketVersioningCommand({ Bucket: versions(lab), VersioningConfiguration: { Status: "Suspended" } }));
    },
    reason: /Versioning is still on .*: Status is Suspended, expected Enabled/,
  },
  {
    step: "expire-noncurrent",
    kind: "right",
    what: "one rule for docs/ with two actions: noncurrent expiry and aborting uploads",
    work: (lab) => accepted(lab, versions(lab), [noncurrentRule({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } })]),
  },
  {
    step: "expire-noncurrent",
    kind: "right",
    what: "two rules: docs/ noncurrent expiry and a whole-bucket abort",
    work: (lab) => accepted(lab, versions(lab), [abortRule(), noncurrentRule({ ID: "docs" })]),
  },
  {
    step: "expire-noncurrent",
    kind: "right",
    what: "the older form: a rule-level Prefix docs/ and no Filter",
    work: (lab) => accepted(lab, versions(lab), [{ ID: "docs", Prefix: "docs/", Status: "Enabled", NoncurrentVersionExpiration: { NoncurrentDays: 30 } }]),
  },
  {
    step: "expire-noncurrent",
    kind: "right",
    what: "aws s3api put-bucket-lifecycle-configuration from a JSON file",
    awsCli: true,
    work: async (lab) => {
      await putLifecycleWithCli(lab, versions(lab), "noncurrent.json", [noncurrentRule()]);
    },
  },

  // requester-pays (the setup made the bucket, its object and the policy letting the second account read)
  {
    step: "requester-pays",
    kind: "wrong",
    what: "nothing done",
    work: async () => undefined,
    reason: /The bucket is Requester Pays: Payer is BucketOwner, expected Requester/,
  },
  {
    step: "requester-pays",
    kind: "wrong",
    what: "turned on, then back to BucketOwner",
    work: async (lab) => {
      await requesterPays(lab);
      await requesterPays(lab, "BucketOwner");
    },
    reason: /The bucket is Requester Pays: Payer is BucketOwner, expected Requester/,
  },
  {
    step: "requester-pays",
    kind: "wrong",
    what: "the bucket policy deleted as well, so nobody else can read even when paying",
    work: async (lab) => {
      await requesterPays(lab);
      await lab.s3().send(new DeleteBucketPolicyCommand({ Bucket: dataset(lab) }));
    },
    reason: /With x-amz-request-payer it succeeds, charged to the second account: failed with AccessDenied/,
  },
  {
    step: "requester-pays",
    kind: "right",
    what: "PutBucketRequestPayment through the SDK, sent twice",
    work: async (lab) => {
      await requesterPays(lab);
      await requesterPays(lab);
    },
  },
  {
    step: "requester-pays",
    kind: "right",
    what: "aws s3api put-bucket-request-payment",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3api", "put-bucket-request-payment", "--bucket", dataset(lab), "--request-payment-configuration", "Payer=Requester"]);
    },
  },
]);
