import { IAMClient } from "@aws-sdk/client-iam";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { S3ControlClient } from "@aws-sdk/client-s3-control";
import "@aws-sdk/signature-v4a";
import { dialSandbox } from "../../src/targets/sandbox-dialing";
import { startSandbox, type Sandbox } from "../../src/sandbox/index";
import type { PeerName } from "./peer-endpoints";

/**
 * What a scenario runs against: the sandbox, LocalStack or moto, through real SDK clients
 * signing as "me" or as "other" (a second account) for a region.
 */

export type SubjectName = "sandbox" | PeerName;
export type Identity = "me" | "other";

export interface Subject {
  name: SubjectName;
  s3(identity: Identity, region: string): S3Client;
  iam(identity: Identity): IAMClient;
  sts(identity: Identity): STSClient;
  /**
   * S3 Control, addressed as the SDK addresses AWS (<account>.s3-control.us-west-2.amazonaws.com)
   * with the connection dialed to the subject's endpoint, Host header unchanged.
   */
  s3control(identity: Identity): S3ControlClient;
  /** S3 virtual-hosted, so a Multi-Region Access Point's ARN may be the bucket (SigV4A), dialed likewise. */
  s3ViaArn(identity: Identity): S3Client;
  close(): Promise<void>;
}

type Config = { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; maxAttempts: number };

type AnyClient = S3Client | IAMClient | STSClient | S3ControlClient;

const subject = (
  name: SubjectName,
  endpoint: string,
  accessKeys: Record<Identity, string>,
  extra: (identity: Identity, client: AnyClient) => void = () => undefined,
  stop: () => Promise<void> = async () => undefined,
): Subject => {
  const made: { destroy(): void }[] = [];
  const config = (identity: Identity, region: string): Config => ({
    endpoint,
    region,
    credentials: { accessKeyId: accessKeys[identity], secretAccessKey: "test" },
    // A scenario looks at the first answer: a retry would hide a 5xx or turn a create into "already owned".
    maxAttempts: 1,
  });
  const keep = <T extends AnyClient>(identity: Identity, client: T): T => {
    extra(identity, client);
    made.push(client);
    return client;
  };
  return {
    name,
    s3: (identity, region) => keep(identity, new S3Client({ ...config(identity, region), forcePathStyle: true })),
    iam: (identity) => keep(identity, new IAMClient(config(identity, "us-east-1"))),
    sts: (identity) => keep(identity, new STSClient(config(identity, "us-east-1"))),
    s3control: (identity) => {
      const { endpoint: _endpoint, ...rest } = config(identity, "us-west-2");
      const client = keep(identity, new S3ControlClient(rest));
      dialSandbox(client, endpoint);
      return client;
    },
    s3ViaArn: (identity) => {
      const client = keep(identity, new S3Client({ ...config(identity, "us-east-1"), forcePathStyle: false }));
      dialSandbox(client, endpoint);
      return client;
    },
    close: async () => {
      for (const client of made.splice(0)) client.destroy();
      await stop();
    },
  };
};

/** The sandbox, started here; a 12-digit access key id is that account (as the sandbox target signs). */
export const sandboxSubject = async (): Promise<Subject> => {
  const sandbox: Sandbox = await startSandbox({ port: 0 });
  return subject("sandbox", sandbox.endpoint, { me: "111122223333", other: "444455556666" }, undefined, () => sandbox.close());
};

/** LocalStack: "test" is account 000000000000 and a 12-digit access key id is that account (as the localstack target signs). */
export const localstackSubject = (endpoint: string): Subject => subject("localstack", endpoint, { me: "test", other: "444455556666" });

/**
 * moto maps every unknown access key to 123456789012; another account is chosen with its
 * x-moto-account-id header (its documented way, short of assuming a role there).
 */
export const motoSubject = (endpoint: string): Subject =>
  subject("moto", endpoint, { me: "test", other: "test" }, (identity, client) => {
    if (identity !== "other") return;
    // Every client's stack takes a build-step middleware; the union of their types does not say so.
    (client as S3Client).middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers["x-moto-account-id"] = "444455556666";
        return next(args);
      },
      { step: "build", name: "motoOtherAccount" },
    );
  });
