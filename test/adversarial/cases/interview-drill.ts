import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { expect } from "vitest";
import { stepCases, type Lab } from "../helpers";
import { cliErrorCode, tryCreateBucket } from "../learner-work";

/** interview-drill: one region and one name, read-your-writes, versioning undoes a delete. */

const drill = (lab: Lab) => lab.name("drill");
const put = (lab: Lab, key: string, body: string) => lab.s3().send(new PutObjectCommand({ Bucket: drill(lab), Key: key, Body: body }));
const remove = (lab: Lab, key: string, versionId?: string) => lab.s3().send(new DeleteObjectCommand({ Bucket: drill(lab), Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
const versioning = (lab: Lab, status: "Enabled" | "Suspended") =>
  lab.s3().send(new PutBucketVersioningCommand({ Bucket: drill(lab), VersioningConfiguration: { Status: status } }));

export const interviewDrillCases = stepCases([
  // prove-one-region
  {
    step: "prove-one-region",
    kind: "wrong",
    what: "the bucket made in us-west-2, where the learner then lists",
    work: async (lab) => {
      await tryCreateBucket(lab, drill(lab), { region: lab.otherRegion });
      await tryCreateBucket(lab, drill(lab), { region: lab.otherRegion });
    },
    answers: { code: "BucketAlreadyOwnedByYou" },
    reason: /HeadBucket names the bucket's one Region: BucketRegion is us-west-2, expected eu-west-1/,
  },
  {
    step: "prove-one-region",
    kind: "wrong",
    what: "the code typed BucketAlreadyExists",
    work: async (lab) => {
      await tryCreateBucket(lab, drill(lab), { region: lab.region });
      await tryCreateBucket(lab, drill(lab), { region: lab.otherRegion });
    },
    answers: { code: "BucketAlreadyExists" },
    reason: /you answered BucketAlreadyExists, which is not what the target answered; look again at the error code CreateBucket answered/,
  },
  {
    step: "prove-one-region",
    kind: "right",
    what: "no CreateBucketConfiguration (the SDK fills in each client's region), the code typed in single quotes",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, drill(lab), { region: lab.region, constraint: null })).toBeUndefined();
      expect(await tryCreateBucket(lab, drill(lab), { region: lab.otherRegion, constraint: null })).toBe("BucketAlreadyOwnedByYou");
    },
    answers: { code: "'BucketAlreadyOwnedByYou'" },
  },
  {
    step: "prove-one-region",
    kind: "right",
    what: "aws s3 mb, aws s3 ls from us-west-2, aws s3 mb there; the code given to s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3", "mb", `s3://${drill(lab)}`, "--region", lab.region]);
      expect(await lab.awsCliOk(["s3", "ls"], { region: lab.otherRegion })).toContain(drill(lab));
    },
    answers: async (lab) => ({ code: cliErrorCode((await lab.awsCli(["s3", "mb", `s3://${drill(lab)}`, "--region", lab.otherRegion])).stderr) }),
  },

  // read-your-writes (the setup made the bucket and scratch.txt)
  {
    step: "read-your-writes",
    kind: "wrong",
    what: "the overwrite typed Second",
    work: async (lab) => {
      await put(lab, "answer.txt", "first");
      await put(lab, "answer.txt", "Second");
      await remove(lab, "scratch.txt");
    },
    reason: /answer\.txt reads second, the last write: Body is Second, expected second/,
  },
  {
    step: "read-your-writes",
    kind: "wrong",
    what: "the two writes in the wrong order",
    work: async (lab) => {
      await put(lab, "answer.txt", "second");
      await put(lab, "answer.txt", "first");
      await remove(lab, "scratch.txt");
    },
    reason: /answer\.txt reads second, the last write: Body is first, expected second/,
  },
  {
    step: "read-your-writes",
    kind: "wrong",
    what: "the delete sent for Scratch.txt (keys are case-sensitive)",
    work: async (lab) => {
      await put(lab, "answer.txt", "first");
      await put(lab, "answer.txt", "second");
      await remove(lab, "Scratch.txt");
    },
    reason: /scratch\.txt is gone: succeeded \(200\), expected it to fail with NotFound \(404\)/,
  },
  {
    step: "read-your-writes",
    kind: "right",
    what: "bodies written as echo writes them (with a newline), scratch.txt removed with DeleteObjects",
    work: async (lab) => {
      await put(lab, "answer.txt", "first\n");
      await put(lab, "answer.txt", "second\n");
      await lab.s3().send(new DeleteObjectsCommand({ Bucket: drill(lab), Delete: { Objects: [{ Key: "scratch.txt" }] } }));
    },
  },
  {
    step: "read-your-writes",
    kind: "right",
    what: "aws s3 cp of two files made with echo, then aws s3 rm",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3", "cp", "--no-progress", lab.file("first.txt", "first\n"), `s3://${drill(lab)}/answer.txt`]);
      await lab.awsCliOk(["s3", "cp", "--no-progress", lab.file("second.txt", "second\n"), `s3://${drill(lab)}/answer.txt`]);
      await lab.awsCliOk(["s3", "rm", `s3://${drill(lab)}/scratch.txt`]);
    },
  },

  // versioning-undoes-delete (the setup made the bucket)
  {
    step: "versioning-undoes-delete",
    kind: "wrong",
    what: "the object's version deleted instead of the delete marker",
    work: async (lab) => {
      await versioning(lab, "Enabled");
      const version = (await put(lab, "contract.txt", "signed copy")).VersionId;
      await remove(lab, "contract.txt");
      await remove(lab, "contract.txt", version);
    },
    reason: /contract\.txt reads again, with its original content: failed with NoSuchKey \(404\)/,
  },
  {
    step: "versioning-undoes-delete",
    kind: "wrong",
    what: "versioning enabled only after the put and the delete, so nothing to undo",
    work: async (lab) => {
      await put(lab, "contract.txt", "signed copy");
      await remove(lab, "contract.txt");
      await versioning(lab, "Enabled");
    },
    reason: /contract\.txt reads again, with its original content: failed with NoSuchKey \(404\)/,
  },
  {
    step: "versioning-undoes-delete",
    kind: "wrong",
    what: "versioning never turned on: put, delete, put again",
    work: async (lab) => {
      await put(lab, "contract.txt", "signed copy");
      await remove(lab, "contract.txt");
      await put(lab, "contract.txt", "signed copy");
    },
    reason: /keeps versions: Status is missing, expected Enabled/,
  },
  {
    step: "versioning-undoes-delete",
    kind: "wrong",
    what: "versioning Suspended instead of Enabled",
    work: async (lab) => {
      await versioning(lab, "Suspended");
      await put(lab, "contract.txt", "signed copy");
    },
    reason: /keeps versions: Status is Suspended, expected Enabled/,
  },
  {
    step: "versioning-undoes-delete",
    kind: "wrong",
    what: "brought back by copying the old version on top, leaving the delete marker",
    work: async (lab) => {
      await versioning(lab, "Enabled");
      const version = (await put(lab, "contract.txt", "signed copy")).VersionId;
      await remove(lab, "contract.txt");
      await lab.s3().send(new CopyObjectCommand({ Bucket: drill(lab), Key: "contract.txt", CopySource: `${drill(lab)}/contract.txt?versionId=${version}` }));
    },
    reason: /its delete marker is gone: DeleteMarkers has 1 element/,
  },
  {
    step: "versioning-undoes-delete",
    kind: "right",
    what: "versioning turned on after the put: the null version comes back when its delete marker goes",
    work: async (lab) => {
      await put(lab, "contract.txt", "signed copy");
      await versioning(lab, "Enabled");
      const marker = await remove(lab, "contract.txt");
      expect(marker.DeleteMarker).toBe(true);
      await remove(lab, "contract.txt", marker.VersionId);
    },
  },
  {
    step: "versioning-undoes-delete",
    kind: "right",
    what: "the marker found with ListObjectVersions and removed with DeleteObjects",
    work: async (lab) => {
      await versioning(lab, "Enabled");
      await put(lab, "contract.txt", "signed copy");
      await remove(lab, "contract.txt");
      const listed = await lab.s3().send(new ListObjectVersionsCommand({ Bucket: drill(lab), Prefix: "contract.txt" }));
      const marker = listed.DeleteMarkers?.find((candidate) => candidate.IsLatest);
      await lab.s3().send(new DeleteObjectsCommand({ Bucket: drill(lab), Delete: { Objects: [{ Key: "contract.txt", VersionId: marker?.VersionId }] } }));
    },
  },
  {
    step: "versioning-undoes-delete",
    kind: "right",
    what: "all with the AWS CLI: put-bucket-versioning, cp, rm, list-object-versions, delete-object --version-id",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3api", "put-bucket-versioning", "--bucket", drill(lab), "--versioning-configuration", "Status=Enabled"]);
      await lab.awsCliOk(["s3", "cp", "--no-progress", lab.file("contract.txt", "signed copy\n"), `s3://${drill(lab)}/contract.txt`]);
      await lab.awsCliOk(["s3", "rm", `s3://${drill(lab)}/contract.txt`]);
      const listed = JSON.parse(await lab.awsCliOk(["s3api", "list-object-versions", "--bucket", drill(lab), "--prefix", "contract.txt"])) as { DeleteMarkers: { VersionId: string; IsLatest: boolean }[] };
      const marker = listed.DeleteMarkers.find((candidate) => candidate.IsLatest);
      await lab.awsCliOk(["s3api", "delete-object", "--bucket", drill(lab), "--key", "contract.txt", "--version-id", marker?.VersionId ?? ""]);
    },
  },
]);
