import {
  CreateBucketCommand,
  GetBucketLocationCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  type BucketLocationConstraint,
  type S3Client,
} from "@aws-sdk/client-s3";
import { freshName, outcomeOf, type Scratch } from "../scenario-kit";
import { ELSEWHERE, HOME, type Scenario } from "../scenario";

const US_EAST_1 = "us-east-1";
const GROUP = "CreateBucket and regions";

/**
 * An S3 client that sends CreateBucket without a configuration when given none, as the AWS CLI
 * and boto3 do: the JavaScript SDK otherwise adds LocationConstraint = the client's region.
 */
const sendingNoDefaultConstraint = (scratch: Scratch, region: string): S3Client => {
  const s3 = scratch.subject.s3("me", region);
  s3.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { CreateBucketConfiguration?: { LocationConstraint?: string } };
      if (input.CreateBucketConfiguration?.LocationConstraint === region && region !== US_EAST_1) delete input.CreateBucketConfiguration;
      return next(args);
    },
    // Low priority in the initialize step: after the SDK's locationConstraintMiddleware.
    { step: "initialize", priority: "low", name: "sendNoDefaultLocationConstraint" },
  );
  return s3;
};

/** CreateBucket signed for `region` with this LocationConstraint (undefined: no configuration at all). */
const createWith = async (scratch: Scratch, region: string, constraint: string | undefined): Promise<{ bucket: string; outcome: string }> => {
  const bucket = freshName("loc");
  const s3 = constraint === undefined ? sendingNoDefaultConstraint(scratch, region) : scratch.subject.s3("me", region);
  const outcome = await outcomeOf(() =>
    s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        ...(constraint === undefined ? {} : { CreateBucketConfiguration: { LocationConstraint: constraint as BucketLocationConstraint } }),
      }),
    ),
  );
  if (/^2/.test(outcome)) scratch.track(bucket, region);
  return { bucket, outcome };
};

/** "200; GetBucketLocation: EU" — the create, then what GetBucketLocation says ("(empty)" for us-east-1). */
const createThenLocate = async (scratch: Scratch, region: string, constraint: string | undefined): Promise<string> => {
  const { bucket, outcome } = await createWith(scratch, region, constraint);
  if (!/^2/.test(outcome)) return outcome;
  const location = await scratch.subject.s3("me", region).send(new GetBucketLocationCommand({ Bucket: bucket }));
  return `${outcome}; GetBucketLocation: ${location.LocationConstraint || "(empty)"}`;
};

const again = async (scratch: Scratch, region: string): Promise<string> => {
  const bucket = await scratch.bucket(freshName("again"), region);
  return outcomeOf(() =>
    scratch.subject.s3("me", region).send(
      new CreateBucketCommand({ Bucket: bucket, ...(region === US_EAST_1 ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }) }),
    ),
  );
};

export const locationScenarios: Scenario[] = [
  {
    id: "location.us-east-1-plain",
    group: GROUP,
    title: "us-east-1 without a LocationConstraint",
    run: (scratch) => createThenLocate(scratch, US_EAST_1, undefined),
    expected: { aws: "200; GetBucketLocation: (empty)", localstack: "200; GetBucketLocation: (empty)", moto: "200; GetBucketLocation: (empty)" },
  },
  {
    id: "location.us-east-1-explicit",
    group: GROUP,
    title: "us-east-1 with LocationConstraint us-east-1",
    run: async (scratch) => (await createWith(scratch, US_EAST_1, US_EAST_1)).outcome,
    expected: { aws: "400 InvalidLocationConstraint", localstack: "400 InvalidLocationConstraint", moto: "400 InvalidLocationConstraint" },
  },
  {
    id: "location.missing",
    group: GROUP,
    title: `${HOME} without a LocationConstraint`,
    notes: { aws: "Sent as the AWS CLI sends it: the JavaScript SDK adds LocationConstraint = the client's region unless told otherwise." },
    run: async (scratch) => (await createWith(scratch, HOME, undefined)).outcome,
    expected: {
      aws: "400 IllegalLocationConstraintException",
      localstack: "400 IllegalLocationConstraintException",
      moto: "400 IllegalLocationConstraintException",
    },
  },
  {
    id: "location.mismatch",
    group: GROUP,
    title: `${HOME} with LocationConstraint ${ELSEWHERE}`,
    run: async (scratch) => (await createWith(scratch, HOME, ELSEWHERE)).outcome,
    expected: {
      aws: "400 IllegalLocationConstraintException",
      localstack: "400 IllegalLocationConstraintException",
      moto: "400 IllegalLocationConstraintException",
    },
  },
  {
    id: "location.eu-alias",
    group: GROUP,
    title: "eu-west-1 with LocationConstraint EU (the legacy alias)",
    run: (scratch) => createThenLocate(scratch, "eu-west-1", "EU"),
    expected: { aws: "200; GetBucketLocation: EU", localstack: "200; GetBucketLocation: EU", moto: "400 IllegalLocationConstraintException" },
  },
  {
    id: "location.again-home",
    group: GROUP,
    title: `Create again a bucket you own in ${HOME}`,
    run: (scratch) => again(scratch, HOME),
    expected: { aws: "409 BucketAlreadyOwnedByYou", localstack: "409 BucketAlreadyOwnedByYou", moto: "409 BucketAlreadyOwnedByYou" },
  },
  {
    id: "location.again-us-east-1",
    group: GROUP,
    title: "Create again a bucket you own in us-east-1 (legacy quirk)",
    run: (scratch) => again(scratch, US_EAST_1),
    expected: { aws: "200", localstack: "200", moto: "200" },
  },
  {
    id: "location.list-every-region",
    group: GROUP,
    title: "ListBuckets lists the buckets of every region",
    run: async (scratch) => {
      const here = await scratch.bucket(freshName("list"), HOME);
      const there = await scratch.bucket(freshName("list"), ELSEWHERE);
      const listed = (await scratch.subject.s3("me", US_EAST_1).send(new ListBucketsCommand({}))).Buckets ?? [];
      const found = [here, there].map((name) => listed.find((bucket) => bucket.Name === name));
      if (found.some((bucket) => !bucket)) return `listed: ${found.filter(Boolean).length} of 2`;
      const regions = found.map((bucket) => bucket?.BucketRegion ?? "none").join(", ");
      return `both listed; BucketRegion: ${regions}`;
    },
    expected: {
      aws: `both listed; BucketRegion: ${HOME}, ${ELSEWHERE}`,
      localstack: `both listed; BucketRegion: ${HOME}, ${ELSEWHERE}`,
      moto: "both listed; BucketRegion: none, none",
    },
  },
  {
    id: "location.head-bucket-region",
    group: GROUP,
    title: "HeadBucket tells the bucket's region",
    run: async (scratch) => {
      const bucket = await scratch.bucket(freshName("head"), ELSEWHERE);
      const head = await scratch.subject.s3("me", ELSEWHERE).send(new HeadBucketCommand({ Bucket: bucket }));
      return `BucketRegion: ${head.BucketRegion ?? "none"}`;
    },
    expected: { aws: `BucketRegion: ${ELSEWHERE}`, localstack: `BucketRegion: ${ELSEWHERE}`, moto: `BucketRegion: ${ELSEWHERE}` },
  },
];
