import type { ServiceName } from "../targets/target";
import type { CallView } from "./call-view";
import { sdkInput } from "./sdk-input";
import { isRecord } from "./values";
import { xformName } from "./xform-name";

/**
 * An SDK call as the equivalent AWS CLI command (POSIX shell syntax):
 * `aws s3api create-bucket --bucket b --create-bucket-configuration LocationConstraint=eu-west-1 --region eu-west-1`.
 * Flat structures use the CLI's shorthand (Key=Value,Key2=Value2), anything nested is
 * single-quoted JSON, booleans are --flag / --no-flag, and S3 bodies go through a file.
 */

export type CliCall = CallView;

const CLI_SERVICE: Record<ServiceName, string> = { s3: "s3api", iam: "iam", sts: "sts" };

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
export const shellQuote = (text: string): string => (SHELL_SAFE.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);

type Scalar = string | number | boolean;
const isScalar = (value: unknown): value is Scalar => typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** Values shorthand can carry unquoted: no commas, equals signs, brackets or spaces. */
const SHORTHAND_SAFE = /^[A-Za-z0-9_.\-/:@*]+$/;
const isFlatStructure = (value: unknown): value is Record<string, Scalar> =>
  isRecord(value) &&
  Object.keys(value).length > 0 &&
  Object.values(value).every((item) => isScalar(item) && SHORTHAND_SAFE.test(String(item)));

const shorthand = (structure: Record<string, Scalar>) =>
  Object.entries(structure)
    .map(([key, value]) => `${key}=${value}`)
    .join(",");

/** The words after `--name` for a value (empty for booleans, which live in the flag). */
const argumentWords = (value: unknown): string[] => {
  if (isScalar(value)) return [shellQuote(String(value))];
  if (Array.isArray(value) && value.length > 0 && value.every(isScalar)) return value.map((item) => shellQuote(String(item)));
  if (Array.isArray(value) && value.length > 0 && value.every(isFlatStructure)) return value.map(shorthand);
  if (isFlatStructure(value)) return [shorthand(value)];
  return [shellQuote(JSON.stringify(value))];
};

/** A file name for an object's body or download, from the key when it makes a plain one. */
const fileNameFor = (key: unknown, fallback: string): string => {
  const base = typeof key === "string" ? key.split("/").pop() : undefined;
  return base && /^[A-Za-z0-9._-]+$/.test(base) && !/^\.+$/.test(base) ? base : fallback;
};

/**
 * The JS SDK fills in CreateBucketConfiguration.LocationConstraint with the client's region
 * outside us-east-1; the CLI does not, so the command spells out what the SDK really sent.
 */
const withSdkDefaults = (call: CliCall, input: Record<string, unknown>): Record<string, unknown> => {
  if (call.service !== "s3" || call.operation !== "CreateBucket" || call.region === "us-east-1") return input;
  const configuration = isRecord(input.CreateBucketConfiguration) ? input.CreateBucketConfiguration : {};
  if (configuration.LocationConstraint || configuration.Location) return input;
  return { ...input, CreateBucketConfiguration: { ...configuration, LocationConstraint: call.region } };
};

export const cliCommand = (call: CliCall): string => {
  const input = withSdkDefaults(call, sdkInput(call.input));
  const lines: string[] = [];
  const words = ["aws", CLI_SERVICE[call.service], xformName(call.operation)];
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    const flag = `--${xformName(name)}`;
    if (call.service === "s3" && name === "Body") {
      // The CLI takes an object's body from a file, so the view writes one first.
      const file = fileNameFor(input.Key, "body.txt");
      lines.push(`printf '%s' ${shellQuote(String(value))} > ${shellQuote(file)}`);
      words.push(flag, shellQuote(file));
    } else if (typeof value === "boolean") {
      words.push(value ? flag : `--no-${xformName(name)}`);
    } else {
      words.push(flag, ...argumentWords(value));
    }
  }
  // get-object writes the body to a file named last on the line.
  if (call.service === "s3" && call.operation === "GetObject") words.push(shellQuote(`downloaded-${fileNameFor(input.Key, "object")}`));
  if (call.endpoint) words.push("--endpoint-url", shellQuote(call.endpoint));
  words.push("--region", shellQuote(call.region));
  const environment = Object.entries(call.environment).map(([name, value]) => `${name}=${shellQuote(value)}`);
  lines.push([...environment, ...words].join(" "));
  return lines.join("\n");
};
