import { CreateBucketCommand, DeleteBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import {
  CreateMultiRegionAccessPointCommand,
  DeleteMultiRegionAccessPointCommand,
  DescribeMultiRegionAccessPointOperationCommand,
  GetMultiRegionAccessPointCommand,
  GetMultiRegionAccessPointRoutesCommand,
  ListMultiRegionAccessPointsCommand,
  SubmitMultiRegionAccessPointRoutesCommand,
  type S3ControlClient,
} from "@aws-sdk/client-s3-control";
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_A, ACCOUNT_B, useSandbox } from "../helpers/sandbox";

const DELAY_MS = 150;
const { clients } = useSandbox({ mrapDelayMs: DELAY_MS });
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    const fault = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { code: fault.name, message: fault.message, status: fault.$metadata?.httpStatusCode };
  }
  throw new Error("the call succeeded");
};

let control: S3ControlClient;
let east: S3Client;
let west: S3Client;
/** Virtual-hosted: the client the SDK lets address an MRAP ARN. */
let viaMrap: S3Client;

const createBucket = async (client: S3Client, name: string, region?: string) =>
  client.send(new CreateBucketCommand({ Bucket: name, ...(region ? { CreateBucketConfiguration: { LocationConstraint: region as "eu-west-1" } } : {}) }));

const createMrap = async (name: string, buckets: string[], account = ACCOUNT_A, client = control) =>
  client.send(new CreateMultiRegionAccessPointCommand({ AccountId: account, Details: { Name: name, Regions: buckets.map((Bucket) => ({ Bucket })) } }));

const describeRequest = (token: string | undefined) =>
  control.send(new DescribeMultiRegionAccessPointOperationCommand({ AccountId: ACCOUNT_A, RequestTokenARN: token }));

const readyMrap = async (name: string, buckets: string[]) => {
  await createMrap(name, buckets);
  await later(DELAY_MS + 50);
  const { AccessPoint } = await control.send(new GetMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Name: name }));
  return `arn:aws:s3::${ACCOUNT_A}:accesspoint/${AccessPoint!.Alias!}`;
};

beforeAll(async () => {
  control = clients().s3control({ region: "us-west-2" });
  east = clients().s3({ region: "us-east-1" });
  west = clients().s3({ region: "eu-west-1" });
  viaMrap = clients().s3({ region: "us-east-1", s3: { forcePathStyle: false } });
  await createBucket(east, "mrap-east");
  await createBucket(west, "mrap-west", "eu-west-1");
  await createBucket(clients().s3({ region: "eu-west-1" }), "mrap-west-2", "eu-west-1");
  await createBucket(clients().s3({ accessKeyId: ACCOUNT_B }), "mrap-foreign");
  await east.send(new PutObjectCommand({ Bucket: "mrap-east", Key: "where.txt", Body: "us-east-1 copy" }));
  await west.send(new PutObjectCommand({ Bucket: "mrap-west", Key: "where.txt", Body: "eu-west-1 copy" }));
});

describe("CreateMultiRegionAccessPoint", () => {
  it("answers a request token at once; the request runs, then succeeds, and the MRAP goes from CREATING to READY", async () => {
    const { RequestTokenARN } = await createMrap("created-async", ["mrap-east", "mrap-west"]);
    expect(RequestTokenARN).toMatch(new RegExp(`^arn:aws:s3:us-west-2:${ACCOUNT_A}:async-request/mrap/create/`));
    const running = await describeRequest(RequestTokenARN);
    expect(running.AsyncOperation?.RequestStatus).toBe("RUNNING");
    expect(running.AsyncOperation?.Operation).toBe("CreateMultiRegionAccessPoint");
    expect(running.AsyncOperation?.RequestParameters?.CreateMultiRegionAccessPointRequest?.Name).toBe("created-async");
    const creating = await control.send(new GetMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Name: "created-async" }));
    expect(creating.AccessPoint?.Status).toBe("CREATING");

    await later(DELAY_MS + 50);
    const done = await describeRequest(RequestTokenARN);
    expect(done.AsyncOperation?.RequestStatus).toBe("SUCCEEDED");
    expect(done.AsyncOperation?.ResponseDetails?.MultiRegionAccessPointDetails?.Regions?.map((r) => r.Name).sort()).toEqual(["eu-west-1", "us-east-1"]);
    const ready = await control.send(new GetMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Name: "created-async" }));
    expect(ready.AccessPoint?.Status).toBe("READY");
    expect(ready.AccessPoint?.Alias).toMatch(/^[a-z2-7]{13}\.mrap$/);
    expect(ready.AccessPoint?.Regions?.map((r) => [r.Bucket, r.Region]).sort()).toEqual([
      ["mrap-east", "us-east-1"],
      ["mrap-west", "eu-west-1"],
    ]);
    const listed = await control.send(new ListMultiRegionAccessPointsCommand({ AccountId: ACCOUNT_A }));
    expect(listed.AccessPoints?.map((point) => point.Name)).toContain("created-async");
  });

  it("refuses names outside 3-50 lowercase letters, digits and hyphens", async () => {
    for (const name of ["ab", "a".repeat(51), "Upper", "under_score", "-edge", "dot.ted"]) {
      const refused = await failure(createMrap(name, ["mrap-east"]));
      expect(refused, name).toMatchObject({ code: "InvalidRequest", status: 400 });
    }
  });

  it("fails the request, as Describe tells, for a name the account already uses, a missing or foreign bucket, or two buckets in one Region", async () => {
    await readyMrap("taken-name", ["mrap-east"]);
    const cases: Array<[string, string[], string]> = [
      ["taken-name", ["mrap-west"], "MultiRegionAccessPointAlreadyExists"],
      ["missing-bucket", ["mrap-east", "no-such-bucket-anywhere"], "NoSuchBucket"],
      ["foreign-bucket", ["mrap-foreign"], "AccessDenied"],
      ["one-per-region", ["mrap-west", "mrap-west-2"], "InvalidRequest"],
    ];
    for (const [name, buckets, code] of cases) {
      const { RequestTokenARN } = await createMrap(name, buckets);
      await later(DELAY_MS + 50);
      const outcome = await describeRequest(RequestTokenARN);
      expect(outcome.AsyncOperation?.RequestStatus, name).toBe("FAILED");
      expect(outcome.AsyncOperation?.ResponseDetails?.ErrorDetails?.Code, name).toBe(code);
    }
    const missing = await failure(control.send(new GetMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Name: "missing-bucket" })));
    expect(missing).toMatchObject({ code: "NoSuchMultiRegionAccessPoint", status: 404 });
  });

  it("keeps names per account: another account may use the same name", async () => {
    const other = clients().s3control({ region: "us-west-2", accessKeyId: ACCOUNT_B });
    const { RequestTokenARN } = await createMrap("taken-name", ["mrap-foreign"], ACCOUNT_B, other);
    await later(DELAY_MS + 50);
    const outcome = await other.send(new DescribeMultiRegionAccessPointOperationCommand({ AccountId: ACCOUNT_B, RequestTokenARN }));
    expect(outcome.AsyncOperation?.RequestStatus).toBe("SUCCEEDED");
  });

  it("refuses to act for another account than the caller's", async () => {
    const refused = await failure(control.send(new ListMultiRegionAccessPointsCommand({ AccountId: ACCOUNT_B })));
    expect(refused).toMatchObject({ code: "AccessDenied", status: 403 });
  });
});

describe("routes and failover", () => {
  it("lists every bucket active at first, and a failover moves the traffic to the other Region", async () => {
    const arn = await readyMrap("failover", ["mrap-east", "mrap-west"]);
    const first = await control.send(new GetMultiRegionAccessPointRoutesCommand({ AccountId: ACCOUNT_A, Mrap: arn }));
    expect(first.Mrap).toBe(arn);
    expect(first.Routes?.map((r) => [r.Region, r.TrafficDialPercentage]).sort()).toEqual([
      ["eu-west-1", 100],
      ["us-east-1", 100],
    ]);
    await control.send(new SubmitMultiRegionAccessPointRoutesCommand({
      AccountId: ACCOUNT_A,
      Mrap: arn,
      RouteUpdates: [{ Region: "us-east-1", TrafficDialPercentage: 0 }, { Bucket: "mrap-west", TrafficDialPercentage: 100 }],
    }));
    const after = await control.send(new GetMultiRegionAccessPointRoutesCommand({ AccountId: ACCOUNT_A, Mrap: arn }));
    expect(Object.fromEntries(after.Routes!.map((r) => [r.Region, r.TrafficDialPercentage]))).toEqual({ "us-east-1": 0, "eu-west-1": 100 });
  });

  it("never lets every Region go passive, and takes only 0 or 100", async () => {
    const arn = await readyMrap("never-dark", ["mrap-east", "mrap-west"]);
    const dark = await failure(control.send(new SubmitMultiRegionAccessPointRoutesCommand({
      AccountId: ACCOUNT_A,
      Mrap: arn,
      RouteUpdates: [{ Region: "us-east-1", TrafficDialPercentage: 0 }, { Region: "eu-west-1", TrafficDialPercentage: 0 }],
    })));
    expect(dark).toMatchObject({ code: "InvalidRequest", status: 400 });
    const half = await failure(control.send(new SubmitMultiRegionAccessPointRoutesCommand({
      AccountId: ACCOUNT_A,
      Mrap: arn,
      RouteUpdates: [{ Region: "us-east-1", TrafficDialPercentage: 50 }],
    })));
    expect(half).toMatchObject({ code: "InvalidRequest", status: 400 });
    const stranger = await failure(control.send(new SubmitMultiRegionAccessPointRoutesCommand({
      AccountId: ACCOUNT_A,
      Mrap: arn,
      RouteUpdates: [{ Region: "ap-south-1", TrafficDialPercentage: 0 }],
    })));
    expect(stranger).toMatchObject({ code: "InvalidRequest", status: 400 });
  });

  it("answers 400 for something that is not an MRAP ARN", async () => {
    const refused = await failure(control.send(new GetMultiRegionAccessPointRoutesCommand({ AccountId: ACCOUNT_A, Mrap: "failover" })));
    expect(refused).toMatchObject({ code: "InvalidRequest", status: 400 });
  });
});

describe("object requests through the MRAP (SigV4A)", () => {
  it("GETs from the active bucket, and from the other one after failover: the MRAP routes, it copies nothing", async () => {
    const arn = await readyMrap("reads", ["mrap-east", "mrap-west"]);
    await control.send(new SubmitMultiRegionAccessPointRoutesCommand({ AccountId: ACCOUNT_A, Mrap: arn, RouteUpdates: [{ Region: "eu-west-1", TrafficDialPercentage: 0 }] }));
    const before = await viaMrap.send(new GetObjectCommand({ Bucket: arn, Key: "where.txt" }));
    expect(await before.Body?.transformToString()).toBe("us-east-1 copy");
    await control.send(new SubmitMultiRegionAccessPointRoutesCommand({
      AccountId: ACCOUNT_A,
      Mrap: arn,
      RouteUpdates: [{ Region: "us-east-1", TrafficDialPercentage: 0 }, { Region: "eu-west-1", TrafficDialPercentage: 100 }],
    }));
    const after = await viaMrap.send(new GetObjectCommand({ Bucket: arn, Key: "where.txt" }));
    expect(await after.Body?.transformToString()).toBe("eu-west-1 copy");
  });

  it("PUTs into the active bucket only", async () => {
    const arn = await readyMrap("writes", ["mrap-east", "mrap-west"]);
    await control.send(new SubmitMultiRegionAccessPointRoutesCommand({ AccountId: ACCOUNT_A, Mrap: arn, RouteUpdates: [{ Region: "us-east-1", TrafficDialPercentage: 0 }] }));
    await viaMrap.send(new PutObjectCommand({ Bucket: arn, Key: "written-through.txt", Body: "hello" }));
    const head = await viaMrap.send(new HeadObjectCommand({ Bucket: arn, Key: "written-through.txt" }));
    expect(head.ContentLength).toBe(5);
    const landed = await west.send(new GetObjectCommand({ Bucket: "mrap-west", Key: "written-through.txt" }));
    expect(await landed.Body?.transformToString()).toBe("hello");
    const other = await failure(east.send(new HeadObjectCommand({ Bucket: "mrap-east", Key: "written-through.txt" })));
    expect(other.status).toBe(404);
  });

  it("refuses a request whose SigV4A signature is wrong", async () => {
    const arn = await readyMrap("bad-signature", ["mrap-east"]);
    const wrongKey = clients().s3({ region: "us-east-1", secretAccessKey: "not-the-secret", s3: { forcePathStyle: false } });
    const refused = await failure(wrongKey.send(new GetObjectCommand({ Bucket: arn, Key: "where.txt" })));
    expect(refused).toMatchObject({ code: "SignatureDoesNotMatch", status: 403 });
  });

  it("is not reachable while CREATING, nor by another account", async () => {
    const { RequestTokenARN } = await createMrap("still-creating", ["mrap-east"]);
    const { AccessPoint } = await control.send(new GetMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Name: "still-creating" }));
    const arn = `arn:aws:s3::${ACCOUNT_A}:accesspoint/${AccessPoint!.Alias!}`;
    const early = await failure(viaMrap.send(new GetObjectCommand({ Bucket: arn, Key: "where.txt" })));
    expect(early.status).toBe(404);
    expect(RequestTokenARN).toBeDefined();
    await later(DELAY_MS + 50);
    const stranger = clients().s3({ region: "us-east-1", accessKeyId: ACCOUNT_B, s3: { forcePathStyle: false } });
    const refused = await failure(stranger.send(new GetObjectCommand({ Bucket: arn, Key: "where.txt" })));
    expect(refused).toMatchObject({ code: "AccessDenied", status: 403 });
  });
});

describe("DeleteMultiRegionAccessPoint", () => {
  it("must come first: a bucket that is part of an MRAP cannot be deleted", async () => {
    await createBucket(east, "mrap-kept-bucket");
    await readyMrap("holds-a-bucket", ["mrap-kept-bucket"]);
    const refused = await failure(east.send(new DeleteBucketCommand({ Bucket: "mrap-kept-bucket" })));
    expect(refused).toMatchObject({ code: "InvalidRequest", status: 400 });
    expect(refused.message).toContain("holds-a-bucket");
    await control.send(new DeleteMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Details: { Name: "holds-a-bucket" } }));
    await later(DELAY_MS + 50);
    await east.send(new DeleteBucketCommand({ Bucket: "mrap-kept-bucket" }));
  });

  it("is asynchronous too: DELETING, then gone, and the name is free again", async () => {
    await readyMrap("short-lived", ["mrap-east"]);
    const { RequestTokenARN } = await control.send(new DeleteMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Details: { Name: "short-lived" } }));
    expect(RequestTokenARN).toContain("async-request/mrap/delete/");
    const deleting = await control.send(new GetMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Name: "short-lived" }));
    expect(deleting.AccessPoint?.Status).toBe("DELETING");
    await later(DELAY_MS + 50);
    expect((await describeRequest(RequestTokenARN)).AsyncOperation?.RequestStatus).toBe("SUCCEEDED");
    const gone = await failure(control.send(new GetMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Name: "short-lived" })));
    expect(gone).toMatchObject({ code: "NoSuchMultiRegionAccessPoint", status: 404 });
    const missing = await failure(control.send(new DeleteMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Details: { Name: "short-lived" } })));
    expect(missing).toMatchObject({ code: "NoSuchMultiRegionAccessPoint", status: 404 });
  });
});
