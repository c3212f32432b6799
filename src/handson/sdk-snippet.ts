import type { ServiceName } from "../targets/target";
import type { CallView } from "./call-view";
import { isPolicyObject } from "./sdk-input";
import { isRecord } from "./values";

/** An SDK call as a TypeScript snippet a learner can paste into an ESM file and run. */

export type SnippetCall = CallView;

const PACKAGES: Record<ServiceName, { module: string; client: string }> = {
  s3: { module: "@aws-sdk/client-s3", client: "S3Client" },
  iam: { module: "@aws-sdk/client-iam", client: "IAMClient" },
  sts: { module: "@aws-sdk/client-sts", client: "STSClient" },
};

/** Lines longer than this are broken into one property per line. */
const LINE_WIDTH = 100;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const propertyName = (key: string) => (IDENTIFIER.test(key) ? key : JSON.stringify(key));

/**
 * A value as a JS literal: inline when it fits on its line (`column` characters are already
 * used before it, `tail` after it), one property or element per line otherwise.
 */
const literal = (value: unknown, indent: string, column: number, tail = 1): string => {
  const inner = `${indent}  `;
  const fits = (text: string) => column + text.length + tail <= LINE_WIDTH && !text.includes("\n");
  if (Array.isArray(value)) {
    const inline = `[${value.map((item) => literal(item, inner, Number.NEGATIVE_INFINITY)).join(", ")}]`;
    if (fits(inline)) return inline;
    return `[\n${value.map((item) => `${inner}${literal(item, inner, inner.length)},\n`).join("")}${indent}]`;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    const property = (key: string, item: unknown, at: number) => {
      const name = `${propertyName(key)}: `;
      // Policies read as objects in lessons; the SDK wants them as JSON text.
      if (isPolicyObject(key, item)) return `${name}JSON.stringify(${literal(item, inner, at + name.length + "JSON.stringify(".length, 2)})`;
      return `${name}${literal(item, inner, at + name.length)}`;
    };
    const inline = `{ ${entries.map(([key, item]) => property(key, item, Number.NEGATIVE_INFINITY)).join(", ")} }`;
    if (fits(inline)) return inline;
    return `{\n${entries.map(([key, item]) => `${inner}${property(key, item, inner.length)},\n`).join("")}${indent}}`;
  }
  if (value instanceof Date) return `new Date(${JSON.stringify(value.toISOString())})`;
  return value === null ? "null" : typeof value === "string" ? JSON.stringify(value) : String(value);
};

const clientOptions = (call: SnippetCall): Record<string, unknown> => {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_PROFILE: profile } = call.environment;
  return {
    region: call.region,
    ...(call.endpoint ? { endpoint: call.endpoint } : {}),
    ...(call.endpoint && call.service === "s3" ? { forcePathStyle: true } : {}),
    ...(call.followRegionRedirects && call.service === "s3" ? { followRegionRedirects: true } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    ...(profile ? { profile } : {}),
  };
};

export const sdkSnippet = (call: SnippetCall): string => {
  const { module, client } = PACKAGES[call.service];
  const command = `${call.operation}Command`;
  const construct = `const client = new ${client}(`;
  const lines = [`import { ${client}, ${command} } from "${module}";`, "", `${construct}${literal(clientOptions(call), "", construct.length, 2)});`, ""];
  const send = (before: string) => {
    const start = `${before}await client.send(new ${command}(`;
    return `${start}${literal(call.input ?? {}, "", start.length, 3)}));`;
  };
  if (call.expectedError) {
    const status = call.expectedError.status === undefined ? "" : ` (${call.expectedError.status})`;
    lines.push(`// Expected to fail with ${call.expectedError.code}${status}`, send(""));
  } else if (call.service === "s3" && call.operation === "GetObject") {
    lines.push(send("const output = "), "console.log(await output.Body?.transformToString());");
  } else {
    lines.push(send("const output = "), "console.log(output);");
  }
  return lines.join("\n");
};
