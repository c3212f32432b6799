/** The sandbox's and LocalStack's home region unless --region says otherwise. */
export const EMULATOR_REGION = "eu-west-1";

/** A second region for cross-region steps, never the same as the first. */
export const otherRegionFor = (region: string): string => (region === "us-west-2" ? "eu-west-1" : "us-west-2");

/** Where a bucket lives, from GetBucketLocation's answer: empty means us-east-1, EU is eu-west-1. */
export const regionOfLocation = (locationConstraint: string | undefined | null): string => {
  if (!locationConstraint) return "us-east-1";
  return locationConstraint === "EU" ? "eu-west-1" : locationConstraint;
};

/**
 * The aws target's region: --region, else AWS_REGION / AWS_DEFAULT_REGION, else the profile's
 * region as the SDK reads it from ~/.aws/config. Undefined when none is set anywhere.
 */
export const resolveAwsRegion = async (options: { region?: string; profile?: string }): Promise<string | undefined> => {
  const given = options.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION;
  if (given) return given;
  const { STSClient } = await import("@aws-sdk/client-sts");
  const client = new STSClient(options.profile ? { profile: options.profile } : {});
  try {
    return await client.config.region();
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
};

/**
 * Lessons need a home region other than us-east-1, whose CreateBucket rules differ (no
 * LocationConstraint, the 200-on-re-create quirk); the steps about us-east-1 name it themselves.
 */
export const US_EAST_1 = "us-east-1";

export const homeRegionNotice = (configured: string, home: string): string =>
  `Your AWS region is ${configured}; lessons use ${home} as their home region because ${configured} has its own ` +
  `CreateBucket rules (the steps about it name it themselves). Pass --region to choose another.`;
