/**
 * General purpose bucket naming rules (userguide/bucketnamingrules.html and
 * userguide/gpbucketnamespaces.html). Returns why a name is invalid, or undefined if it is valid.
 */

const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];
const ACCOUNT_REGIONAL_SUFFIX = "-an";

export const bucketNameProblem = (name: string): string | undefined => {
  if (name.length < 3 || name.length > 63) return "must be between 3 and 63 characters long";
  if (!/^[a-z0-9.-]+$/.test(name)) return "may contain only lowercase letters, digits, periods and hyphens";
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return "must begin and end with a letter or digit";
  if (name.includes("..")) return "must not contain two adjacent periods";
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return "must not be formatted as an IP address";
  const prefix = RESERVED_PREFIXES.find((reserved) => name.startsWith(reserved));
  if (prefix) return `must not start with the reserved prefix "${prefix}"`;
  const suffix = RESERVED_SUFFIXES.find((reserved) => name.endsWith(reserved));
  if (suffix) return `must not end with the reserved suffix "${suffix}"`;
  return undefined;
};

/** The suffix a bucket in `account`'s regional namespace in `region` must end with. */
export const accountRegionalSuffix = (account: string, region: string): string =>
  `-${account}-${region}${ACCOUNT_REGIONAL_SUFFIX}`;

/**
 * The "-an" suffix is reserved for the account regional namespace: such a name is valid only
 * when created in that namespace, and then it must carry the creator's account and region.
 */
export const namespaceProblem = (
  name: string,
  namespace: "global" | "account-regional",
  account: string,
  region: string,
): string | undefined => {
  if (namespace === "global") {
    return name.endsWith(ACCOUNT_REGIONAL_SUFFIX)
      ? `the suffix "${ACCOUNT_REGIONAL_SUFFIX}" is reserved for the account regional namespace`
      : undefined;
  }
  const suffix = accountRegionalSuffix(account, region);
  if (!name.endsWith(suffix) || name.length === suffix.length) {
    return `a bucket in the account regional namespace must be named <prefix>${suffix}`;
  }
  return undefined;
};
