import { CreateBucketCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import {
  CreateMultiRegionAccessPointCommand,
  GetMultiRegionAccessPointCommand,
  SubmitMultiRegionAccessPointRoutesCommand,
  type MultiRegionAccessPointRoute,
  type Region,
} from "@aws-sdk/client-s3-control";
import { stepCases, type Lab } from "../helpers";

/** mrap: the MRAP over two Regions, active-passive, failover. */

const NAME = "global";
const home = (lab: Lab) => lab.name("mrap-home");
const away = (lab: Lab) => lab.name("mrap-away");

const create = (lab: Lab, regions: Region[], name = lab.name(NAME), extra: object = {}) =>
  lab.s3control().send(new CreateMultiRegionAccessPointCommand({ AccountId: lab.account, Details: { Name: name, Regions: regions, ...extra } }));

/** Polls GetMultiRegionAccessPoint until the MRAP is READY, as a learner's script would; returns its ARN. */
const waitReady = async (lab: Lab, name = lab.name(NAME)): Promise<string> => {
  for (let tries = 0; tries < 100; tries++) {
    const { AccessPoint } = await lab.s3control().send(new GetMultiRegionAccessPointCommand({ AccountId: lab.account, Name: name }));
    if (AccessPoint?.Status === "READY") return `arn:aws:s3::${lab.account}:accesspoint/${AccessPoint.Alias}`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not become READY`);
};

const route = (lab: Lab, routes: MultiRegionAccessPointRoute[]) => async () => {
  const arn = await waitReady(lab);
  await lab.s3control().send(new SubmitMultiRegionAccessPointRoutesCommand({ AccountId: lab.account, Mrap: arn, RouteUpdates: routes }));
  return arn;
};

export const multiRegionAccessPointsCases = stepCases([
  // create-mrap (the setup made both buckets and their where.txt)
  {
    step: "create-mrap",
    kind: "wrong",
    what: "nothing created",
    work: async () => undefined,
    reason: /NoSuchMultiRegionAccessPoint/,
  },
  {
    step: "create-mrap",
    kind: "wrong",
    what: "an MRAP over the home bucket only",
    work: async (lab) => {
      await create(lab, [{ Bucket: home(lab) }]);
    },
    reason: /mrap-away/,
  },
  {
    step: "create-mrap",
    kind: "wrong",
    what: "another bucket of the learner's own in the other Region instead of the away bucket",
    work: async (lab) => {
      await lab.s3({ region: lab.otherRegion }).send(
        new CreateBucketCommand({ Bucket: lab.name("mrap-spare"), CreateBucketConfiguration: { LocationConstraint: lab.otherRegion as "us-west-2" } }),
      );
      await create(lab, [{ Bucket: home(lab) }, { Bucket: lab.name("mrap-spare") }]);
    },
    reason: /mrap-away/,
  },
  {
    step: "create-mrap",
    kind: "right",
    what: "created and not waited for: the check waits for READY",
    work: async (lab) => {
      await create(lab, [{ Bucket: away(lab) }, { Bucket: home(lab) }]);
    },
  },
  {
    step: "create-mrap",
    kind: "right",
    what: "created with each bucket's account and public access left unblocked, then polled until READY",
    work: async (lab) => {
      await create(lab, [{ Bucket: home(lab), BucketAccountId: lab.account }, { Bucket: away(lab), BucketAccountId: lab.account }], lab.name(NAME), {
        PublicAccessBlock: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false },
      });
      await waitReady(lab);
    },
  },

  // active-passive (the earlier step's solution made the MRAP)
  {
    step: "active-passive",
    kind: "wrong",
    what: "nothing changed: still active-active",
    work: async () => undefined,
    reason: /TrafficDialPercentage/,
  },
  {
    step: "active-passive",
    kind: "wrong",
    what: "the home Region made passive instead",
    work: async (lab) => {
      await route(lab, [{ Region: lab.region, TrafficDialPercentage: 0 }])();
    },
    reason: /TrafficDialPercentage/,
  },
  {
    step: "active-passive",
    kind: "right",
    what: "the away bucket named instead of its Region, and the GET made with the SDK's SigV4A signer",
    work: async (lab) => {
      const arn = await route(lab, [{ Bucket: away(lab), TrafficDialPercentage: 0 }])();
      await (await lab.s3ViaArn().send(new GetObjectCommand({ Bucket: arn, Key: "where.txt" }))).Body?.transformToString();
    },
  },

  // fail-over (the earlier steps' solutions left it active-passive towards home)
  {
    step: "fail-over",
    kind: "wrong",
    what: "nothing changed: still active-passive towards the home Region",
    work: async () => undefined,
    reason: /TrafficDialPercentage/,
  },
  {
    step: "fail-over",
    kind: "wrong",
    what: "the away Region made active but home left active too (active-active)",
    work: async (lab) => {
      await route(lab, [{ Region: lab.otherRegion, TrafficDialPercentage: 100 }])();
    },
    reason: /TrafficDialPercentage/,
  },
  {
    step: "fail-over",
    kind: "right",
    what: "two calls: away made active first, then home passive",
    work: async (lab) => {
      await route(lab, [{ Region: lab.otherRegion, TrafficDialPercentage: 100 }])();
      await route(lab, [{ Bucket: home(lab), TrafficDialPercentage: 0 }])();
    },
  },
]);
