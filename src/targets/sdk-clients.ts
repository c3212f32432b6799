import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { AwsClient, ServiceName } from "./target";

/** Options every target's clients share; credentials come from the target. */
export interface ClientOptions {
  region: string;
  endpoint?: string;
  /** Fixed keys (emulators) or a provider such as the default credential chain (aws). */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  profile?: string;
  forcePathStyle?: boolean;
  /** S3 only: follow a 301 to the bucket's region, as the SDK does when asked to. */
  followRegionRedirects?: boolean;
}

/** Without it a blackholed host would hang pre-flight forever. */
const CONNECTION_TIMEOUT_MS = 5_000;

/** Creates an SDK client, loading that service's SDK package only now. */
export const createClient = async (service: ServiceName, options: ClientOptions): Promise<AwsClient> => {
  const config = {
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    maxAttempts: 2,
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS },
  };
  switch (service) {
    case "s3": {
      const { S3Client } = await import("@aws-sdk/client-s3");
      return new S3Client({
        ...config,
        forcePathStyle: options.forcePathStyle ?? false,
        followRegionRedirects: options.followRegionRedirects ?? false,
      });
    }
    case "iam": {
      const { IAMClient } = await import("@aws-sdk/client-iam");
      return new IAMClient(config);
    }
    case "sts": {
      const { STSClient } = await import("@aws-sdk/client-sts");
      return new STSClient(config);
    }
    case "s3control": {
      // S3 Control's own requests are signed with SigV4; only requests through an MRAP need SigV4A (arn-bucket-client.ts).
      const { S3ControlClient } = await import("@aws-sdk/client-s3-control");
      return new S3ControlClient(config);
    }
  }
};

/** The caller's account, from STS GetCallerIdentity. */
export const callerAccount = async (sts: AwsClient): Promise<string> => {
  const { GetCallerIdentityCommand } = await import("@aws-sdk/client-sts");
  const identity = (await sts.send(new GetCallerIdentityCommand({}))) as { Account?: string };
  if (!identity.Account) throw new Error("STS GetCallerIdentity returned no account");
  return identity.Account;
};
