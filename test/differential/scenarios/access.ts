import { DeleteBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { freshName, outcomeOf, type Scratch } from "../scenario-kit";
import { HOME, type Scenario } from "../scenario";

const GROUP = "Another account's bucket";

/** My bucket with one object, no bucket policy: what the other account may do to it. */
const mineWithObject = async (scratch: Scratch): Promise<string> => {
  const bucket = await scratch.bucket(freshName("own"), HOME);
  await scratch.subject.s3("me", HOME).send(new PutObjectCommand({ Bucket: bucket, Key: "private.txt", Body: "mine" }));
  return bucket;
};

export const accessScenarios: Scenario[] = [
  {
    id: "access.get-object",
    group: GROUP,
    title: "A second account reads an object (no bucket policy)",
    run: async (scratch) => {
      const bucket = await mineWithObject(scratch);
      return outcomeOf(() => scratch.subject.s3("other", HOME).send(new GetObjectCommand({ Bucket: bucket, Key: "private.txt" })));
    },
    expected: { aws: "403 AccessDenied", localstack: "200", moto: "200" },
  },
  {
    id: "access.list-objects",
    group: GROUP,
    title: "A second account lists its objects",
    run: async (scratch) => {
      const bucket = await mineWithObject(scratch);
      return outcomeOf(() => scratch.subject.s3("other", HOME).send(new ListObjectsV2Command({ Bucket: bucket })));
    },
    expected: { aws: "403 AccessDenied", localstack: "200", moto: "200" },
  },
  {
    id: "access.delete-bucket",
    group: GROUP,
    title: "A second account deletes it (empty)",
    run: async (scratch) => {
      const bucket = await scratch.bucket(freshName("own"), HOME);
      return outcomeOf(() => scratch.subject.s3("other", HOME).send(new DeleteBucketCommand({ Bucket: bucket })));
    },
    expected: { aws: "403 AccessDenied", localstack: "204", moto: "500 Error" },
    notes: { moto: "moto fails with a KeyError: it looks for the bucket among the caller's own buckets." },
  },
];
