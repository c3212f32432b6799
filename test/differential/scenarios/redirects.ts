import { GetObjectCommand, HeadBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { freshName, failureOf, type Scratch } from "../scenario-kit";
import { ELSEWHERE, HOME, type Scenario } from "../scenario";

const GROUP = "Requests sent to the wrong region";

/** A Region launched after 2019-03-20: S3 answers a misrouted request for its buckets with 400, not 301. */
const OPT_IN = "af-south-1";

/** The outcome of a request signed for HOME about a bucket in `region`, with the region header S3 adds. */
const wrongRegion = async (
  scratch: Scratch,
  call: (bucket: string) => Promise<{ $metadata?: { httpStatusCode?: number } }>,
  region = ELSEWHERE,
): Promise<string> => {
  const bucket = await scratch.bucket(freshName("far"), region);
  await scratch.subject.s3("me", region).send(new PutObjectCommand({ Bucket: bucket, Key: "report.csv", Body: "a,b\n" }));
  try {
    return String((await call(bucket)).$metadata?.httpStatusCode);
  } catch (error) {
    const header = (error as { $response?: { headers?: Record<string, string> } }).$response?.headers?.["x-amz-bucket-region"];
    return `${failureOf(error)}${header ? `; x-amz-bucket-region: ${header}` : ""}`;
  }
};

export const redirectScenarios: Scenario[] = [
  {
    id: "redirect.get-object",
    group: GROUP,
    title: `GetObject signed for ${HOME}, bucket in ${ELSEWHERE}`,
    capability: "regionRedirect",
    run: (scratch) => wrongRegion(scratch, (bucket) => scratch.subject.s3("me", HOME).send(new GetObjectCommand({ Bucket: bucket, Key: "report.csv" }))),
    expected: { aws: `301 PermanentRedirect; x-amz-bucket-region: ${ELSEWHERE}`, localstack: "200", moto: "200" },
  },
  {
    id: "redirect.head-bucket",
    group: GROUP,
    title: `HeadBucket signed for ${HOME}, bucket in ${ELSEWHERE}`,
    capability: "regionRedirect",
    run: (scratch) => wrongRegion(scratch, (bucket) => scratch.subject.s3("me", HOME).send(new HeadBucketCommand({ Bucket: bucket }))),
    expected: { aws: `301; x-amz-bucket-region: ${ELSEWHERE}`, localstack: "200", moto: "200" },
  },
  {
    id: "redirect.opt-in-get-object",
    group: GROUP,
    title: `GetObject signed for ${HOME}, bucket in ${OPT_IN} (a Region launched after 2019-03-20)`,
    capability: "regionRedirect",
    run: (scratch) =>
      wrongRegion(scratch, (bucket) => scratch.subject.s3("me", HOME).send(new GetObjectCommand({ Bucket: bucket, Key: "report.csv" })), OPT_IN),
    expected: { aws: `400 IllegalLocationConstraintException; x-amz-bucket-region: ${OPT_IN}`, localstack: "200", moto: "200" },
  },
];
