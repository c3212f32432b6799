import { ServiceError } from "../errors";
import { child, children, isElement, parseXml, text, type XmlValue } from "../http/xml";
import type { PublicAccessBlock } from "../world/bucket";

/** The request documents of the MRAP operations, read and checked before anything changes. */

const invalid = (message: string) => new ServiceError("InvalidRequest", 400, message);

/** AWS's naming rules (userguide/MultiRegionAccessPointRestrictions.html). */
export const checkMrapName = (name: string): void => {
  if (name.length < 3 || name.length > 50) {
    throw invalid(`The Multi-Region Access Point name "${name}" must be between 3 and 50 characters long.`);
  }
  if (!/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(name)) {
    throw invalid(
      `The Multi-Region Access Point name "${name}" may contain only lowercase letters, digits and hyphens, and must begin and end with a letter or digit.`,
    );
  }
};

/** The most Regions the S3 console edits the routes of in one request; the API reference names no limit. */
export const MAX_MRAP_REGIONS = 17;

export interface CreateMrapInput {
  name: string;
  clientToken?: string;
  regions: Array<{ bucket: string; bucketAccountId?: string }>;
  publicAccessBlock: PublicAccessBlock;
}

const flag = (node: XmlValue | undefined, name: string): boolean => {
  const value = text(child(node, name));
  // A new MRAP blocks all public access unless told otherwise, as new buckets do.
  return value === undefined ? true : value === "true";
};

export const readCreateMrap = (body: Buffer): CreateMrapInput => {
  const document = parseXml(body, "CreateMultiRegionAccessPointRequest", ["Region"]);
  const details = child(document, "Details");
  const name = text(child(details, "Name"));
  if (!isElement(details) || name === undefined) throw invalid("Details and Details.Name are required.");
  checkMrapName(name);
  const regions = children(child(details, "Regions"), "Region").map((region) => {
    const bucket = text(child(region, "Bucket"));
    if (!bucket) throw invalid("Each Region needs a Bucket.");
    const bucketAccountId = text(child(region, "BucketAccountId"));
    return { bucket, ...(bucketAccountId ? { bucketAccountId } : {}) };
  });
  if (regions.length === 0) throw invalid("A Multi-Region Access Point needs at least one bucket (Details.Regions).");
  if (regions.length > MAX_MRAP_REGIONS) {
    throw invalid(`A Multi-Region Access Point can have at most ${MAX_MRAP_REGIONS} Regions; this request names ${regions.length}.`);
  }
  const block = child(details, "PublicAccessBlock");
  const clientToken = text(child(document, "ClientToken"));
  return {
    name,
    regions,
    ...(clientToken ? { clientToken } : {}),
    publicAccessBlock: {
      BlockPublicAcls: flag(block, "BlockPublicAcls"),
      IgnorePublicAcls: flag(block, "IgnorePublicAcls"),
      BlockPublicPolicy: flag(block, "BlockPublicPolicy"),
      RestrictPublicBuckets: flag(block, "RestrictPublicBuckets"),
    },
  };
};

export const readDeleteMrap = (body: Buffer): { name: string; clientToken?: string } => {
  const document = parseXml(body, "DeleteMultiRegionAccessPointRequest");
  const name = text(child(child(document, "Details"), "Name"));
  if (name === undefined) throw invalid("Details.Name is required.");
  const clientToken = text(child(document, "ClientToken"));
  return { name, ...(clientToken ? { clientToken } : {}) };
};

export interface RouteUpdate {
  bucket?: string;
  region?: string;
  trafficDialPercentage: number;
}

export const readRouteUpdates = (body: Buffer): RouteUpdate[] => {
  const document = parseXml(body, "SubmitMultiRegionAccessPointRoutesRequest", ["Route"]);
  const updates = children(child(document, "RouteUpdates"), "Route").map((route) => {
    const dial = text(child(route, "TrafficDialPercentage"));
    if (dial !== "0" && dial !== "100") {
      throw invalid(`TrafficDialPercentage must be 0 (passive) or 100 (active), not "${dial ?? ""}".`);
    }
    const bucket = text(child(route, "Bucket"));
    const region = text(child(route, "Region"));
    if (!bucket && !region) throw invalid("Each Route names its Bucket or its Region.");
    return { ...(bucket ? { bucket } : {}), ...(region ? { region } : {}), trafficDialPercentage: Number(dial) };
  });
  if (updates.length === 0) throw invalid("RouteUpdates must name at least one Route.");
  return updates;
};
