/**
 * botocore's `xform_name` with "-": how the AWS CLI names operations and parameters
 * (CreateBucket → create-bucket, ListObjectsV2 → list-objects-v2, ContentMD5 → content-md5).
 */

const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;
/** A pluralised acronym at the end, e.g. GatewayARNs → gateway-arns. */
const PLURAL_ACRONYM = /[A-Z]{3,}s$/;

export const xformName = (name: string, separator = "-"): string => {
  if (name.includes(separator)) return name;
  let text = name;
  const plural = PLURAL_ACRONYM.exec(text);
  if (plural) text = `${text.slice(0, -plural[0].length)}${separator}${plural[0].toLowerCase()}`;
  return text.replace(FIRST_CAP, `$1${separator}$2`).replace(END_CAP, `$1${separator}$2`).toLowerCase();
};
