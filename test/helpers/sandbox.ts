import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { S3ControlClient } from "@aws-sdk/client-s3-control";
import "@aws-sdk/signature-v4a";
import { dialSandbox } from "../../src/targets/sandbox-dialing";
import { afterAll, beforeAll } from "vitest";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../src/sandbox/index";

export const ACCOUNT_A = "111111111111";
export const ACCOUNT_B = "222222222222";

export interface ClientOptions {
  /** The access key id; a 12-digit id is that account. Defaults to ACCOUNT_A. */
  accessKeyId?: string;
  region?: string;
  secretAccessKey?: string;
  s3?: Partial<S3ClientConfig>;
}

/** Real AWS SDK clients pointed at a started sandbox, signing as the given account and region. */
export class SandboxClients {
  constructor(readonly sandbox: Sandbox) {}

  private config(options: ClientOptions) {
    return {
      endpoint: this.sandbox.endpoint,
      region: options.region ?? "us-east-1",
      credentials: {
        accessKeyId: options.accessKeyId ?? ACCOUNT_A,
        secretAccessKey: options.secretAccessKey ?? "test",
      },
      maxAttempts: 1,
    };
  }

  s3(options: ClientOptions = {}): S3Client {
    const client = new S3Client({ ...this.config(options), forcePathStyle: true, ...options.s3 });
    // A Multi-Region Access Point's ARN as the bucket makes the SDK address its global AWS host name.
    dialSandbox(client, this.sandbox.endpoint);
    return client;
  }

  /** S3 Control as the SDK addresses it (<account>.s3-control.<region>.amazonaws.com), dialed to the sandbox. */
  s3control(options: ClientOptions = {}): S3ControlClient {
    const { endpoint: _endpoint, ...config } = this.config(options);
    const client = new S3ControlClient(config);
    dialSandbox(client, this.sandbox.endpoint);
    return client;
  }

  iam(options: ClientOptions = {}): IAMClient {
    return new IAMClient(this.config(options));
  }

  sts(options: ClientOptions = {}): STSClient {
    return new STSClient(this.config(options));
  }
}

/** Starts one sandbox for the test file and stops it afterwards. */
export const useSandbox = (options: SandboxOptions = {}): { clients: () => SandboxClients; sandbox: () => Sandbox } => {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox(options);
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const started = () => {
    if (!sandbox) throw new Error("the sandbox has not started");
    return sandbox;
  };
  return { sandbox: started, clients: () => new SandboxClients(started()) };
};

/** A bucket name no other test in the run has used. */
let counter = 0;
export const uniqueBucket = (stem = "bucket"): string =>
  `${stem}-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** Resolves to the error a promise rejects with, and fails the test if it does not reject. */
export const failureOf = async (promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number }; $response?: { headers: Record<string, string> } }> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail, but it succeeded");
};
