import { describeFault, faultOf } from "./sdk-faults";
import { TargetError, type TargetName } from "./target";

/** What pre-flight knew when it failed, to name the fix. */
export interface PreflightContext {
  target: TargetName;
  /** The URL pre-flight tried (the emulator's, or AWS's STS endpoint). */
  url: string;
  /** Whether the URL came from --endpoint (or is LocalStack's default) rather than AWS. */
  custom: boolean;
  profile?: string;
  region?: string;
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "ECONNABORTED"]);
const TIMEOUT_NAMES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const EXPIRED_CODES = new Set(["ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired", "TokenRefreshRequiredException"]);
const REJECTED_CODES = new Set(["InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AuthFailure"]);
const DENIED_CODES = new Set(["AccessDenied", "AccessDeniedException"]);
/**
 * The SDK could not read the answer as AWS's (an HTML page, plain text, an empty 200), or found
 * no message in it ("Unknown"): another program answered.
 */
const FOREIGN_ANSWER = /Deserialization error|XML parse error|returned no account|^Unknown(Error)?$/i;

/** Node reports a refused localhost connection as an AggregateError (IPv4 and IPv6), or as a cause. */
const networkCode = (error: unknown, depth = 0): string | undefined => {
  if (!error || typeof error !== "object" || depth > 3) return undefined;
  const { code, name, errors, cause } = error as { code?: unknown; name?: unknown; errors?: unknown; cause?: unknown };
  if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
  if (typeof name === "string" && TIMEOUT_NAMES.has(name)) return "ETIMEDOUT";
  for (const inner of Array.isArray(errors) ? errors : []) {
    const found = networkCode(inner, depth + 1);
    if (found) return found;
  }
  return networkCode(cause, depth + 1);
};

const ssoLogin = (profile: string | undefined) => `aws sso login${profile ? ` --profile ${profile}` : ""}`;

const unreachable = (context: PreflightContext, code: string): TargetError => {
  const waited = code === "ETIMEDOUT" ? " in time" : "";
  if (context.target === "localstack") {
    return new TargetError(
      `Nothing answers at ${context.url}${waited}.`,
      "Start LocalStack (the README shows how, with pip or Docker) or pass --endpoint with the URL it listens on.",
    );
  }
  if (context.custom) return new TargetError(`Nothing answers at ${context.url}${waited}.`, "Check the URL given with --endpoint.");
  return new TargetError(
    `Cannot reach AWS at ${context.url}${waited}.`,
    code === "ENOTFOUND" && context.region
      ? `Check that "${context.region}" is a region (e.g. eu-west-1), and your network connection or proxy.`
      : "Check your network connection (and proxy settings), then try again.",
  );
};

const foreignAnswer = (context: PreflightContext, status: number | undefined): TargetError => {
  const what = context.target === "localstack" ? "LocalStack" : "an AWS endpoint";
  return new TargetError(
    `Something answers at ${context.url}${status ? ` (HTTP ${status})` : ""}, but not as ${what} would: another program is probably listening on that port.`,
    context.target === "localstack"
      ? "Check the port LocalStack listens on (its GATEWAY_LISTEN; curl http://localhost:4566/_localstack/health answers on the right one) and pass it with --endpoint."
      : "Check the URL given with --endpoint.",
  );
};

/**
 * Turns whatever pre-flight ran into into a TargetError that says what is wrong and how to fix
 * it, in words: no stack trace, and never a credential.
 */
export const explainPreflightFailure = (error: unknown, context: PreflightContext): TargetError => {
  if (error instanceof TargetError) return error;
  const network = networkCode(error);
  if (network) return unreachable(context, network);

  const { code, message, status } = faultOf(error);
  if (context.custom && FOREIGN_ANSWER.test(message)) return foreignAnswer(context, status);
  const profileNamed = context.profile ? ` "${context.profile}"` : "";
  if (/SSO session|SSO Token|Token is expired|sso login/i.test(message)) {
    const forProfile = context.profile ? ` for profile${profileNamed}` : "";
    return new TargetError(`Your AWS SSO session${forProfile} has expired or is not signed in.`, `Run: ${ssoLogin(context.profile)}`);
  }
  if (EXPIRED_CODES.has(code) || /expired/i.test(message)) {
    return new TargetError(
      "Your AWS credentials have expired.",
      `Run: ${ssoLogin(context.profile)} (for an SSO profile), or get fresh temporary credentials and set them again.`,
    );
  }
  const missingProfile = /Profile \[?'?([^\]'\s]+)'?\]? (?:was not found|could not be found)/i.exec(message);
  if (missingProfile) {
    return new TargetError(`There is no AWS profile named "${missingProfile[1]}".`, "List your profiles with: aws configure list-profiles");
  }
  if (code === "CredentialsProviderError" || code === "TokenProviderError" || /Could not load credentials/i.test(message)) {
    const practise = "To practise without an AWS account: --target sandbox.";
    return context.profile
      ? new TargetError(
          `No AWS credentials found for profile${profileNamed}.`,
          `Check that it exists (aws configure list-profiles), then sign in: ${ssoLogin(context.profile)}, or aws configure --profile ${context.profile}. ${practise}`,
        )
      : new TargetError(
          "No AWS credentials found.",
          `Sign in with aws sso login --profile NAME or aws configure, then pass --profile NAME (or set AWS_PROFILE). ${practise}`,
        );
  }
  if (/Region is missing/i.test(message)) return noRegion(context.profile);
  if (REJECTED_CODES.has(code)) {
    return new TargetError(
      `AWS does not accept these credentials (${code}).`,
      "The access key is wrong, deleted or deactivated: check what aws configure list shows, or sign in again.",
    );
  }
  if (DENIED_CODES.has(code)) {
    return new TargetError(
      "These credentials may not call sts:GetCallerIdentity (AccessDenied), which s3-tutor uses to read your account id.",
      "Ask your administrator to allow it (a service control policy may deny it), or use another --profile.",
    );
  }
  return new TargetError(
    `The ${context.target} target did not answer as expected at ${context.url}: ${describeFault(error)}`,
    context.target === "localstack"
      ? "Check that LocalStack runs there and is healthy (curl its /_localstack/health), or pass --endpoint."
      : "Check --profile, --region and your network; to practise without an AWS account use --target sandbox.",
  );
};

export const noRegion = (profile: string | undefined): TargetError =>
  new TargetError(
    "No AWS region is set.",
    `Pass --region (e.g. --region eu-west-1), set AWS_REGION, or add "region = eu-west-1" to ${profile ? `[profile ${profile}]` : "your profile"} in ~/.aws/config.`,
  );

/** `--target sandbox --endpoint URL`, and no sandbox answers there. */
export const sandboxNotAt = (url: string, probe: { kind: "other"; status: number } | { kind: "unreachable"; code: string }): TargetError =>
  probe.kind === "unreachable"
    ? new TargetError(
        `No sandbox answers at ${url}${probe.code === "ETIMEDOUT" ? " in time" : ""}.`,
        "Start one there with: s3-tutor sandbox (it prints its endpoint), or leave out --endpoint to use your own sandbox.",
      )
    : new TargetError(
        `Something answers at ${url} (HTTP ${probe.status}), but it is not an s3-tutor sandbox.`,
        "Check the URL given with --endpoint; for LocalStack, use --target localstack.",
      );
