import { expect } from "vitest";
import { stepCases, type Lab } from "../helpers";
import { cliErrorCode, tryCreateBucket } from "../learner-work";

/** same-name-regions: one name is one bucket in one region; a bucket named for its region. */

const reports = (lab: Lab) => lab.name("reports");
const regional = (lab: Lab) => lab.name(`reports-${lab.otherRegion}`);


export const sameNameRegionsCases = stepCases([
  // try-it
  {
    step: "try-it",
    kind: "wrong",
    what: "the first bucket made in us-west-2, the second ask in us-west-2 too",
    work: async (lab) => {
      await tryCreateBucket(lab, reports(lab), { region: lab.otherRegion });
      await tryCreateBucket(lab, reports(lab), { region: lab.otherRegion });
    },
    answers: { code: "BucketAlreadyOwnedByYou" },
    reason: /-reports stays in eu-west-1: BucketRegion is us-west-2, expected eu-west-1/,
  },
  {
    step: "try-it",
    kind: "wrong",
    what: "the code typed BucketAlreadyExists",
    work: async (lab) => {
      await tryCreateBucket(lab, reports(lab), { region: lab.region });
      await tryCreateBucket(lab, reports(lab), { region: lab.otherRegion });
    },
    answers: { code: "BucketAlreadyExists" },
    reason: /you answered BucketAlreadyExists, which is not what the target answered; look again at the error code CreateBucket answered/,
  },
  {
    step: "try-it",
    kind: "right",
    what: "no CreateBucketConfiguration (the SDK fills in each client's region), the code typed in quotes",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, reports(lab), { region: lab.region, constraint: null })).toBeUndefined();
      expect(await tryCreateBucket(lab, reports(lab), { region: lab.otherRegion, constraint: null })).toBe("BucketAlreadyOwnedByYou");
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
    work: async (lab) => void (await tryCreateBucket(lab, regional(lab), { region: lab.region })),
    reason: /-reports-us-west-2 lives in us-west-2: BucketRegion is eu-west-1, expected us-west-2/,
  },
  {
    step: "named-for-its-region",
    kind: "wrong",
    what: "the region in the name typed uswest2",
    work: async (lab) => void (await tryCreateBucket(lab, lab.name("reports-uswest2"), { region: lab.otherRegion })),
    reason: /-reports-us-west-2 lives in us-west-2: failed with NotFound \(404\)/,
  },
  {
    step: "named-for-its-region",
    kind: "right",
    what: "a client in us-west-2 and no CreateBucketConfiguration (the SDK fills it in)",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, regional(lab), { region: lab.otherRegion, constraint: null })).toBeUndefined();
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
