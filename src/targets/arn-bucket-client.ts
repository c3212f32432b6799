import type { AwsClient } from "./target";

/**
 * The sandbox's S3 clients address buckets path-style (its endpoint is an address, not a domain),
 * and the SDK refuses an ARN as the bucket of a path-style client. A Multi-Region Access Point's ARN
 * goes to a second client, virtual-hosted, made on first use: the SDK then addresses the MRAP's
 * global host name and signs with SigV4A, as it would against AWS. The SigV4A signer, which
 * registers itself with the SDK when loaded, is loaded only then.
 */
export const withArnBucketClient = (plain: AwsClient, makeArnClient: () => Promise<AwsClient>): AwsClient => {
  let arnClient: Promise<AwsClient> | undefined;
  return {
    send: async (command: unknown) => {
      const bucket = (command as { input?: { Bucket?: unknown } }).input?.Bucket;
      if (typeof bucket !== "string" || !bucket.startsWith("arn:")) return plain.send(command);
      arnClient ??= import("@aws-sdk/signature-v4a").then(makeArnClient);
      return (await arnClient).send(command);
    },
    destroy: () => {
      plain.destroy();
      void arnClient?.then((client) => client.destroy(), () => undefined);
    },
  };
};
