import { CAPABILITIES, type Capability } from "../content/capabilities";
import type { ReplicationDelay, Sandbox } from "../sandbox/index";
import { sandboxDelays } from "./sandbox-delays";
import { openLearnerSandbox } from "./learner-sandbox";
import { sandboxNotAt } from "./preflight-errors";
import { loadSandbox } from "./sandbox-loader";
import { withArnBucketClient } from "./arn-bucket-client";
import { dialSandbox } from "./sandbox-dialing";
import { callerAccount, createClient } from "./sdk-clients";
import { DEFAULT_IDENTITY, OTHER_IDENTITY, type AwsClient, type ClientVariant, type ServiceName, type Target } from "./target";
import { snapshotFromSandbox } from "./world/read-world-sandbox";

/** The example accounts of the AWS documentation: the learner, and someone else. */
export const SANDBOX_ACCOUNTS: Record<string, string> = {
  [DEFAULT_IDENTITY]: "111122223333",
  [OTHER_IDENTITY]: "444455556666",
};

/**
 * How often steps that wait poll a sandbox: often enough that a run is not spent sleeping past a
 * replication that already happened. A workshop room's sandbox, shared by a class, keeps the lessons' pacing.
 */
export const SANDBOX_POLL_EVERY_MS = 200;

/** Which sandbox the target talks to. */
export type SandboxSource =
  /** A fresh, empty sandbox in memory, on a free port, gone when the target closes (run --auto, tests). */
  | { kind: "ephemeral" }
  /** The learner's sandbox: kept on disk, on its stable port; started here unless another process serves it. */
  | { kind: "learner"; endpoint: string; onNotice?: (message: string) => void }
  /** A sandbox already running at this URL (s3-tutor sandbox elsewhere); nothing starts here. */
  | { kind: "external"; endpoint: string };

/** An identity's own credentials and account (a workshop room gives each participant theirs). */
export interface SandboxIdentity {
  account: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SandboxTargetOptions {
  region?: string;
  otherRegion?: string;
  prefix?: string;
  /** Default: ephemeral. */
  source?: SandboxSource;
  /**
   * How long a sandbox started here (a fresh one, or the learner's when no other process serves
   * it) waits before replicating, and its MRAP operations take (see sandbox-delays.ts); default the sandbox's own.
   */
  replicationDelay?: ReplicationDelay;
  /**
   * Each identity's credentials and account, instead of the documentation's accounts signed with
   * "test": a workshop room's sandbox, where every participant is their own account. With them, the
   * pre-flight does not probe the endpoint (the room client asked the room who it is).
   */
  identities?: Record<string, SandboxIdentity>;
}

/** A sandbox reached: its endpoint, and itself when it runs in this process (its memory can be read). */
interface Connected {
  endpoint: string;
  sandbox?: Pick<Sandbox, "view" | "mrapView">;
  close(): Promise<void>;
}

const connect = async (source: SandboxSource, replicationDelay?: ReplicationDelay): Promise<Connected> => {
  // Given: replication and MRAP operations follow it (sandbox-delays.ts); else the sandbox's own.
  const delays = replicationDelay === undefined ? {} : sandboxDelays(replicationDelay);
  switch (source.kind) {
    case "ephemeral": {
      const sandbox = await (await loadSandbox()).startSandbox(delays);
      return { endpoint: sandbox.endpoint, sandbox, close: () => sandbox.close() };
    }
    case "learner":
      return openLearnerSandbox({
        ...(source.onNotice ? { onNotice: source.onNotice } : {}),
        ...(replicationDelay !== undefined ? { sandbox: delays } : {}),
      });
    case "external":
      return { endpoint: source.endpoint, close: async () => undefined };
  }
};

/**
 * The default target: the embedded sandbox. Started on first use: a fresh one per run, the
 * learner's own kept one, or one running elsewhere (see SandboxSource).
 */
export const sandboxTarget = (options: SandboxTargetOptions = {}): Target => {
  const source = options.source ?? { kind: "ephemeral" };
  let started: Promise<Connected> | undefined;
  const start = () => {
    started ??= connect(source, options.replicationDelay);
    // A start that failed is tried again next time (the learner may have fixed the cause).
    started.catch(() => (started = undefined));
    return started;
  };
  const clients = new Map<string, Promise<AwsClient>>();

  const target: Target = {
    name: "sandbox",
    // The sandbox models every capability lessons may need.
    capabilities: new Set<Capability>(CAPABILITIES),
    region: options.region ?? "eu-west-1",
    otherRegion: options.otherRegion ?? "us-west-2",
    prefix: options.prefix ?? "s3t",
    // Known before the sandbox starts, except for a fresh one (its port is picked when it starts).
    get endpoint() {
      return endpointSeen ?? (source.kind === "ephemeral" ? undefined : source.endpoint);
    },
    identities: [DEFAULT_IDENTITY, OTHER_IDENTITY],
    ...(options.identities ? {} : { pollEveryMs: SANDBOX_POLL_EVERY_MS }),
    preflight: async () => {
      if (source.kind === "external" && !options.identities) {
        const { probeSandbox } = await loadSandbox();
        const probe = await probeSandbox(source.endpoint);
        if (probe.kind !== "sandbox") throw sandboxNotAt(source.endpoint, probe);
      }
      await callerAccount(await target.client("sts", DEFAULT_IDENTITY, target.region));
    },
    account: async (identity) => identityOf(identity, options.identities).account,
    client: async (service: ServiceName, identity: string, region: string, variant: ClientVariant = {}) => {
      const key = `${service}/${identity}/${region}/${variant.followRegionRedirects ? "follow" : "plain"}`;
      let client = clients.get(key);
      if (!client) {
        client = start().then(({ endpoint }) => {
          endpointSeen = endpoint;
          const make = (forcePathStyle: boolean) =>
            createClient(service, {
              region,
              // S3 Control's requests go to <account>.s3-control.<region>.amazonaws.com as the SDK
              // builds it (a custom endpoint would be prefixed with the account); dialSandbox
              // sends them, and MRAP requests, to the sandbox all the same.
              ...(service === "s3control" ? {} : { endpoint }),
              credentials: credentialsOf(identity, options.identities),
              forcePathStyle,
              ...variant,
            }).then((made) => {
              dialSandbox(made, endpoint);
              return made;
            });
          return service === "s3" ? make(true).then((plain) => withArnBucketClient(plain, () => make(false))) : make(true);
        });
        clients.set(key, client);
        client.catch(() => clients.delete(key));
      }
      return client;
    },
    cliEnvironment: (identity) => {
      const { accessKeyId, secretAccessKey } = credentialsOf(identity, options.identities);
      return { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey };
    },
    beforeCall: async () => undefined,
    afterCall: async () => undefined,
    // Served by another process (or --endpoint): undefined, and readWorld reads through the API.
    world: async (readOptions) => {
      const { sandbox } = await start();
      if (!sandbox) return undefined;
      const context = { you: await target.account(DEFAULT_IDENTITY), region: target.region, otherRegion: target.otherRegion };
      return snapshotFromSandbox({ buckets: sandbox.view(), mraps: sandbox.mrapView() }, context, readOptions);
    },
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

/** What an identity signs the sandbox's requests with: its account as the access key id, and "test". */
export const sandboxCredentials = (identity: string) => ({ accessKeyId: accountOf(identity), secretAccessKey: "test" });

/** The identity as the options give it, else the documentation's account signed with "test". */
const identityOf = (identity: string, identities: Record<string, SandboxIdentity> | undefined): SandboxIdentity => {
  if (!identities) return { account: accountOf(identity), ...sandboxCredentials(identity) };
  const given = identities[identity];
  if (!given) throw new Error(`the sandbox has no identity "${identity}"; it has ${Object.keys(identities).join(" and ")}`);
  return given;
};

const credentialsOf = (identity: string, identities: Record<string, SandboxIdentity> | undefined) => {
  const { accessKeyId, secretAccessKey } = identityOf(identity, identities);
  return { accessKeyId, secretAccessKey };
};

const accountOf = (identity: string): string => {
  const account = SANDBOX_ACCOUNTS[identity];
  if (!account) throw new Error(`the sandbox has no identity "${identity}"; it has ${Object.keys(SANDBOX_ACCOUNTS).join(" and ")}`);
  return account;
};
