import type { Capability } from "../content/schema/lesson";
import { loadSandbox } from "./sandbox-loader";
import { callerAccount, createClient } from "./sdk-clients";
import { DEFAULT_IDENTITY, OTHER_IDENTITY, type AwsClient, type ClientVariant, type ServiceName, type Target } from "./target";

/** The example accounts of the AWS documentation: the learner, and someone else. */
export const SANDBOX_ACCOUNTS: Record<string, string> = {
  [DEFAULT_IDENTITY]: "111122223333",
  [OTHER_IDENTITY]: "444455556666",
};

export interface SandboxTargetOptions {
  region?: string;
  otherRegion?: string;
  prefix?: string;
}

/**
 * The default target: the embedded sandbox, started in this process on first use. Each run
 * gets a fresh, empty sandbox, so nothing needs cleaning up afterwards.
 */
export const sandboxTarget = (options: SandboxTargetOptions = {}): Target => {
  let started: Promise<{ endpoint: string; close(): Promise<void> }> | undefined;
  const start = () => (started ??= loadSandbox().then(({ startSandbox }) => startSandbox()));
  const clients = new Map<string, Promise<AwsClient>>();

  const target: Target = {
    name: "sandbox",
    capabilities: new Set<Capability>(["secondAccount", "replication", "regionRedirect", "reservedNames", "lifecycleRules", "policySimulation"]),
    region: options.region ?? "eu-west-1",
    otherRegion: options.otherRegion ?? "us-west-2",
    prefix: options.prefix ?? "s3t",
    get endpoint() {
      return endpointSeen;
    },
    identities: [DEFAULT_IDENTITY, OTHER_IDENTITY],
    preflight: async () => {
      await callerAccount(await target.client("sts", DEFAULT_IDENTITY, target.region));
    },
    account: async (identity) => accountOf(identity),
    client: async (service: ServiceName, identity: string, region: string, variant: ClientVariant = {}) => {
      const key = `${service}/${identity}/${region}/${variant.followRegionRedirects ? "follow" : "plain"}`;
      let client = clients.get(key);
      if (!client) {
        client = start().then(({ endpoint }) => {
          endpointSeen = endpoint;
          return createClient(service, {
            region,
            endpoint,
            credentials: { accessKeyId: accountOf(identity), secretAccessKey: "test" },
            forcePathStyle: true,
            ...variant,
          });
        });
        clients.set(key, client);
      }
      return client;
    },
    cliEnvironment: (identity) => ({ AWS_ACCESS_KEY_ID: accountOf(identity), AWS_SECRET_ACCESS_KEY: "test" }),
    beforeCall: async () => undefined,
    afterCall: async () => undefined,
    close: async () => {
      for (const client of clients.values()) (await client).destroy();
      clients.clear();
      if (started) await (await started).close();
      started = undefined;
    },
  };
  let endpointSeen: string | undefined;
  return target;
};

const accountOf = (identity: string): string => {
  const account = SANDBOX_ACCOUNTS[identity];
  if (!account) throw new Error(`the sandbox has no identity "${identity}"; it has ${Object.keys(SANDBOX_ACCOUNTS).join(" and ")}`);
  return account;
};
