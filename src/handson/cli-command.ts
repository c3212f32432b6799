import type { ServiceName } from "../targets/target";
import type { CallView } from "./call-view";
import { sdkInput } from "./sdk-input";
import { isRecord } from "./values";
import type { Unit } from "./shell-layout";
import { xformName } from "./xform-name";

/**
 * An SDK call as the equivalent AWS CLI command (POSIX shell syntax):
 * `aws s3api create-bucket --bucket b --create-bucket-configuration LocationConstraint=eu-west-1 --region eu-west-1`.
 * Flat structures use the CLI's shorthand (Key=Value,Key2=Value2), anything nested is
 * single-quoted JSON, booleans are --flag / --no-flag, and S3 bodies go through a file.
 */

export type CliCall = CallView;

const CLI_SERVICE: Record<ServiceName, string> = { s3: "s3api", iam: "iam", sts: "sts", s3control: "s3control" };

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

/** printf's own escapes, for a format that must print `text` as it is. */
const PRINTF_ESCAPES: Record<string, string> = { "\\": "\\\\", "%": "%%", "\n": "\\n", "\t": "\\t", "\r": "\\r" };
const printfFormat = (text: string): string =>
  text.replace(/[\\%\u0000-\u001f]/g, (char) => PRINTF_ESCAPES[char] ?? `\\${char.charCodeAt(0).toString(8).padStart(3, "0")}`);

/**
 * printf's arguments that print a body as it is: `'%s' 'text'`, or, when the body has line
 * breaks or other control characters, the body as printf's format with them escaped, so the
 * command stays on one line.
 */
const bodyWords = (body: string): Unit[] =>
  /[\u0000-\u001f]/.test(body) ? [[shellQuote(printfFormat(body))]] : [["'%s'"], [shellQuote(body)]];

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

/**
 * A call as AWS CLI words, grouped into units that read as one thing (`aws s3api create-bucket`,
 * `--bucket name`), so a layout can split between them: the commands to run first (an object's
 * body written to a file) and the aws command. The identity's environment is kept apart: pasted
 * commands name it on their line, a script sets it once.
 */
export interface CliCommand {
  before: Unit[][];
  command: Unit[];
  environment: Record<string, string>;
}

export const cliCommandUnits = (call: CliCall): CliCommand => {
  const input = withSdkDefaults(call, sdkInput(call.input));
  const before: Unit[][] = [];
  const command: Unit[] = [["aws", CLI_SERVICE[call.service], xformName(call.operation)]];
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    const flag = `--${xformName(name)}`;
    if (call.service === "s3" && name === "Body") {
      // The CLI takes an object's body from a file, so the view writes one first.
      const file = fileNameFor(input.Key, "body.txt");
      before.push([["printf"], ...bodyWords(String(value)), [">", shellQuote(file)]]);
      command.push([flag, shellQuote(file)]);
    } else if (typeof value === "boolean") {
      command.push([value ? flag : `--no-${xformName(name)}`]);
    } else {
      command.push([flag, ...argumentWords(value)]);
    }
  }
  // get-object writes the body to a file named last on the line.
  if (call.service === "s3" && call.operation === "GetObject") command.push([shellQuote(`downloaded-${fileNameFor(input.Key, "object")}`)]);
  if (call.endpoint) command.push(["--endpoint-url", shellQuote(call.endpoint)]);
  command.push(["--region", shellQuote(call.region)]);
  return { before, command, environment: call.environment };
};

/** `NAME=value` words that set the environment for one command. */
export const environmentUnits = (environment: Record<string, string>): Unit[] =>
  Object.entries(environment).map(([name, value]) => [`${name}=${shellQuote(value)}`]);
