import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTarget } from "../../src/targets/create-target";
import { TargetError } from "../../src/targets/target";
import { useEnvironment, useStateDir } from "./helpers/aws-on-sandbox";

/**
 * Pre-flight through the real credential chain and SDK, for what a real account can answer: an
 * expired SSO session (from the SDK's own token cache), STS refusing GetCallerIdentity (from a
 * local endpoint that answers as STS does); and another program where LocalStack should be.
 */

const failure = async (promise: Promise<unknown>): Promise<TargetError> => {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TargetError);
  return error as TargetError;
};

const noMachineSettings = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_EC2_METADATA_DISABLED: "true",
};

describe("pre-flight: an SSO profile whose session has expired", () => {
  useStateDir();
  useEnvironment(noMachineSettings);
  let home = "";
  const saved = { HOME: process.env.HOME, USERPROFILE: process.env.USERPROFILE };
  beforeEach(async () => {
    // The SDK reads ~/.aws/config and ~/.aws/sso/cache/<sha1 of the session name>.json from the home folder.
    home = await mkdtemp(join(tmpdir(), "s3-tutor-home-"));
    await mkdir(join(home, ".aws", "sso", "cache"), { recursive: true });
    const config = [
      "[profile learner]",
      "sso_session = workshop",
      "sso_account_id = 111122223333",
      "sso_role_name = Learner",
      "region = eu-west-1",
      "[sso-session workshop]",
      "sso_start_url = https://example.awsapps.com/start",
      "sso_region = eu-west-1",
    ].join("\n");
    await writeFile(join(home, ".aws", "config"), `${config}\n`);
    const token = { accessToken: "expired", expiresAt: "2020-01-01T00:00:00Z", region: "eu-west-1", startUrl: "https://example.awsapps.com/start" };
    await writeFile(join(home, ".aws", "sso", "cache", `${createHash("sha1").update("workshop").digest("hex")}.json`), JSON.stringify(token));
    process.env.HOME = home;
    process.env.USERPROFILE = home;
    process.env.AWS_CONFIG_FILE = join(home, ".aws", "config");
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, ".aws", "credentials");
  });
  afterEach(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    delete process.env.AWS_CONFIG_FILE;
    delete process.env.AWS_SHARED_CREDENTIALS_FILE;
    await rm(home, { recursive: true, force: true });
  });

  it("says the session expired and to run aws sso login for that profile", async () => {
    const target = await createTarget({ target: "aws", profile: "learner" });
    try {
      const error = await failure(target.preflight());
      expect(error.message).toBe('Your AWS SSO session for profile "learner" has expired or is not signed in.');
      expect(error.fix).toBe("Run: aws sso login --profile learner");
    } finally {
      await target.close();
    }
  });
});

describe("pre-flight: STS refuses GetCallerIdentity", () => {
  useStateDir();
  useEnvironment({ ...noMachineSettings, AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" });
  let answer = { status: 403, code: "AccessDenied", message: "" };
  let server: Server | undefined;
  let endpoint = "";
  beforeAll(async () => {
    // Answers every request as STS answers an error: the Query protocol's ErrorResponse.
    server = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        response.writeHead(answer.status, { "content-type": "text/xml" });
        response.end(
          `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${answer.code}</Code>` +
            `<Message>${answer.message}</Message></Error><RequestId>4ed4c4d4-0000-0000-0000-000000000000</RequestId></ErrorResponse>`,
        );
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server?.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  const preflightFailure = async () => {
    const target = await createTarget({ target: "aws", endpoint, region: "eu-west-1" });
    try {
      return await failure(target.preflight());
    } finally {
      await target.close();
    }
  };

  it("AccessDenied: says which permission is missing and what to do", async () => {
    answer = { status: 403, code: "AccessDenied", message: "User: arn:aws:iam::111122223333:user/sam is not authorized to perform: sts:GetCallerIdentity" };
    const error = await preflightFailure();
    expect(error.message).toBe("These credentials may not call sts:GetCallerIdentity (AccessDenied), which s3-tutor uses to read your account id.");
    expect(error.fix).toBe("Ask your administrator to allow it (a service control policy may deny it), or use another --profile.");
  });

  it("ExpiredToken: says the credentials expired", async () => {
    answer = { status: 403, code: "ExpiredToken", message: "The security token included in the request is expired" };
    expect((await preflightFailure()).message).toBe("Your AWS credentials have expired.");
  });

  it("InvalidClientTokenId: says AWS does not accept the key, and never prints it", async () => {
    answer = { status: 403, code: "InvalidClientTokenId", message: "The security token included in the request is invalid." };
    const error = await preflightFailure();
    expect(error.message).toBe("AWS does not accept these credentials (InvalidClientTokenId).");
    expect(`${error.message} ${error.fix}`).not.toMatch(/AKIAIOSFODNN7EXAMPLE|secret/);
  });
});

describe("pre-flight: a web server where LocalStack should be (the wrong port)", () => {
  useStateDir();
  let server: Server | undefined;
  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        response.writeHead(404, { "content-type": "text/html" });
        response.end("<html><head><title>Not Found</title></head><body>Not Found</body></html>");
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it("says something else answers there, and how to find LocalStack's port", async () => {
    const endpoint = `http://127.0.0.1:${(server?.address() as { port: number }).port}`;
    const target = await createTarget({ target: "localstack", endpoint });
    try {
      const error = await failure(target.preflight());
      expect(error.message).toBe(`Something answers at ${endpoint} (HTTP 404), but not as LocalStack would: another program is probably listening on that port.`);
      expect(error.fix).toMatch(/^Check the port LocalStack listens on/);
    } finally {
      await target.close();
    }
  });
});
