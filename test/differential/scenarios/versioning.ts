import {
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { freshName, outcomeOf, type Scratch } from "../scenario-kit";
import { HOME, type Scenario } from "../scenario";

const GROUP = "Versioning";

/** A versioned bucket holding two versions of notes.txt ("one", then "two"); their ids, oldest first. */
const twoVersions = async (scratch: Scratch): Promise<{ bucket: string; ids: (string | undefined)[] }> => {
  const s3 = scratch.subject.s3("me", HOME);
  const bucket = await scratch.bucket(freshName("ver"), HOME);
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
  const ids: (string | undefined)[] = [];
  for (const body of ["one", "two"]) ids.push((await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "notes.txt", Body: body }))).VersionId);
  return { bucket, ids };
};

export const versioningScenarios: Scenario[] = [
  {
    id: "versioning.two-puts",
    group: GROUP,
    title: "Two PUTs of one key keep two versions",
    run: async (scratch) => {
      const { bucket, ids } = await twoVersions(scratch);
      const listed = await scratch.subject.s3("me", HOME).send(new ListObjectVersionsCommand({ Bucket: bucket }));
      const versions = listed.Versions ?? [];
      const distinct = new Set(ids).size === 2 && ids.every(Boolean);
      const latest = versions.find((version) => version.IsLatest)?.VersionId === ids[1];
      return `${versions.length} versions${distinct ? ", distinct ids" : ", ids not distinct"}${latest ? ", the second is latest" : ""}`;
    },
    expected: {
      aws: "2 versions, distinct ids, the second is latest",
      localstack: "2 versions, distinct ids, the second is latest",
      moto: "2 versions, distinct ids, the second is latest",
    },
  },
  {
    id: "versioning.old-version",
    group: GROUP,
    title: "GetObject of the older version by its id",
    run: async (scratch) => {
      const { bucket, ids } = await twoVersions(scratch);
      const old = await scratch.subject.s3("me", HOME).send(new GetObjectCommand({ Bucket: bucket, Key: "notes.txt", VersionId: ids[0] }));
      return `body "${await old.Body?.transformToString()}"`;
    },
    expected: { aws: 'body "one"', localstack: 'body "one"', moto: 'body "one"' },
  },
  {
    id: "versioning.delete-marker",
    group: GROUP,
    title: "DELETE without a version id, then GET",
    run: async (scratch) => {
      const s3 = scratch.subject.s3("me", HOME);
      const { bucket } = await twoVersions(scratch);
      const deleted = await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: "notes.txt" }));
      const get = await outcomeOf(() => s3.send(new GetObjectCommand({ Bucket: bucket, Key: "notes.txt" })));
      const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
      return `${deleted.DeleteMarker ? "delete marker" : "no delete marker"}; GET ${get}; ${listed.Versions?.length ?? 0} versions kept`;
    },
    expected: {
      aws: "delete marker; GET 404 NoSuchKey; 2 versions kept",
      localstack: "delete marker; GET 404 NoSuchKey; 2 versions kept",
      moto: "delete marker; GET 404 NoSuchKey; 2 versions kept",
    },
  },
  {
    id: "versioning.bucket-not-empty",
    group: GROUP,
    title: "DeleteBucket while only old versions and a delete marker remain",
    run: async (scratch) => {
      const s3 = scratch.subject.s3("me", HOME);
      const { bucket } = await twoVersions(scratch);
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: "notes.txt" }));
      return outcomeOf(() => s3.send(new DeleteBucketCommand({ Bucket: bucket })));
    },
    expected: { aws: "409 BucketNotEmpty", localstack: "409 BucketNotEmpty", moto: "409 BucketNotEmpty" },
  },
];
