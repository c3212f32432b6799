import type { ReplicationEvent, RequestLogEntry } from "../sandbox/index";
import { quoteForLog } from "./log-text";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

export const isLoopback = (host: string): boolean => LOOPBACK.test(host);

/** What the banner says about where the sandbox keeps its world, and whom the pasted lines sign as. */
export interface BannerSettings {
  /** The folder the world is kept in; undefined: a fresh one, gone when it stops. */
  keptIn?: string;
  /** Without keptIn: the temporary folder object bodies are written to meanwhile. */
  bodiesIn?: string;
  /** It is the learner's sandbox, the one the lessons use (then `s3-tutor env` prints the same lines). */
  learner?: boolean;
  accessKeyId?: string;
  region?: string;
}

/** What `s3-tutor sandbox` prints once it listens: where it is, where its data is, how to sign, what to paste. */
export const sandboxBanner = (endpoint: string, settings: BannerSettings = {}): string => {
  const accessKeyId = settings.accessKeyId ?? "test";
  const region = settings.region ?? "us-east-1";
  return [
    "s3-tutor sandbox: S3, IAM and STS, behaving as AWS does.",
    "",
    `  Endpoint     ${endpoint}`,
    `  Data         ${settings.keptIn ? `kept in ${settings.keptIn}` : `not kept (object bodies meanwhile in ${settings.bodiesIn ?? "a temporary folder"})`}`,
    "  Accounts     a 12-digit access key id is that account (111111111111, 222222222222, ...);",
    '               the access key id "test" is account 000000000000.',
    ...(settings.learner ? [`               The lessons are account ${accessKeyId}: the lines below sign as it.`] : []),
    '  Secret key   always "test" (the LocalStack convention: the same settings work for both).',
    "  Regions      the region you sign for is the region your request goes to.",
    "",
    settings.learner ? 'Paste into bash or zsh (or run: eval "$(s3-tutor env)"):' : "Paste into bash or zsh:",
    `  export AWS_ENDPOINT_URL=${endpoint}`,
    `  export AWS_ACCESS_KEY_ID=${accessKeyId}`,
    "  export AWS_SECRET_ACCESS_KEY=test",
    `  export AWS_REGION=${region} AWS_DEFAULT_REGION=${region}`,
    "",
    "Or into PowerShell:",
    `  $env:AWS_ENDPOINT_URL="${endpoint}"; $env:AWS_ACCESS_KEY_ID="${accessKeyId}"; $env:AWS_SECRET_ACCESS_KEY="test"; $env:AWS_REGION="${region}"; $env:AWS_DEFAULT_REGION="${region}"`,
    "",
    "Then try:  aws s3 mb s3://my-first-bucket && aws s3 ls",
    "SDKs read the same variables. The endpoint is an IP address, so clients use path-style URLs;",
    "behind a host name, ask for them (JavaScript: forcePathStyle: true; AWS CLI: s3.addressing_style = path).",
    "",
    settings.keptIn
      ? "Buckets, objects and roles are kept: they are still there when the sandbox starts again. Press Ctrl-C to stop."
      : "Nothing is kept: everything is gone when the sandbox stops. Press Ctrl-C to stop.",
    "",
  ].join("\n");
};

export const exposedWarning = (host: string): string =>
  `Warning: the sandbox is listening on ${host}, not on loopback. It accepts the well-known test ` +
  "credentials, so anyone who can reach this port can read and change its data.";

const pad = (text: string, width: number) => text.padEnd(width);

/** One line per request: time, method, operation, account, region, status (and error code). */
export const requestLine = (entry: RequestLogEntry, at: Date = new Date()): string => {
  const time = at.toISOString().slice(11, 19);
  const status = entry.errorCode ? `${entry.status} ${entry.errorCode}` : String(entry.status);
  // Everything but the time and the figures can come from the request, signed or not.
  return [
    time,
    pad(quoteForLog(entry.method), 6),
    pad(quoteForLog(entry.operation), 24),
    pad(quoteForLog(entry.account ?? "-"), 12),
    pad(quoteForLog(entry.region ?? "-"), 14),
    pad(quoteForLog(status), 28),
    `${Math.round(entry.durationMs)}ms`,
    quoteForLog(entry.path),
  ].join("  ");
};

/** One line per copy replication makes: "replicate src/report.csv v=... us-east-1 → dst eu-west-1 COMPLETED". */
export const replicationLine = (event: ReplicationEvent, at: Date = new Date()): string => {
  const what = event.kind === "deleteMarker" ? "delete marker " : "";
  const to = `${event.destinationBucket}${event.destinationRegion ? ` ${event.destinationRegion}` : ""}`;
  const outcome = event.status === "FAILED" ? `FAILED: ${event.reason ?? "unknown reason"}` : "COMPLETED";
  const line = `replicate ${what}${event.sourceBucket}/${event.key} v=${event.versionId} ${event.sourceRegion} → ${to} ${outcome}`;
  // The key is the learner's (or anyone's) to choose, control characters included.
  return `${at.toISOString().slice(11, 19)}  ${quoteForLog(line)}`;
};

/** A sandbox bug, for stderr: the operation and the stack, each line quoted (a message may repeat request text). */
export const internalErrorText = (error: unknown, entry: RequestLogEntry): string => {
  const detail = error instanceof Error ? (error.stack ?? String(error)) : String(error);
  const lines = detail.split("\n").map(quoteForLog);
  return [`Sandbox bug while serving ${quoteForLog(entry.operation)} ${quoteForLog(entry.method)} ${quoteForLog(entry.path)}: ${lines[0] ?? ""}`, ...lines.slice(1)].join("\n");
};
