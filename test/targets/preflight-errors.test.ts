import { describe, expect, it } from "vitest";
import { explainPreflightFailure, type PreflightContext } from "../../src/targets/preflight-errors";
import { TargetError } from "../../src/targets/target";

/** Errors shaped as the SDK throws them: a name, often a Code and $metadata. */
const sdkError = (name: string, message: string, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(message), { name, ...extra });
const serviceError = (code: string, message: string, status: number) =>
  sdkError(`${code}Exception`, message, { Code: code, $fault: "client", $metadata: { httpStatusCode: status } });
const networkError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:4566`), { code });

const localstack: PreflightContext = { target: "localstack", url: "http://localhost:4566", custom: true, region: "eu-west-1" };
const aws: PreflightContext = { target: "aws", url: "https://sts.eu-west-1.amazonaws.com", custom: false, region: "eu-west-1" };
const awsProfile: PreflightContext = { ...aws, profile: "learner" };

const explained = (error: unknown, context: PreflightContext) => {
  const result = explainPreflightFailure(error, context);
  expect(result).toBeInstanceOf(TargetError);
  expect(`${result.message}\n${result.fix}`).not.toMatch(/\n\s+at /);
  return { message: result.message, fix: result.fix };
};

describe("pre-flight failures, in words with the fix", () => {
  it("an emulator that does not answer", () => {
    const fix = "Start LocalStack (the README shows how, with pip or Docker) or pass --endpoint with the URL it listens on.";
    expect(explained(networkError("ECONNREFUSED"), localstack)).toEqual({ message: "Nothing answers at http://localhost:4566.", fix });
    // Node tries ::1 and 127.0.0.1 for localhost and reports both at once.
    const both = new AggregateError([networkError("ECONNREFUSED"), networkError("ECONNREFUSED")], "");
    expect(explained(both, localstack).message).toBe("Nothing answers at http://localhost:4566.");
    expect(explained(sdkError("TimeoutError", "Connection timed out after 5000 ms"), localstack).message).toBe(
      "Nothing answers at http://localhost:4566 in time.",
    );
    expect(explained(Object.assign(new Error("wrapped"), { cause: networkError("ENOTFOUND") }), localstack).message).toBe(
      "Nothing answers at http://localhost:4566.",
    );
  });

  it("an --endpoint that does not answer, and AWS out of reach", () => {
    expect(explained(networkError("ECONNREFUSED"), { ...aws, url: "http://127.0.0.1:9", custom: true })).toEqual({
      message: "Nothing answers at http://127.0.0.1:9.",
      fix: "Check the URL given with --endpoint.",
    });
    expect(explained(networkError("ENOTFOUND"), { ...aws, url: "https://sts.eu-wst-1.amazonaws.com", region: "eu-wst-1" })).toEqual({
      message: "Cannot reach AWS at https://sts.eu-wst-1.amazonaws.com.",
      fix: 'Check that "eu-wst-1" is a region (e.g. eu-west-1), and your network connection or proxy.',
    });
    expect(explained(networkError("ECONNRESET"), aws).fix).toBe("Check your network connection (and proxy settings), then try again.");
  });

  it("no credentials anywhere", () => {
    const error = sdkError("CredentialsProviderError", "Could not load credentials from any providers", { tryNextLink: false });
    expect(explained(error, aws)).toEqual({
      message: "No AWS credentials found.",
      fix: "Sign in with aws sso login --profile NAME or aws configure, then pass --profile NAME (or set AWS_PROFILE). To practise without an AWS account: --target sandbox.",
    });
    expect(explained(error, awsProfile)).toEqual({
      message: 'No AWS credentials found for profile "learner".',
      fix: "Check that it exists (aws configure list-profiles), then sign in: aws sso login --profile learner, or aws configure --profile learner. To practise without an AWS account: --target sandbox.",
    });
  });

  it("a profile that does not exist", () => {
    expect(explained(sdkError("CredentialsProviderError", "Profile learner was not found."), awsProfile)).toEqual({
      message: 'There is no AWS profile named "learner".',
      fix: "List your profiles with: aws configure list-profiles",
    });
    expect(explained(sdkError("CredentialsProviderError", "Could not resolve credentials using profile: [learner] in configuration/credentials file(s)."), awsProfile).message).toBe(
      'No AWS credentials found for profile "learner".',
    );
  });

  it("an expired SSO session", () => {
    const expected = { message: 'Your AWS SSO session for profile "learner" has expired or is not signed in.', fix: "Run: aws sso login --profile learner" };
    const sso = sdkError(
      "CredentialsProviderError",
      "The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.",
    );
    expect(explained(sso, awsProfile)).toEqual(expected);
    const token = sdkError("TokenProviderError", "Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.");
    expect(explained(token, awsProfile)).toEqual(expected);
    expect(explained(sso, aws).fix).toBe("Run: aws sso login");
  });

  it("expired credentials", () => {
    const expected = {
      message: "Your AWS credentials have expired.",
      fix: "Run: aws sso login --profile learner (for an SSO profile), or get fresh temporary credentials and set them again.",
    };
    expect(explained(serviceError("ExpiredToken", "The security token included in the request is expired", 403), awsProfile)).toEqual(expected);
    expect(explained(sdkError("ExpiredTokenException", "The security token included in the request is expired"), awsProfile)).toEqual(expected);
    expect(explained(sdkError("TokenRefreshRequired", "The provided token must be refreshed."), awsProfile)).toEqual(expected);
  });

  it("no region", () => {
    expect(explained(new Error("Region is missing"), awsProfile)).toEqual({
      message: "No AWS region is set.",
      fix: 'Pass --region (e.g. --region eu-west-1), set AWS_REGION, or add "region = eu-west-1" to [profile learner] in ~/.aws/config.',
    });
  });

  it("credentials AWS does not accept", () => {
    expect(explained(serviceError("InvalidClientTokenId", "The security token included in the request is invalid.", 403), aws)).toEqual({
      message: "AWS does not accept these credentials (InvalidClientTokenId).",
      fix: "The access key is wrong, deleted or deactivated: check what aws configure list shows, or sign in again.",
    });
    expect(explained(serviceError("SignatureDoesNotMatch", "The request signature we calculated does not match", 403), aws).message).toBe(
      "AWS does not accept these credentials (SignatureDoesNotMatch).",
    );
  });

  it("AccessDenied on STS", () => {
    const denied = serviceError("AccessDenied", "User: arn:aws:iam::111122223333:user/sam is not authorized to perform: sts:GetCallerIdentity", 403);
    expect(explained(denied, aws)).toEqual({
      message: "These credentials may not call sts:GetCallerIdentity (AccessDenied), which s3-tutor uses to read your account id.",
      fix: "Ask your administrator to allow it (a service control policy may deny it), or use another --profile.",
    });
  });

  it("another program at the endpoint: the SDK cannot read its answer", () => {
    const unreadable = Object.assign(
      new Error("@aws-sdk XML parse error: unexpected content.\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object."),
      { $metadata: { httpStatusCode: 404 } },
    );
    expect(explained(unreadable, localstack)).toEqual({
      message: "Something answers at http://localhost:4566 (HTTP 404), but not as LocalStack would: another program is probably listening on that port.",
      fix: "Check the port LocalStack listens on (its GATEWAY_LISTEN; curl http://localhost:4566/_localstack/health answers on the right one) and pass it with --endpoint.",
    });
    const htmlPage = Object.assign(new Error("Unknown"), { name: "NotFound", $metadata: { httpStatusCode: 404 } });
    expect(explained(htmlPage, localstack).message).toMatch(/^Something answers at http:\/\/localhost:4566 \(HTTP 404\), but not as LocalStack would/);
    expect(explained(new Error("STS GetCallerIdentity returned no account"), { ...aws, url: "http://127.0.0.1:8080", custom: true })).toEqual({
      message: "Something answers at http://127.0.0.1:8080, but not as an AWS endpoint would: another program is probably listening on that port.",
      fix: "Check the URL given with --endpoint.",
    });
  });

  it("anything else, with its code and message but no stack", () => {
    expect(explained(serviceError("InternalError", "We encountered an internal error. Please try again.", 500), localstack)).toEqual({
      message: "The localstack target did not answer as expected at http://localhost:4566: InternalError: We encountered an internal error. Please try again.",
      fix: "Check that LocalStack runs there and is healthy (curl its /_localstack/health), or pass --endpoint.",
    });
  });

  it("passes a TargetError through as it is", () => {
    const error = new TargetError("already explained", "already fixed");
    expect(explainPreflightFailure(error, aws)).toBe(error);
  });
});
