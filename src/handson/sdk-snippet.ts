import type { ServiceName } from "../targets/target";
import { commentText, expectedFailure, type CallView } from "./call-view";
import { isPolicyObject } from "./sdk-input";
import { isRecord } from "./values";

/**
 * SDK calls as a TypeScript program a learner can paste into an ESM file and run: the imports,
 * one client per service, region and identity, and the calls in order. Laid out for a width so
 * it reads on screen, but only ever broken between properties or elements, never inside a
 * string, so what is copied stays valid.
 */

export type SnippetCall = CallView;

const PACKAGES: Record<ServiceName, { module: string; client: string }> = {
  s3: { module: "@aws-sdk/client-s3", client: "S3Client" },
  iam: { module: "@aws-sdk/client-iam", client: "IAMClient" },
  sts: { module: "@aws-sdk/client-sts", client: "STSClient" },
  s3control: { module: "@aws-sdk/client-s3-control", client: "S3ControlClient" },
};

/** Lines longer than this (or the width asked for, if narrower) are broken into one property per line. */
const MAX_WIDTH = 100;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const propertyName = (key: string) => (IDENTIFIER.test(key) ? key : JSON.stringify(key));

/**
 * A value as a JS literal: inline when it fits on its line (`column` characters are already
 * used before it, `tail` after it), one property or element per line otherwise.
 */
/** {{name}} of a value an earlier call saved → the expression that reads it from that call's output. */
type Saved = ReadonlyMap<string, string>;
const PLACEHOLDER = /\{\{([A-Za-z0-9_]+)\}\}/g;

/** A string as code: a literal, or the saved value itself, or a template literal around saved values. */
const stringCode = (text: string, saved: Saved): string => {
  const whole = /^\{\{([A-Za-z0-9_]+)\}\}$/.exec(text);
  if (whole && saved.has(whole[1]!)) return saved.get(whole[1]!)!;
  if (![...text.matchAll(PLACEHOLDER)].some((match) => saved.has(match[1]!))) return JSON.stringify(text);
  const escaped = text.replace(/[`\\]/g, (character) => `\\${character}`).replace(/\$\{/g, "\\${");
  return `\`${escaped.replace(PLACEHOLDER, (match, name: string) => (saved.has(name) ? `\${${saved.get(name)}}` : match))}\``;
};

const literal = (value: unknown, indent: string, column: number, width: number, tail = 1, saved: Saved = new Map()): string => {
  const inner = `${indent}  `;
  const fits = (text: string) => column + text.length + tail <= width && !text.includes("\n");
  if (Array.isArray(value)) {
    const inline = `[${value.map((item) => literal(item, inner, Number.NEGATIVE_INFINITY, width, 1, saved)).join(", ")}]`;
    if (fits(inline)) return inline;
    return `[\n${value.map((item) => `${inner}${literal(item, inner, inner.length, width, 1, saved)},\n`).join("")}${indent}]`;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    const property = (key: string, item: unknown, at: number) => {
      const name = `${propertyName(key)}: `;
      // Policies read as objects in lessons; the SDK wants them as JSON text.
      if (isPolicyObject(key, item)) return `${name}JSON.stringify(${literal(item, inner, at + name.length + "JSON.stringify(".length, width, 2, saved)})`;
      return `${name}${literal(item, inner, at + name.length, width, 1, saved)}`;
    };
    const inline = `{ ${entries.map(([key, item]) => property(key, item, Number.NEGATIVE_INFINITY)).join(", ")} }`;
    if (fits(inline)) return inline;
    return `{\n${entries.map(([key, item]) => `${inner}${property(key, item, inner.length)},\n`).join("")}${indent}}`;
  }
  if (value instanceof Date) return `new Date(${JSON.stringify(value.toISOString())})`;
  return value === null ? "null" : typeof value === "string" ? stringCode(value, saved) : String(value);
};

const isArnBucket = (call: SnippetCall): boolean => call.service === "s3" && typeof call.input?.Bucket === "string" && call.input.Bucket.startsWith("arn:");

/**
 * S3 Control (`<account>.` before the host) and an MRAP's ARN (`<alias>.accesspoint.s3-global...`,
 * HTTPS) get host names the SDK builds itself, which an emulator's endpoint cannot stand in for:
 * such a client keeps AWS's host names and its connections are dialled to the emulator.
 */
const dialsEndpoint = (call: SnippetCall): string | undefined =>
  call.endpoint && (call.service === "s3control" || isArnBucket(call)) ? call.endpoint : undefined;

const clientOptions = (call: SnippetCall): Record<string, unknown> => {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_PROFILE: profile } = call.environment;
  const endpoint = dialsEndpoint(call) ? undefined : call.endpoint;
  return {
    region: call.region,
    ...(endpoint ? { endpoint } : {}),
    ...(endpoint && call.service === "s3" ? { forcePathStyle: true } : {}),
    ...(call.followRegionRedirects && call.service === "s3" ? { followRegionRedirects: true } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    ...(profile ? { profile } : {}),
  };
};

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");

interface Client {
  name: string;
  service: ServiceName;
  options: Record<string, unknown>;
  /** The emulator its connections go to, when it keeps AWS's host names (dialsEndpoint). */
  dials?: string;
}

/**
 * The clients the calls need, and which one each call uses. One client is `client`; several are
 * named by what sets them apart: `s3EuWest1`, `s3EuWest1Other`, `s3UsEast1FollowingRedirects`.
 */
const clientsFor = (calls: readonly SnippetCall[]): { clients: Client[]; clientOf: Client[] } => {
  const byKey = new Map<string, Client>();
  const clientOf = calls.map((call) => {
    const options = clientOptions(call);
    const dials = dialsEndpoint(call);
    const key = JSON.stringify([call.service, options, dials]);
    let client = byKey.get(key);
    if (!client) {
      const identity = call.identity && call.identity !== "default" ? pascal(call.identity) : "";
      const follows = options.followRegionRedirects ? "FollowingRedirects" : "";
      const arn = call.service === "s3" && dials ? "ViaArn" : "";
      client = { name: `${call.service}${pascal(call.region)}${identity}${follows}${arn}`, service: call.service, options, ...(dials ? { dials } : {}) };
      byKey.set(key, client);
    }
    return client;
  });
  const clients = [...byKey.values()];
  if (clients.length === 1) clients[0]!.name = "client";
  // Two clients may differ only in what the name leaves out (keys on a target with one identity name).
  const seen = new Map<string, number>();
  for (const client of clients) {
    const count = (seen.get(client.name) ?? 0) + 1;
    seen.set(client.name, count);
    if (count > 1) client.name = `${client.name}${count}`;
  }
  return { clients, clientOf };
};

/** `import { A, B } from "module";`, one name per line when that does not fit. */
const importLine = (names: readonly string[], module: string, width: number): string => {
  const inline = `import { ${names.join(", ")} } from "${module}";`;
  return inline.length <= width ? inline : `import {\n${names.map((name) => `  ${name},\n`).join("")}} from "${module}";`;
};

const importsFor = (calls: readonly SnippetCall[], clients: readonly Client[], width: number): string[] => {
  const names = new Map<string, string[]>();
  const add = (module: string, name: string) => {
    const list = names.get(module) ?? [];
    if (!list.includes(name)) list.push(name);
    names.set(module, list);
  };
  for (const client of clients) add(PACKAGES[client.service].module, PACKAGES[client.service].client);
  for (const call of calls) add(PACKAGES[call.service].module, `${call.operation}Command`);
  const lines = [...names].map(([module, list]) => importLine(list, module, width));
  // An ARN as the bucket (a Multi-Region Access Point) is signed with SigV4A, whose signer registers itself when loaded.
  return calls.some(isArnBucket) ? [...lines, 'import "@aws-sdk/signature-v4a";'] : lines;
};

/** The function a program calls for each client that keeps AWS's host names but must reach the emulator. */
const DIAL_FUNCTION = [
  "// S3 Control and Multi-Region Access Points are addressed by host names the SDK builds",
  "// (<account>.s3-control..., <alias>.accesspoint.s3-global...). The emulator answers under",
  "// them: each request goes to it as signed; only the connection is sent to its address.",
  "type Next = (args: { request: unknown }) => Promise<unknown>;",
  "type Dialable = { middlewareStack: { add(middleware: unknown, options: object): void } };",
  "const dialEmulator = (client: Dialable, endpoint: string) => {",
  "  const emulator = new URL(endpoint);",
  "  const dial = (next: Next) => async (args: { request: unknown }) => {",
  "    const request = args.request as object;",
  "    // A copy: a retry signs the original again, which must keep AWS's host name.",
  "    const copy = Object.create(Object.getPrototypeOf(request) as object) as object;",
  "    const dialed = Object.assign(copy, request, {",
  "      protocol: emulator.protocol,",
  "      hostname: emulator.hostname,",
  "      port: Number(emulator.port),",
  "    });",
  "    return next({ ...args, request: dialed });",
  "  };",
  '  client.middlewareStack.add(dial, { step: "deserialize", priority: "low" });',
  "};",
];

/** The statements for one call, `indent`ed; `output` names its result where one is kept. */
const callStatements = (call: SnippetCall, client: string, output: string, alone: boolean, width: number, saved: Saved): string[] => {
  const command = `${call.operation}Command`;
  const send = (indent: string, before: string) => {
    const start = `${indent}${before}await ${client}.send(new ${command}(`;
    return `${start}${literal(call.input ?? {}, indent, start.length, width, 3, saved)}));`;
  };
  const lines = call.label && !alone ? [`// ${commentText(call.label)}`] : [];
  if (call.expectedError) {
    lines.push(`// ${expectedFailure(call.expectedError)}`);
    // Alone, the error ends the program and is shown; with calls after it, the program goes on.
    if (alone) lines.push(send("", ""));
    else lines.push("try {", send("  ", ""), "} catch (error) {", '  console.log("Failed as expected:", (error as Error).name);', "}");
  } else if (call.service === "s3" && call.operation === "GetObject") {
    lines.push(send("", `const ${output} = `), `console.log(await ${output}.Body?.transformToString());`);
  } else {
    lines.push(send("", `const ${output} = `), `console.log(${output});`);
  }
  return lines;
};

/** `Uploads.0.UploadId` of `output2` as TypeScript: `output2.Uploads![0]!.UploadId!`. */
const outputPath = (output: string, path: string): string =>
  `${output}${path
    .split(".")
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join("!")}!`;

/** The calls as one program, laid out for `width` columns (at most 100). */
export const sdkProgram = (calls: readonly SnippetCall[], width = MAX_WIDTH): string => {
  const lineWidth = Math.min(MAX_WIDTH, width);
  const { clients, clientOf } = clientsFor(calls);
  const lines = [...importsFor(calls, clients, lineWidth), ""];
  if (clients.some((client) => client.dials)) lines.push(...DIAL_FUNCTION, "");
  for (const client of clients) {
    const construct = `const ${client.name} = new ${PACKAGES[client.service].client}(`;
    lines.push(`${construct}${literal(client.options, "", construct.length, lineWidth, 2)});`);
    if (client.dials) lines.push(`dialEmulator(${client.name}, ${JSON.stringify(client.dials)});`);
  }
  const alone = calls.length === 1;
  const saved = new Map<string, string>();
  calls.forEach((call, index) => {
    const output = alone ? "output" : `output${index + 1}`;
    lines.push("", ...callStatements(call, clientOf[index]!.name, output, alone, lineWidth, saved));
    // A failure the step expects leaves no output to read from.
    if (call.expectedError) return;
    for (const [name, path] of Object.entries(call.save ?? {})) saved.set(name, outputPath(output, path));
  });
  return lines.join("\n");
};
