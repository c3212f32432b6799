import { GetObjectCommand, HeadBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { freshName, failureOf, type Scratch } from "../scenario-kit";
import { ELSEWHERE, HOME, type Scenario } from "../scenario";

const GROUP = "Requests sent to the wrong region";

/** The outcome of a request signed for HOME about a bucket in ELSEWHERE, with the region header S3 adds. */
const wrongRegion = async (scratch: Scratch, call: (bucket: string) => Promise<{ $metadata?: { httpStatusCode?: number } }>): Promise<string> => {
  const bucket = await scratch.bucket(freshName("far"), ELSEWHERE);
  await scratch.subject.s3("me", ELSEWHERE).send(new PutObjectCommand({ Bucket: bucket, Key: "report.csv", Body: "a,b\n" }));
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
];
