import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import {
  CreateMultiRegionAccessPointCommand,
  DeleteMultiRegionAccessPointCommand,
  DescribeMultiRegionAccessPointOperationCommand,
  GetMultiRegionAccessPointCommand,
  GetMultiRegionAccessPointRoutesCommand,
  SubmitMultiRegionAccessPointRoutesCommand,
} from "@aws-sdk/client-s3-control";
import { failureOf, freshName, sleep, type Scratch } from "../scenario-kit";
import { ELSEWHERE, HOME, type Scenario } from "../scenario";

const GROUP = "Multi-Region Access Points (S3 Control)";

/** How long a scenario waits for an MRAP to be READY (the sandbox takes about 2 s). */
const READY_WITHIN_MS = 15_000;

interface MadeMrap {
  account: string;
  name: string;
  token: string;
}

/** Two buckets, one in HOME and one in ELSEWHERE, each with its own where.txt, and an MRAP over both. */
const createMrap = async (scratch: Scratch): Promise<MadeMrap> => {
  const home = await scratch.bucket(freshName("mrap-home"), HOME);
  const away = await scratch.bucket(freshName("mrap-away"), ELSEWHERE);
  await scratch.subject.s3("me", HOME).send(new PutObjectCommand({ Bucket: home, Key: "where.txt", Body: HOME }));
  await scratch.subject.s3("me", ELSEWHERE).send(new PutObjectCommand({ Bucket: away, Key: "where.txt", Body: ELSEWHERE }));
  const account = (await scratch.subject.sts("me").send(new GetCallerIdentityCommand({}))).Account ?? "";
  const name = freshName("mrap");
  const made = await scratch.subject.s3control("me").send(
    new CreateMultiRegionAccessPointCommand({ AccountId: account, Details: { Name: name, Regions: [{ Bucket: home }, { Bucket: away }] } }),
  );
  return { account, name, token: made.RequestTokenARN ?? "" };
};

/** The request's final status, as DescribeMultiRegionAccessPointOperation reports it. */
const finalStatus = async (scratch: Scratch, made: MadeMrap): Promise<string> => {
  const control = scratch.subject.s3control("me");
  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    const { AsyncOperation } = await control.send(new DescribeMultiRegionAccessPointOperationCommand({ AccountId: made.account, RequestTokenARN: made.token }));
    const status = AsyncOperation?.RequestStatus ?? "no status";
    if (status !== "RUNNING" || Date.now() > deadline) return status;
    await sleep(250);
  }
};

/** A READY MRAP's ARN; the MRAP is deleted when the scenario is done. */
const readyMrap = async (scratch: Scratch): Promise<{ made: MadeMrap; arn: string }> => {
  const made = await createMrap(scratch);
  const status = await finalStatus(scratch, made);
  if (status !== "SUCCEEDED") throw new Error(`the MRAP was not created: ${status}`);
  const { AccessPoint } = await scratch.subject.s3control("me").send(new GetMultiRegionAccessPointCommand({ AccountId: made.account, Name: made.name }));
  return { made, arn: `arn:aws:s3::${made.account}:accesspoint/${AccessPoint?.Alias ?? ""}` };
};

/** Runs `work` on a fresh MRAP, tells the first failure as "status Code", and deletes the MRAP afterwards. */
const withMrap = async (scratch: Scratch, work: (arn: string, made: MadeMrap) => Promise<string>): Promise<string> => {
  let made: MadeMrap | undefined;
  try {
    const ready = await readyMrap(scratch);
    made = ready.made;
    return await work(ready.arn, ready.made);
  } catch (error) {
    return error instanceof Error && error.message.startsWith("the MRAP") ? error.message : failureOf(error);
  } finally {
    if (made) {
      const { account, name } = made;
      await scratch.subject.s3control("me").send(new DeleteMultiRegionAccessPointCommand({ AccountId: account, Details: { Name: name } })).catch(() => undefined);
    }
  }
};

const dials = async (scratch: Scratch, arn: string, account: string): Promise<string> => {
  const { Routes } = await scratch.subject.s3control("me").send(new GetMultiRegionAccessPointRoutesCommand({ AccountId: account, Mrap: arn }));
  return [...(Routes ?? [])]
    .sort((a, b) => ((a.Region ?? "") < (b.Region ?? "") ? -1 : 1))
    .map((route) => `${route.Region} ${route.TrafficDialPercentage}`)
    .join(", ");
};

const passive = (region: string) => ({ Region: region, TrafficDialPercentage: 0 });

export const mrapScenarios: Scenario[] = [
  {
    id: "mrap.create",
    group: GROUP,
    title: `CreateMultiRegionAccessPoint over a bucket in ${HOME} and one in ${ELSEWHERE}; DescribeMultiRegionAccessPointOperation until it ends`,
    capability: "multiRegionAccessPoints",
    run: async (scratch) => {
      try {
        const made = await createMrap(scratch);
        const status = await finalStatus(scratch, made);
        await scratch.subject.s3control("me").send(new DeleteMultiRegionAccessPointCommand({ AccountId: made.account, Details: { Name: made.name } })).catch(() => undefined);
        return status;
      } catch (error) {
        return failureOf(error);
      }
    },
    expected: { aws: "SUCCEEDED", localstack: "500 InternalError", moto: "SUCCEEDED" },
    notes: {
      localstack: "LocalStack takes the S3 Control request (host <account>.s3-control.us-west-2.amazonaws.com, as the SDK addresses AWS) for an S3 request and knows no such operation.",
      moto: "moto creates, describes, lists and gets MRAPs (READY at once, an alias made from the name), but has no routing operations: GetMultiRegionAccessPointRoutes and SubmitMultiRegionAccessPointRoutes answer an HTML 404.",
    },
  },
  {
    id: "mrap.failover-routes",
    group: GROUP,
    title: `SubmitMultiRegionAccessPointRoutes making ${HOME} passive, then GetMultiRegionAccessPointRoutes`,
    capability: "multiRegionAccessPoints",
    run: (scratch) =>
      withMrap(scratch, async (arn, made) => {
        await scratch.subject.s3control("me").send(new SubmitMultiRegionAccessPointRoutesCommand({ AccountId: made.account, Mrap: arn, RouteUpdates: [passive(HOME)] }));
        return dials(scratch, arn, made.account);
      }),
    expected: { aws: `${HOME} 0, ${ELSEWHERE} 100`, localstack: "500 InternalError", moto: "404 Error" },
  },
  {
    id: "mrap.all-passive",
    group: GROUP,
    title: "SubmitMultiRegionAccessPointRoutes making every Region passive",
    capability: "multiRegionAccessPoints",
    run: (scratch) =>
      withMrap(scratch, async (arn, made) => {
        try {
          await scratch.subject.s3control("me").send(
            new SubmitMultiRegionAccessPointRoutesCommand({ AccountId: made.account, Mrap: arn, RouteUpdates: [passive(HOME), passive(ELSEWHERE)] }),
          );
          return "200";
        } catch (error) {
          return failureOf(error);
        }
      }),
    expected: { aws: "400 InvalidRequest", localstack: "500 InternalError", moto: "404 Error" },
  },
  {
    id: "mrap.get-sigv4a",
    group: GROUP,
    title: `GetObject through the MRAP (its ARN, signed with SigV4A) with ${HOME} passive`,
    capability: "multiRegionAccessPoints",
    run: (scratch) =>
      withMrap(scratch, async (arn, made) => {
        await scratch.subject.s3control("me").send(new SubmitMultiRegionAccessPointRoutesCommand({ AccountId: made.account, Mrap: arn, RouteUpdates: [passive(HOME)] }));
        const answer = await scratch.subject.s3ViaArn("me").send(new GetObjectCommand({ Bucket: arn, Key: "where.txt" }));
        return `${answer.$metadata.httpStatusCode}: the copy in ${await answer.Body?.transformToString()}`;
      }),
    expected: { aws: `200: the copy in ${ELSEWHERE}`, localstack: "500 InternalError", moto: "404 Error" },
  },
];
