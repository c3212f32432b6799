import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListPartsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { openOnePartUpload } from "../../helpers/one-part-upload";
import { freshName, outcomeOf, sleep, type Scratch } from "../scenario-kit";
import { HOME, type Scenario } from "../scenario";

const GROUP = "Conditional writes";

const bodyOf = async (s3: S3Client, bucket: string, key: string) =>
  (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })).then((got) => got.Body?.transformToString())) ?? "";

const scratchBucket = async (scratch: Scratch, versioned = false) => {
  const bucket = await scratch.bucket(freshName("cw"), HOME);
  if (versioned) {
    await scratch.subject.s3("me", HOME).send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
  }
  return bucket;
};

export const conditionalWriteScenarios: Scenario[] = [
  {
    id: "conditional.create-only",
    group: GROUP,
    title: "PutObject with If-None-Match: * on a key that exists",
    run: async (scratch) => {
      const s3 = scratch.subject.s3("me", HOME);
      const bucket = await scratchBucket(scratch);
      const first = await outcomeOf(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: "lock", Body: "first", IfNoneMatch: "*" })));
      const second = await outcomeOf(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: "lock", Body: "second", IfNoneMatch: "*" })));
      return `first ${first}; second ${second}; body "${await bodyOf(s3, bucket, "lock")}"`;
    },
    expected: {
      aws: 'first 200; second 412 PreconditionFailed; body "first"',
      localstack: 'first 200; second 412 PreconditionFailed; body "first"',
      moto: 'first 200; second 412 PreconditionFailed; body "first"',
    },
  },
  {
    id: "conditional.compare-and-swap",
    group: GROUP,
    title: "PutObject with If-Match: the current ETag, then the same (now stale) ETag again",
    run: async (scratch) => {
      const s3 = scratch.subject.s3("me", HOME);
      const bucket = await scratchBucket(scratch);
      const base = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "flags", Body: "v1" }));
      const fresh = await outcomeOf(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: "flags", Body: "v2", IfMatch: base.ETag })));
      const stale = await outcomeOf(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: "flags", Body: "v2-lost", IfMatch: base.ETag })));
      return `current ${fresh}; stale ${stale}; body "${await bodyOf(s3, bucket, "flags")}"`;
    },
    expected: {
      aws: 'current 200; stale 412 PreconditionFailed; body "v2"',
      localstack: 'current 200; stale 412 PreconditionFailed; body "v2"',
      moto: 'current 200; stale 412 PreconditionFailed; body "v2"',
    },
  },
  {
    id: "conditional.if-match-missing",
    group: GROUP,
    title: "PutObject with If-Match on a key that does not exist",
    run: async (scratch) => {
      const s3 = scratch.subject.s3("me", HOME);
      const bucket = await scratchBucket(scratch);
      return outcomeOf(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: "nothing", Body: "x", IfMatch: '"0123456789abcdef0123456789abcdef"' })));
    },
    expected: { aws: "404 NoSuchKey", localstack: "404 NoSuchKey", moto: "404 NoSuchKey" },
  },
  {
    id: "conditional.unsupported-values",
    group: GROUP,
    title: "PutObject with If-None-Match set to an ETag, with If-Match: *, and with both headers",
    run: async (scratch) => {
      const s3 = scratch.subject.s3("me", HOME);
      const bucket = await scratchBucket(scratch);
      const { ETag } = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "k", Body: "v1" }));
      const put = (conditions: { IfNoneMatch?: string; IfMatch?: string }) => outcomeOf(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: "k", Body: "v2", ...conditions })));
      const etagInNoneMatch = await put({ IfNoneMatch: ETag });
      const starInMatch = await put({ IfMatch: "*" });
      const both = await put({ IfNoneMatch: "*", IfMatch: ETag });
      return `ETag in If-None-Match ${etagInNoneMatch}; If-Match: * ${starInMatch}; both ${both}`;
    },
    expected: {
      aws: "ETag in If-None-Match 501 NotImplemented; If-Match: * 501 NotImplemented; both 501 NotImplemented",
      localstack: "ETag in If-None-Match 501 NotImplemented; If-Match: * 501 NotImplemented; both 501 NotImplemented",
      moto: "ETag in If-None-Match 200; If-Match: * 412 PreconditionFailed; both 412 PreconditionFailed",
    },
    notes: {
      aws: "Recorded against AWS in LocalStack's TestS3ObjectWritePrecondition (the *_validation tests).",
      moto: "moto ignores an If-None-Match that is not * (the write goes through) and judges the others as plain conditions.",
    },
  },
  {
    id: "conditional.over-delete-marker",
    group: GROUP,
    title: "If-None-Match: * where the current version is a delete marker",
    run: async (scratch) => {
      const s3 = scratch.subject.s3("me", HOME);
      const bucket = await scratchBucket(scratch, true);
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "k", Body: "old" }));
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: "k" }));
      return outcomeOf(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: "k", Body: "new", IfNoneMatch: "*" })));
    },
    expected: { aws: "200", localstack: "200", moto: "200" },
  },
  {
    id: "conditional.copy-create-only",
    group: GROUP,
    title: "CopyObject with If-None-Match: * onto a key that exists, then onto a free one",
    run: async (scratch) => {
      const s3 = scratch.subject.s3("me", HOME);
      const bucket = await scratchBucket(scratch);
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "source", Body: "source" }));
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "taken", Body: "taken" }));
      const copy = (Key: string) => outcomeOf(() => s3.send(new CopyObjectCommand({ Bucket: bucket, Key, CopySource: `${bucket}/source`, IfNoneMatch: "*" })));
      return `taken ${await copy("taken")}; free ${await copy("free")}`;
    },
    expected: { aws: "taken 412 PreconditionFailed; free 200", localstack: "taken 412 PreconditionFailed; free 200", moto: "taken 200; free 200" },
    notes: {
      aws: "CopyObject's If-None-Match and If-Match judge the destination (API reference, CopyObject; recorded against AWS in LocalStack's TestS3ObjectWritePrecondition).",
      moto: "moto ignores the header on CopyObject and overwrites the destination.",
    },
  },
  {
    id: "conditional.race",
    group: GROUP,
    title: "Five clients race to create one key with If-None-Match: *",
    run: async (scratch) => {
      const bucket = await scratchBucket(scratch);
      const body = (index: number) => `writer ${index} `.repeat(16 * 1024);
      const outcomes = await Promise.all(
        [0, 1, 2, 3, 4].map((index) =>
          outcomeOf(() => scratch.subject.s3("me", HOME).send(new PutObjectCommand({ Bucket: bucket, Key: "race", Body: body(index), IfNoneMatch: "*" }))),
        ),
      );
      const won = outcomes.filter((outcome) => outcome === "200").length;
      const refused = [...new Set(outcomes.filter((outcome) => outcome !== "200"))].join(", ");
      return `${won} won${refused ? `; the others ${refused}` : ""}`;
    },
    expected: { aws: "1 won; the others 412 PreconditionFailed", localstack: "1 won; the others 412 PreconditionFailed", moto: "1 won; the others 412 PreconditionFailed" },
  },
  {
    id: "conditional.multipart-key-taken",
    group: GROUP,
    title: "CompleteMultipartUpload with If-None-Match: * after another writer created the key",
    run: async (scratch) => {
      const s3 = scratch.subject.s3("me", HOME);
      const bucket = await scratchBucket(scratch);
      const upload = await openOnePartUpload(s3, bucket, "big", "mine");
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "big", Body: "theirs" }));
      const complete = await outcomeOf(() => s3.send(new CompleteMultipartUploadCommand({ ...upload, IfNoneMatch: "*" })));
      const parts = await outcomeOf(() => s3.send(new ListPartsCommand({ Bucket: bucket, Key: "big", UploadId: upload.UploadId })));
      return `complete ${complete}; body "${await bodyOf(s3, bucket, "big")}"; ListParts ${parts}`;
    },
    expected: {
      aws: 'complete 412 PreconditionFailed; body "theirs"; ListParts 200',
      localstack: 'complete 412 PreconditionFailed; body "theirs"; ListParts 200',
      moto: 'complete 412 PreconditionFailed; body "theirs"; ListParts 200',
    },
  },
  {
    id: "conditional.multipart-delete-during",
    group: GROUP,
    title: "CompleteMultipartUpload with If-None-Match: * after the key was deleted during the upload, then a new upload",
    run: async (scratch) => {
      const s3 = scratch.subject.s3("me", HOME);
      const bucket = await scratchBucket(scratch);
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "current" }));
      const upload = await openOnePartUpload(s3, bucket, "doc", "replacement");
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: "doc" }));
      const complete = await outcomeOf(() => s3.send(new CompleteMultipartUploadCommand({ ...upload, IfNoneMatch: "*" })));
      const again = await openOnePartUpload(s3, bucket, "doc", "replacement");
      const restarted = await outcomeOf(() => s3.send(new CompleteMultipartUploadCommand({ ...again, IfNoneMatch: "*" })));
      return `complete ${complete}; a new upload ${restarted}`;
    },
    expected: {
      aws: "complete 409 ConditionalRequestConflict; a new upload 200",
      localstack: "complete 409 ConditionalRequestConflict; a new upload 200",
      moto: "complete 200; a new upload 412 PreconditionFailed",
    },
    notes: {
      aws: "The API reference (CompleteMultipartUpload, If-None-Match) says a conflicting operation during the upload answers 409 ConditionalRequestConflict and the upload must be started again; LocalStack's tests recorded against AWS (TestS3ObjectWritePrecondition) show this case.",
      moto: "moto completes the first upload (no conflict is detected), so the second, started on a key that now exists, is refused with 412.",
    },
  },
  {
    id: "conditional.multipart-rewritten-during",
    group: GROUP,
    title: "CompleteMultipartUpload with If-Match after the object was rewritten (same bytes, same ETag) during the upload",
    run: async (scratch) => {
      const s3 = scratch.subject.s3("me", HOME);
      const bucket = await scratchBucket(scratch);
      const first = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "same" }));
      const upload = await openOnePartUpload(s3, bucket, "doc", "replacement");
      await sleep(10);
      const second = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "same" }));
      const complete = await outcomeOf(() => s3.send(new CompleteMultipartUploadCommand({ ...upload, IfMatch: second.ETag })));
      return `ETag ${first.ETag === second.ETag ? "unchanged" : "changed"}; complete ${complete}`;
    },
    expected: {
      aws: "ETag unchanged; complete 409 ConditionalRequestConflict",
      localstack: "ETag unchanged; complete 409 ConditionalRequestConflict",
      moto: "ETag unchanged; complete 200",
    },
    notes: {
      aws: "Recorded against AWS in LocalStack's TestS3ObjectWritePrecondition: any write to the key after CreateMultipartUpload conflicts, whatever its ETag.",
      moto: "moto checks only the ETag when the upload completes, so the rewrite goes unnoticed.",
    },
  },
];
