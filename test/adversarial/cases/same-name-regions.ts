import { CreateBucketCommand, type BucketLocationConstraint } from "@aws-sdk/client-s3";
import { expect } from "vitest";
import { stepCases, type Lab } from "../helpers";

/** same-name-regions: one name is one bucket in one region; a bucket named for its region. */

const reports = (lab: Lab) => lab.name("reports");
const regional = (lab: Lab) => lab.name(`reports-${lab.otherRegion}`);

/** CreateBucket signed for a region, with LocationConstraint (or none: the SDK fills in the client's region). */
const create = async (lab: Lab, bucket: string, region: string, constraint: string | undefined = region): Promise<string | undefined> => {
  try {
    await lab.s3({ region }).send(new CreateBucketCommand({ Bucket: bucket, ...(constraint ? { CreateBucketConfiguration: { LocationConstraint: constraint as BucketLocationConstraint } } : {}) }));
    return undefined;
  } catch (error) {
    return (error as Error).name;
  }
};
const cliErrorCode = (stderr: string): string => /An error occurred \(([^)]+)\)/.exec(stderr)?.[1] ?? "";

export const sameNameRegionsCases = stepCases([
  // try-it
  {
    step: "try-it",
    kind: "wrong",
    what: "the first bucket made in us-west-2, the second ask in us-west-2 too",
    work: async (lab) => {
      await create(lab, reports(lab), lab.otherRegion);
      await create(lab, reports(lab), lab.otherRegion);
    },
    answers: { code: "BucketAlreadyOwnedByYou" },
    reason: /-reports stays in eu-west-1: BucketRegion is us-west-2, expected eu-west-1/,
  },
  {
    step: "try-it",
    kind: "wrong",
    what: "the code typed BucketAlreadyExists",
    work: async (lab) => {
      await create(lab, reports(lab), lab.region);
      await create(lab, reports(lab), lab.otherRegion);
    },
    answers: { code: "BucketAlreadyExists" },
    reason: /you answered BucketAlreadyExists, which is not what the target answered; look again at the error code CreateBucket answered/,
  },
  {
    step: "try-it",
    kind: "right",
    what: "no CreateBucketConfiguration (the SDK fills in each client's region), the code typed in quotes",
    work: async (lab) => {
      expect(await create(lab, reports(lab), lab.region, undefined)).toBeUndefined();
      expect(await create(lab, reports(lab), lab.otherRegion, undefined)).toBe("BucketAlreadyOwnedByYou");
    },
    answers: { code: '"BucketAlreadyOwnedByYou"' },
  },
  {
    step: "try-it",
    kind: "right",
    what: "aws s3 mb in each region, the code read from the second one's error, given to s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async (lab) => void (await lab.awsCliOk(["s3", "mb", `s3://${reports(lab)}`, "--region", lab.region])),
    answers: async (lab) => ({ code: cliErrorCode((await lab.awsCli(["s3", "mb", `s3://${reports(lab)}`, "--region", lab.otherRegion])).stderr) }),
  },

  // named-for-its-region
  {
    step: "named-for-its-region",
    kind: "wrong",
    what: "the bucket named for us-west-2 made in eu-west-1",
    work: async (lab) => void (await create(lab, regional(lab), lab.region)),
    reason: /-reports-us-west-2 lives in us-west-2: BucketRegion is eu-west-1, expected us-west-2/,
  },
  {
    step: "named-for-its-region",
    kind: "wrong",
    what: "the region in the name typed uswest2",
    work: async (lab) => void (await create(lab, lab.name("reports-uswest2"), lab.otherRegion)),
    reason: /-reports-us-west-2 lives in us-west-2: failed with NotFound \(404\)/,
  },
  {
    step: "named-for-its-region",
    kind: "right",
    what: "a client in us-west-2 and no CreateBucketConfiguration (the SDK fills it in)",
    work: async (lab) => {
      expect(await create(lab, regional(lab), lab.otherRegion, undefined)).toBeUndefined();
    },
  },
  {
    step: "named-for-its-region",
    kind: "right",
    what: "aws s3api create-bucket with --region and the LocationConstraint",
    awsCli: true,
    work: async (lab) =>
      void (await lab.awsCliOk(["s3api", "create-bucket", "--bucket", regional(lab), "--create-bucket-configuration", `LocationConstraint=${lab.otherRegion}`], { region: lab.otherRegion })),
  },
]);
