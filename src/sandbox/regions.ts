/** Regions of the `aws` partition the sandbox accepts, and S3's legacy location names. */
export const AWS_REGIONS: readonly string[] = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2",
  "af-south-1",
  "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
  "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
  "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
  "ca-central-1", "ca-west-1",
  "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1",
  "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
];

const known = new Set(AWS_REGIONS);

/**
 * Regions launched after 2019-03-20 (the opt-in Regions). S3 answers a request that reaches one
 * of these for a bucket elsewhere, or reaches another Region for a bucket in one of these, with
 * 400 IllegalLocationConstraintException instead of the 301 redirect (userguide/VirtualHosting.html).
 */
const OPT_IN_REGIONS = new Set([
  "af-south-1", "ap-east-1", "ap-east-2", "ap-south-2",
  "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
  "ca-west-1", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
]);
export const isOptInRegion = (region: string): boolean => OPT_IN_REGIONS.has(region);
export const isKnownRegion = (region: string): boolean => known.has(region);

/** `EU` is the legacy LocationConstraint for eu-west-1; GetBucketLocation still answers it. */
export const LEGACY_EU = "EU";

/** The region a LocationConstraint value puts a bucket in, or undefined if it names none. */
export const regionOfConstraint = (constraint: string): string | undefined => {
  if (constraint === LEGACY_EU) return "eu-west-1";
  return isKnownRegion(constraint) ? constraint : undefined;
};
