import { createHash } from "node:crypto";
import { CreateBucketCommand, GetObjectCommand, PutBucketTaggingCommand, PutBucketVersioningCommand, PutObjectCommand, type BucketLocationConstraint } from "@aws-sdk/client-s3";
import { stepCases, type Lab } from "../helpers";

/** regions-and-buckets: buckets in two regions, the 301 from the wrong one, following it. */

const createIn = (lab: Lab, bucket: string, region: string, signedFor = region) =>
  lab
    .s3({ region: signedFor })
    .send(new CreateBucketCommand({ Bucket: bucket, ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }) }))
    .then(() => undefined);
const away = (lab: Lab) => lab.name("away");
const putHello = (lab: Lab, bucket: string, region: string, body: string) =>
  lab.s3({ region }).send(new PutObjectCommand({ Bucket: bucket, Key: "hello.txt", Body: body, ContentType: "text/plain" })).then(() => undefined);

export const regionsAndBucketsCases = stepCases([
  // buckets-in-two-regions
  {
    step: "buckets-in-two-regions",
    kind: "wrong",
    what: "the away bucket made in the home region (the client's default)",
    work: async (lab) => {
      await createIn(lab, lab.name("home"), lab.region);
      await createIn(lab, away(lab), lab.region);
    },
    reason: /-away lives in us-west-2: BucketRegion is eu-west-1, expected us-west-2/,
  },
  {
    step: "buckets-in-two-regions",
    kind: "wrong",
    what: "the home bucket made in us-east-1, with no LocationConstraint",
    work: async (lab) => {
      await createIn(lab, lab.name("home"), "us-east-1");
      await createIn(lab, away(lab), lab.otherRegion);
    },
    reason: /-home lives in eu-west-1: BucketRegion is us-east-1, expected eu-west-1/,
  },
  {
    step: "buckets-in-two-regions",
    kind: "wrong",
    what: "the away bucket's name typed -aways",
    work: async (lab) => {
      await createIn(lab, lab.name("home"), lab.region);
      await createIn(lab, lab.name("aways"), lab.otherRegion);
    },
    reason: /-away lives in us-west-2: failed with NotFound \(404\)/,
  },
  {
    step: "buckets-in-two-regions",
    kind: "right",
    what: "the away bucket first, both with settings the step did not ask for (versioning, tags)",
    work: async (lab) => {
      await createIn(lab, away(lab), lab.otherRegion);
      await lab.s3({ region: lab.otherRegion }).send(new PutBucketVersioningCommand({ Bucket: away(lab), VersioningConfiguration: { Status: "Enabled" } }));
      await createIn(lab, lab.name("home"), lab.region);
      await lab.s3().send(new PutBucketTaggingCommand({ Bucket: lab.name("home"), Tagging: { TagSet: [{ Key: "team", Value: "learning" }] } }));
    },
  },
  {
    step: "buckets-in-two-regions",
    kind: "right",
    what: "aws s3 mb for each, with --region",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3", "mb", `s3://${lab.name("home")}`, "--region", lab.region]);
      await lab.awsCliOk(["s3", "mb", `s3://${away(lab)}`, "--region", lab.otherRegion]);
    },
  },

  // read-from-the-wrong-region (the setup made the away bucket)
  {
    step: "read-from-the-wrong-region",
    kind: "wrong",
    what: "the status answered 403, as if the object were hidden",
    work: (lab) => putHello(lab, away(lab), lab.otherRegion, `hello from ${lab.otherRegion}`),
    answers: (lab) => ({ status: "403", region: lab.otherRegion }),
    reason: /you answered 403, which is not what the target answered; look again at the HTTP status GetObject answered/,
  },
  {
    step: "read-from-the-wrong-region",
    kind: "wrong",
    what: "the region answered as the client's own, eu-west-1",
    work: (lab) => putHello(lab, away(lab), lab.otherRegion, `hello from ${lab.otherRegion}`),
    answers: (lab) => ({ status: "301", region: lab.region }),
    reason: /you answered eu-west-1, which is not what the target answered; look again at the x-amz-bucket-region header of GetObject's answer/,
  },
  {
    step: "read-from-the-wrong-region",
    kind: "wrong",
    what: "hello.txt put into the home bucket instead",
    work: async (lab) => {
      await createIn(lab, lab.name("home"), lab.region).catch(() => undefined);
      await putHello(lab, lab.name("home"), lab.region, `hello from ${lab.region}`);
    },
    answers: (lab) => ({ status: "301", region: lab.otherRegion }),
    reason: /hello\.txt is in .*-away: failed with NotFound \(404\)/,
  },
  {
    step: "read-from-the-wrong-region",
    kind: "right",
    what: "hello.txt with text of the learner's own, answers as 301 Moved Permanently and US-WEST-2",
    work: (lab) => putHello(lab, away(lab), lab.otherRegion, "hi, this is my own hello\n"),
    answers: { status: "301 Moved Permanently", region: " US-WEST-2 " },
  },
  {
    step: "read-from-the-wrong-region",
    kind: "right",
    what: "the status line pasted as printed by --debug, HTTP/1.1 301 Moved Permanently",
    work: (lab) => putHello(lab, away(lab), lab.otherRegion, `hello from ${lab.otherRegion}`),
    answers: (lab) => ({ status: "HTTP/1.1 301 Moved Permanently", region: `"${lab.otherRegion}"` }),
  },
  {
    step: "read-from-the-wrong-region",
    kind: "right",
    what: "aws s3 cp with the CLI set to eu-west-1 (botocore follows the redirect), answers through s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async (lab) => {
      const file = lab.file("hello.txt", `hello from ${lab.otherRegion}\n`);
      await lab.awsCliOk(["s3", "cp", "--no-progress", file, `s3://${away(lab)}/hello.txt`], { region: lab.region });
    },
    answers: (lab) => ({ status: "301", region: lab.otherRegion }),
  },

  // follow-the-redirect (the setup put hello.txt)
  {
    step: "follow-the-redirect",
    kind: "wrong",
    what: 'the ETag typed as the MD5 of the text with a newline, computed locally',
    work: async () => undefined,
    answers: (lab) => ({ etag: createHash("md5").update(`hello from ${lab.otherRegion}\n`).digest("hex") }),
    reason: /look again at ETag in GetObject's answer/,
  },
  {
    step: "follow-the-redirect",
    kind: "wrong",
    what: "the previous step's answer, 301, typed as the ETag",
    work: async () => undefined,
    answers: { etag: "301" },
    reason: /you answered 301, which is not what the target answered; look again at ETag/,
  },
  {
    step: "follow-the-redirect",
    kind: "right",
    what: "a client in eu-west-1 with followRegionRedirects; ETag typed in upper case without quotes",
    work: async () => undefined,
    answers: async (lab) => {
      const read = await lab.s3({ followRegionRedirects: true }).send(new GetObjectCommand({ Bucket: away(lab), Key: "hello.txt" }));
      await read.Body?.transformToString();
      return { etag: (read.ETag ?? "").replaceAll('"', "").toUpperCase() };
    },
  },
  {
    step: "follow-the-redirect",
    kind: "right",
    what: "aws s3api get-object with the CLI set to eu-west-1, ETag given to s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async () => undefined,
    answers: async (lab) => {
      const printed = JSON.parse(await lab.awsCliOk(["s3api", "get-object", "--bucket", away(lab), "--key", "hello.txt", lab.file("out.txt", "")], { region: lab.region })) as { ETag: string };
      return { etag: printed.ETag };
    },
  },
]);
