import type { Caller } from "../auth/identity";
import { authenticateSigV4A, isSigV4A } from "../auth/sigv4a";
import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "../http/exchange";
import { routeS3, type S3Route } from "../s3/router";
import type { World } from "../world/world";
import { statusOf, type MrapRoute, type MultiRegionAccessPoint } from "../world/mraps";
import { noSuchMrap } from "./mrap-service";

/**
 * Object requests sent to a Multi-Region Access Point: `<alias>.accesspoint.s3-global.amazonaws.com`,
 * signed with SigV4A. S3 sends each to the bucket of an active route (in AWS, the closest one, chosen
 * by the network through AWS Global Accelerator; the sandbox has no distances, see `pickRoute`).
 */

const MRAP_HOST = /^([a-z2-7]+\.mrap)\.accesspoint\.s3-global\.amazonaws\.com(?::\d+)?$/;

/** The alias a request is addressed to, or undefined for any other request. */
export const mrapAliasOf = (request: Pick<SandboxRequest, "headers">): string | undefined =>
  MRAP_HOST.exec(String(request.headers.host ?? "").toLowerCase())?.[1];

/** The S3 operation and key of a request through an access point: the whole path is the key. */
export const routeThroughMrap = (request: SandboxRequest): S3Route => {
  if (request.path === "/") {
    throw new ServiceError("NotImplemented", 501, "The sandbox serves object requests (GET, PUT, HEAD, DELETE of a key) through a Multi-Region Access Point, not bucket operations.");
  }
  // Routed as if the path named a bucket first, so the operation is read exactly as for a bucket's key.
  const { operation, key } = routeS3({ ...request, path: `/mrap${request.path}` });
  return { operation, key: key ?? "" };
};

export const sigV4ARequired = () =>
  new ServiceError(
    "InvalidRequest",
    400,
    "Requests to a Multi-Region Access Point must be signed with SigV4A (AWS4-ECDSA-P256-SHA256); the AWS SDKs do it when a SigV4A signer is installed (for JavaScript, @aws-sdk/signature-v4a).",
  );

/** The account's access point for the alias; aliases are unique across every account. */
const pointFor = (world: World, alias: string): { account: string; point: MultiRegionAccessPoint } | undefined => {
  for (const account of world.allAccounts()) {
    const point = account.mraps.byAlias(alias, world.now());
    if (point) return { account: account.id, point };
  }
  return undefined;
};

/**
 * Which bucket gets the request: an active route in the signature's Region set. AWS picks the one
 * closest to the client; the sandbox knows no distances, so it takes a Region the request was signed
 * for by name, else the first active route in the order the access point lists them.
 */
export const pickRoute = (point: MultiRegionAccessPoint, regionSet: string[]): MrapRoute | undefined => {
  const active = point.routes.filter((route) => route.trafficDialPercentage > 0);
  const anyRegion = regionSet.includes("*");
  const named = active.find((route) => regionSet.includes(route.region));
  return named ?? (anyRegion ? active[0] : undefined);
};

export interface MrapTarget {
  caller: Caller;
  bucket: string;
  route: S3Route;
}

/** Authenticates a request to an access point and finds the bucket it goes to; throws AWS's errors. */
export const resolveMrapRequest = async (world: World, request: SandboxRequest, alias: string): Promise<MrapTarget> => {
  if (!isSigV4A(request)) {
    if (header(request, "authorization") === undefined) throw new ServiceError("AccessDenied", 403, "Access Denied");
    throw sigV4ARequired();
  }
  const signed = await authenticateSigV4A(request);
  const found = pointFor(world, alias);
  if (!found) throw noSuchMrap();
  // No access point policy in the sandbox: only the owning account gets through.
  if (found.account !== signed.account) throw new ServiceError("AccessDenied", 403, "Access Denied");
  const status = statusOf(found.point, world.now());
  if (status !== "READY") {
    throw new ServiceError("NoSuchMultiRegionAccessPoint", 404, `The Multi-Region Access Point ${found.point.name} is ${status}; it routes requests once it is READY.`);
  }
  const chosen = pickRoute(found.point, signed.regionSet);
  if (!chosen) {
    throw new ServiceError(
      "InvalidRequest",
      400,
      `The request was signed for the Regions ${signed.regionSet.join(", ")}, and none of them is an active route of ${found.point.name}.`,
    );
  }
  const route = routeThroughMrap(request);
  // From here the request is the bucket's own, arriving in its Region.
  const caller: Caller = { accessKeyId: signed.accessKeyId, account: signed.account, region: chosen.region, service: signed.service };
  return { caller, bucket: chosen.bucket, route: { ...route, bucket: chosen.bucket } };
};
