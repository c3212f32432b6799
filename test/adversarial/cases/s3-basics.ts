import { createHash } from "node:crypto";
import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { stepCases, type Lab } from "../helpers";

/** s3-basics: a bucket and an object, its ETag, and folders that are only prefixes. */

const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const basics = (lab: Lab) => lab.name("basics");
const putHello = (lab: Lab, input: Partial<ConstructorParameters<typeof PutObjectCommand>[0]>) =>
  lab.s3().send(new PutObjectCommand({ Bucket: basics(lab), Key: "notes/hello.txt", Body: "Hello, S3!", ContentType: "text/plain", Metadata: { author: "learner" }, ...input }));
const head = (lab: Lab, key: string) => lab.s3().send(new HeadObjectCommand({ Bucket: basics(lab), Key: key }));

export const s3BasicsCases = stepCases([
  // make-a-bucket (the setup made the bucket; the learner puts the object)
  {
    step: "make-a-bucket",
    kind: "wrong",
    what: "PutObject without ContentType",
    work: (lab) => putHello(lab, { ContentType: undefined }).then(() => undefined),
    reason: /ContentType is application\/octet-stream, expected text\/plain/,
  },
  {
    step: "make-a-bucket",
    kind: "wrong",
    what: "the text typed without its comma, Hello S3!",
    work: (lab) => putHello(lab, { Body: "Hello S3!" }).then(() => undefined),
    reason: /Body is "Hello S3!", expected "Hello, S3!"/,
  },
  {
    step: "make-a-bucket",
    kind: "wrong",
    what: "author=learner given as a tag instead of metadata",
    work: (lab) => putHello(lab, { Metadata: undefined, Tagging: "author=learner" }).then(() => undefined),
    reason: /Metadata\.author is missing, expected learner/,
  },
  {
    step: "make-a-bucket",
    kind: "wrong",
    what: "the key typed note/hello.txt",
    work: (lab) => putHello(lab, { Key: "note/hello.txt" }).then(() => undefined),
    reason: /notes\/hello\.txt reads back as it was written: failed with NoSuchKey \(404\)/,
  },
  {
    step: "make-a-bucket",
    kind: "right",
    what: "the body written by echo (a trailing newline), as a Buffer",
    work: (lab) => putHello(lab, { Body: Buffer.from("Hello, S3!\n") }).then(() => undefined),
  },
  {
    step: "make-a-bucket",
    kind: "right",
    what: "the metadata key written Author (S3 keeps metadata names in lower case)",
    work: (lab) => putHello(lab, { Metadata: { Author: "learner" } }).then(() => undefined),
  },
  {
    step: "make-a-bucket",
    kind: "right",
    what: "aws s3 cp of a file made with echo, content type guessed from .txt",
    awsCli: true,
    work: async (lab) => {
      const file = lab.file("hello.txt", "Hello, S3!\n");
      await lab.awsCliOk(["s3", "cp", "--no-progress", file, `s3://${basics(lab)}/notes/hello.txt`, "--metadata", "author=learner"]);
    },
  },

  // read-the-etag: the learner reads HeadObject and types what it said
  {
    step: "read-the-etag",
    kind: "wrong",
    what: 'the ETag typed as the MD5 of "Hello, S3!\\n" (a file made with echo)',
    work: (lab) => head(lab, "notes/hello.txt").then(() => undefined),
    answers: { etag: md5("Hello, S3!\n"), size: "10" },
    reason: /you answered [0-9a-f]{32}, which is not what the target answered; look again at ETag in HeadObject's answer/,
  },
  {
    step: "read-the-etag",
    kind: "wrong",
    what: "the size typed 11, counting a newline that is not there",
    work: (lab) => head(lab, "notes/hello.txt").then(() => undefined),
    answers: { etag: md5("Hello, S3!"), size: "11" },
    reason: /you answered 11, which is not what the target answered; look again at ContentLength/,
  },
  {
    step: "read-the-etag",
    kind: "wrong",
    what: "the wrong ETag given to s3-tutor check --answer",
    viaCommand: true,
    work: (lab) => head(lab, "notes/hello.txt").then(() => undefined),
    answers: { etag: md5("Hello, S3!\n"), size: "10" },
    reason: /look again at ETag in HeadObject's answer/,
  },
  {
    step: "read-the-etag",
    kind: "right",
    what: "the ETag typed in upper case with its quotes, the size as 10 bytes",
    work: async () => undefined,
    answers: async (lab) => {
      const seen = await head(lab, "notes/hello.txt");
      return { etag: (seen.ETag ?? "").toUpperCase(), size: `${seen.ContentLength} bytes` };
    },
  },
  {
    step: "read-the-etag",
    kind: "right",
    what: "aws s3api head-object read, answers given to s3-tutor check --answer",
    awsCli: true,
    viaCommand: true,
    work: async () => undefined,
    answers: async (lab) => {
      const printed = JSON.parse(await lab.awsCliOk(["s3api", "head-object", "--bucket", basics(lab), "--key", "notes/hello.txt"])) as { ETag: string; ContentLength: number };
      return { etag: printed.ETag, size: String(printed.ContentLength) };
    },
  },

  // folders-are-prefixes
  {
    step: "folders-are-prefixes",
    kind: "wrong",
    what: "the key typed notes2026/plan.txt",
    work: (lab) => lab.s3().send(new PutObjectCommand({ Bucket: basics(lab), Key: "notes2026/plan.txt", Body: "the plan" })).then(() => undefined),
    reason: /notes\/2026\/plan\.txt is an object in .*: failed with NotFound \(404\)/,
  },
  {
    step: "folders-are-prefixes",
    kind: "wrong",
    what: 'a zero-byte "folder" object notes/2026/ instead of the file',
    work: (lab) => lab.s3().send(new PutObjectCommand({ Bucket: basics(lab), Key: "notes/2026/", Body: "" })).then(() => undefined),
    reason: /notes\/2026\/plan\.txt is an object in .*: failed with NotFound \(404\)/,
  },
  {
    step: "folders-are-prefixes",
    kind: "right",
    what: "the console's way: a zero-byte notes/2026/ folder, then the file with other text",
    work: async (lab) => {
      await lab.s3().send(new PutObjectCommand({ Bucket: basics(lab), Key: "notes/2026/", Body: "" }));
      await lab.s3().send(new PutObjectCommand({ Bucket: basics(lab), Key: "notes/2026/plan.txt", Body: "ship it in March" }));
    },
  },
  {
    step: "folders-are-prefixes",
    kind: "right",
    what: "aws s3 cp plan.txt into notes/2026/",
    awsCli: true,
    work: async (lab) => {
      const file = lab.file("plan.txt", "the plan\n");
      await lab.awsCliOk(["s3", "cp", "--no-progress", file, `s3://${basics(lab)}/notes/2026/`]);
    },
  },
]);
