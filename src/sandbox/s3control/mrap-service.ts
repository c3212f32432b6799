import { randomUUID } from "node:crypto";
import { ServiceError } from "../errors";
import type { SandboxRequest, SandboxResponse } from "../http/exchange";
import { queryValue } from "../http/exchange";
import { xmlDocument, type XmlContent } from "../http/xml";
import type { World } from "../world/world";
import {
  mrapArn,
  newMrapAlias,
  operationStatus,
  statusOf,
  type MrapOperation,
  type MultiRegionAccessPoint,
  type MultiRegionAccessPoints,
} from "../world/mraps";
import { readCreateMrap, readDeleteMrap, readRouteUpdates, type CreateMrapInput } from "./mrap-input";
import type { S3ControlRoute } from "./router";

/**
 * S3 Control's Multi-Region Access Point operations. Create and Delete are asynchronous as in
 * AWS: they answer a request token at once; DescribeMultiRegionAccessPointOperation tells how the
 * request went, and the access point is CREATING (routing nothing) until `delayMs` has passed.
 */

export interface S3ControlContext {
  world: World;
  account: string;
  now: Date;
  /** How long a create or delete takes to finish. */
  delayMs: number;
}

const XMLNS = { xmlns: "http://awss3control.amazonaws.com/doc/2018-08-20/" };
/** AWS serves every MRAP management request from US West (Oregon). */
const CONTROL_REGION = "us-west-2";

const ok = (root: string, content: XmlContent): SandboxResponse => ({
  status: 200,
  headers: { "content-type": "application/xml" },
  body: xmlDocument(root, content, XMLNS),
});

export const noSuchMrap = () =>
  new ServiceError("NoSuchMultiRegionAccessPoint", 404, "The specified Multi-Region Access Point does not exist.");

const tokenArn = (account: string, kind: "create" | "delete") =>
  `arn:aws:s3:${CONTROL_REGION}:${account}:async-request/mrap/${kind}/${randomUUID().replace(/-/g, "")}`;

/** A request already made with this client token: the same answer, nothing done twice. */
const sameRequest = (mraps: MultiRegionAccessPoints, clientToken: string | undefined, operation: string) =>
  clientToken === undefined
    ? undefined
    : [...mraps.operations.values()].find((op) => op.clientToken === clientToken && op.operation === operation);

/** Why the create cannot succeed, found when it is made and reported by Describe (as AWS's async errors are). */
const createFailure = (context: S3ControlContext, input: CreateMrapInput): MrapOperation["error"] => {
  const mraps = context.world.account(context.account).mraps;
  if (mraps.named(input.name, context.now)) {
    return { code: "MultiRegionAccessPointAlreadyExists", message: `A Multi-Region Access Point named ${input.name} already exists in this account.` };
  }
  const regions = new Set<string>();
  for (const { bucket: name, bucketAccountId } of input.regions) {
    const bucket = context.world.bucket(name);
    if (!bucket) return { code: "NoSuchBucket", message: `The bucket ${name} does not exist.` };
    if (bucket.owner !== context.account || (bucketAccountId !== undefined && bucketAccountId !== bucket.owner)) {
      return { code: "AccessDenied", message: `The bucket ${name} is not owned by the account ${context.account}.` };
    }
    if (regions.has(bucket.region)) {
      return { code: "InvalidRequest", message: `A Multi-Region Access Point can have only one bucket per Region; ${bucket.region} is named twice.` };
    }
    regions.add(bucket.region);
  }
  return undefined;
};

const create = (context: S3ControlContext, request: SandboxRequest): SandboxResponse => {
  const input = readCreateMrap(request.body);
  const mraps = context.world.account(context.account).mraps;
  const earlier = sameRequest(mraps, input.clientToken, "CreateMultiRegionAccessPoint");
  if (earlier) return ok("CreateMultiRegionAccessPointResult", { RequestTokenARN: earlier.token });
  const error = createFailure(context, input);
  const createdAt = context.now.toISOString();
  const doneAt = new Date(context.now.getTime() + context.delayMs).toISOString();
  const routes = error
    ? []
    : input.regions.map(({ bucket }) => {
        const found = context.world.bucket(bucket)!;
        return { bucket, region: found.region, bucketAccountId: found.owner, trafficDialPercentage: 100 };
      });
  const operation: MrapOperation = {
    token: tokenArn(context.account, "create"),
    operation: "CreateMultiRegionAccessPoint",
    createdAt,
    doneAt,
    name: input.name,
    publicAccessBlock: input.publicAccessBlock,
    regions: input.regions,
    regionNames: routes.map((route) => route.region),
    ...(input.clientToken ? { clientToken: input.clientToken } : {}),
    ...(error ? { error } : {}),
  };
  mraps.operations.set(operation.token, operation);
  if (!error) {
    mraps.points.set(input.name, {
      name: input.name,
      alias: unusedAlias(context.world),
      createdAt,
      readyAt: doneAt,
      publicAccessBlock: input.publicAccessBlock,
      routes,
    });
  }
  return ok("CreateMultiRegionAccessPointResult", { RequestTokenARN: operation.token });
};

/** Aliases are never reused, by any account. */
const unusedAlias = (world: World): string => {
  const taken = new Set<string>();
  for (const account of world.allAccounts()) for (const point of account.mraps.points.values()) taken.add(point.alias);
  let alias = newMrapAlias();
  while (taken.has(alias)) alias = newMrapAlias();
  return alias;
};

const remove = (context: S3ControlContext, request: SandboxRequest): SandboxResponse => {
  const input = readDeleteMrap(request.body);
  const mraps = context.world.account(context.account).mraps;
  const earlier = sameRequest(mraps, input.clientToken, "DeleteMultiRegionAccessPoint");
  if (earlier) return ok("DeleteMultiRegionAccessPointResult", { RequestTokenARN: earlier.token });
  const point = mraps.named(input.name, context.now);
  if (!point) throw noSuchMrap();
  const doneAt = new Date(context.now.getTime() + context.delayMs).toISOString();
  point.goneAt ??= doneAt;
  const operation: MrapOperation = {
    token: tokenArn(context.account, "delete"),
    operation: "DeleteMultiRegionAccessPoint",
    createdAt: context.now.toISOString(),
    doneAt: point.goneAt,
    name: input.name,
    regionNames: point.routes.map((route) => route.region),
    ...(input.clientToken ? { clientToken: input.clientToken } : {}),
  };
  mraps.operations.set(operation.token, operation);
  return ok("DeleteMultiRegionAccessPointResult", { RequestTokenARN: operation.token });
};

const describe = (context: S3ControlContext, token: string): SandboxResponse => {
  const operation = context.world.account(context.account).mraps.operations.get(token);
  if (!operation) {
    throw new ServiceError("NoSuchAsyncRequest", 404, `The specified request token ${token} does not exist.`);
  }
  const status = operationStatus(operation, context.now);
  const parameters =
    operation.operation === "CreateMultiRegionAccessPoint"
      ? {
          CreateMultiRegionAccessPointRequest: {
            Name: operation.name,
            PublicAccessBlock: operation.publicAccessBlock,
            Regions: { Region: (operation.regions ?? []).map((r) => ({ Bucket: r.bucket, BucketAccountId: r.bucketAccountId })) },
          },
        }
      : { DeleteMultiRegionAccessPointRequest: { Name: operation.name } };
  const details =
    status === "RUNNING"
      ? undefined
      : operation.error
        ? { ErrorDetails: { Code: operation.error.code, Message: operation.error.message } }
        : { MultiRegionAccessPointDetails: { Regions: { Region: operation.regionNames.map((name) => ({ Name: name, RequestStatus: "COMPLETED" })) } } };
  return ok("DescribeMultiRegionAccessPointOperationResult", {
    AsyncOperation: {
      CreationTime: operation.createdAt,
      Operation: operation.operation,
      RequestTokenARN: operation.token,
      RequestParameters: parameters,
      RequestStatus: status,
      ResponseDetails: details,
    },
  });
};

const report = (point: MultiRegionAccessPoint, now: Date): XmlContent => ({
  Name: point.name,
  Alias: point.alias,
  CreatedAt: point.createdAt,
  PublicAccessBlock: point.publicAccessBlock,
  Status: statusOf(point, now),
  Regions: { Region: point.routes.map((route) => ({ Bucket: route.bucket, Region: route.region, BucketAccountId: route.bucketAccountId })) },
});

const get = (context: S3ControlContext, name: string): SandboxResponse => {
  const point = context.world.account(context.account).mraps.named(name, context.now);
  if (!point) throw noSuchMrap();
  return ok("GetMultiRegionAccessPointResult", { AccessPoint: report(point, context.now) });
};

const MAX_LISTED = 100;

const list = (context: S3ControlContext, request: SandboxRequest): SandboxResponse => {
  const all = context.world.account(context.account).mraps.live(context.now).sort((a, b) => (a.name < b.name ? -1 : 1));
  const max = Math.min(Number(queryValue(request, "maxResults") ?? MAX_LISTED) || MAX_LISTED, MAX_LISTED);
  const after = queryValue(request, "nextToken");
  const from = after === undefined ? 0 : all.findIndex((point) => point.name > Buffer.from(after, "base64url").toString());
  const page = from < 0 ? [] : all.slice(from, from + max);
  const more = from >= 0 && from + max < all.length;
  return ok("ListMultiRegionAccessPointsResult", {
    AccessPoints: { AccessPoint: page.map((point) => report(point, context.now)) },
    NextToken: more ? Buffer.from(page[page.length - 1]!.name).toString("base64url") : undefined,
  });
};

/** The access point an ARN (arn:aws:s3::<account>:accesspoint/<alias>) names, in the caller's account. */
const byArn = (context: S3ControlContext, arn: string): MultiRegionAccessPoint => {
  const match = /^arn:aws:s3::(\d{12}):accesspoint\/([a-z2-7]+\.mrap)$/.exec(arn);
  if (!match) {
    throw new ServiceError(
      "InvalidRequest",
      400,
      `"${arn}" is not a Multi-Region Access Point ARN (arn:aws:s3::<account-id>:accesspoint/<alias>).`,
    );
  }
  if (match[1] !== context.account) throw new ServiceError("AccessDenied", 403, "Access Denied");
  const point = context.world.account(context.account).mraps.byAlias(match[2]!, context.now);
  if (!point) throw noSuchMrap();
  return point;
};

const routesOf = (point: MultiRegionAccessPoint) => ({
  Route: point.routes.map((route) => ({ Bucket: route.bucket, Region: route.region, TrafficDialPercentage: route.trafficDialPercentage })),
});

const getRoutes = (context: S3ControlContext, arn: string): SandboxResponse => {
  const point = byArn(context, arn);
  return ok("GetMultiRegionAccessPointRoutesResult", { Mrap: arn, Routes: routesOf(point) });
};

const submitRoutes = (context: S3ControlContext, arn: string, request: SandboxRequest): SandboxResponse => {
  const point = byArn(context, arn);
  const updates = readRouteUpdates(request.body);
  if (statusOf(point, context.now) !== "READY") {
    throw new ServiceError("InvalidRequest", 400, `The Multi-Region Access Point ${point.name} is ${statusOf(point, context.now)}, not READY; its routes cannot change yet.`);
  }
  const dials = new Map(point.routes.map((route) => [route, route.trafficDialPercentage]));
  for (const update of updates) {
    const route = point.routes.find(
      (candidate) => (update.bucket === undefined || candidate.bucket === update.bucket) && (update.region === undefined || candidate.region === update.region),
    );
    if (!route) {
      const what = [update.bucket && `bucket ${update.bucket}`, update.region && `Region ${update.region}`].filter(Boolean).join(" in ");
      throw new ServiceError("InvalidRequest", 400, `The Multi-Region Access Point ${point.name} has no route for the ${what}.`);
    }
    dials.set(route, update.trafficDialPercentage);
  }
  // AWS: at least one Region must stay active; all passive is InvalidRequest.
  if (![...dials.values()].some((dial) => dial > 0)) {
    throw new ServiceError("InvalidRequest", 400, "At least one Region of a Multi-Region Access Point must stay active (TrafficDialPercentage 100).");
  }
  for (const [route, dial] of dials) route.trafficDialPercentage = dial;
  return ok("SubmitMultiRegionAccessPointRoutesResult", {});
};

export const handleS3Control = (context: S3ControlContext, request: SandboxRequest, route: S3ControlRoute): SandboxResponse => {
  const target = route.target ?? "";
  switch (route.operation) {
    case "CreateMultiRegionAccessPoint":
      return create(context, request);
    case "DeleteMultiRegionAccessPoint":
      return remove(context, request);
    case "DescribeMultiRegionAccessPointOperation":
      return describe(context, target);
    case "GetMultiRegionAccessPoint":
      return get(context, target);
    case "ListMultiRegionAccessPoints":
      return list(context, request);
    case "GetMultiRegionAccessPointRoutes":
      return getRoutes(context, target);
    case "SubmitMultiRegionAccessPointRoutes":
      return submitRoutes(context, target, request);
    default:
      throw new ServiceError("NotImplemented", 501, `${route.operation} is not implemented by the sandbox.`);
  }
};
