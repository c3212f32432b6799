import type { PolicyDocument, Statement } from "../../policy/document";

/**
 * Whether S3 calls a bucket policy public ("The meaning of public", S3 user guide,
 * access-control-block-public-access.html): an Allow to everyone (Principal "*") is public unless
 * a condition pins it to fixed values (no wildcard, no policy variable) of a key that names who or
 * where the request comes from: an AWS principal (aws:PrincipalOrgID is AWS's own example), a
 * source IP range, VPC, VPC endpoint, ARN or account, and a few more. A condition on anything else
 * (s3:x-amz-acl, a prefix) narrows nothing.
 */

/** The keys AWS lists, plus the principal's own account, ARN and Organization (the usual way to share inside one). */
const NARROWING_KEYS = new Set(
  [
    "aws:SourceIp",
    "aws:SourceArn",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:SourceOwner",
    "aws:SourceAccount",
    "s3:x-amz-server-side-encryption-aws-kms-key-id",
    "aws:userid",
    "s3:DataAccessPointArn",
    "s3:DataAccessPointAccount",
    "aws:PrincipalOrgID",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
  ].map((key) => key.toLowerCase()),
);

/** Operators that pin a key to the values given (not negations, not IfExists, which passes when the key is absent). */
const FIXING_OPERATORS = /^(ForAnyValue:|ForAllValues:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike|IpAddress)$/i;

const isFixedValue = (key: string, value: string): boolean => {
  // A policy variable such as ${aws:username} takes whatever value the request brings.
  if (value.includes("${")) return false;
  if (key === "aws:sourceip") {
    // AWS counts ranges broader than /8 (IPv4) or /32 (IPv6) as public: 0.0.0.0/1 is most of the internet.
    const [address = "", bits] = value.split("/");
    const ipv6 = address.includes(":");
    const prefix = Number(bits ?? (ipv6 ? "128" : "32"));
    return !Number.isNaN(prefix) && prefix >= (ipv6 ? 32 : 8);
  }
  if (key === "aws:userid") return value !== "" && !value.endsWith(":*") && !/^[*?]+$/.test(value);
  return value !== "" && !/[*?]/.test(value);
};

const pins = (statement: Statement): boolean =>
  Object.entries(statement.condition ?? {}).some(
    ([operator, keys]) =>
      FIXING_OPERATORS.test(operator) &&
      Object.entries(keys).some(
        ([key, values]) => NARROWING_KEYS.has(key.toLowerCase()) && values.length > 0 && values.every((value) => isFixedValue(key.toLowerCase(), value)),
      ),
  );

export const isPublicStatement = (statement: Statement): boolean =>
  statement.effect === "Allow" && statement.principal?.everyone === true && !pins(statement);

export const isPublicPolicy = (document: PolicyDocument): boolean => document.statements.some(isPublicStatement);
