import type { Capability } from "../content/schema/lesson";
import { accountCache, ClientPool } from "./client-pool";
import type { TargetOptions } from "./options";
import { explainPreflightFailure } from "./preflight-errors";
import { EMULATOR_REGION, otherRegionFor } from "./regions";
import { callerAccount, createClient } from "./sdk-clients";
import { sessionPrefix } from "./session-prefix";
import { noticeToStderr } from "./target-state";
import { DEFAULT_IDENTITY, OTHER_IDENTITY, TargetError, type Target } from "./target";

export const LOCALSTACK_ENDPOINT = "http://localhost:4566";

/** LocalStack maps a 12-digit access key id to that account; "test" is 000000000000. */
const ACCESS_KEYS: Record<string, string> = { [DEFAULT_IDENTITY]: "test", [OTHER_IDENTITY]: "444455556666" };
const SECRET = "test";

const accessKeyOf = (identity: string): string => {
  const key = ACCESS_KEYS[identity];
  if (!key) throw new TargetError(`LocalStack has no identity "${identity}".`, `Use "${DEFAULT_IDENTITY}" or "${OTHER_IDENTITY}".`);
  return key;
};

/** What an identity signs LocalStack's requests with (its well-known test keys; `s3-tutor env` prints them). */
export const localstackCredentials = (identity: string) => ({ accessKeyId: accessKeyOf(identity), secretAccessKey: SECRET });

/** LocalStack (or another emulator speaking its conventions), path-style with test credentials. */
export const localstackTarget = async (options: TargetOptions): Promise<Target> => {
  const endpoint = options.endpoint ?? LOCALSTACK_ENDPOINT;
  const region = options.region ?? EMULATOR_REGION;
  const prefix = await sessionPrefix("localstack", options.prefix, options.onNotice ?? noticeToStderr);
  const clients = new ClientPool((service, identity, clientRegion, variant) =>
    createClient(service, {
      region: clientRegion,
      endpoint,
      credentials: localstackCredentials(identity),
      forcePathStyle: true,
      ...variant,
    }),
  );
  const account = accountCache(async (identity) => callerAccount(await clients.get("sts", identity, region)));

  return {
    name: "localstack",
    capabilities: new Set<Capability>(["secondAccount"]),
    region,
    otherRegion: otherRegionFor(region),
    prefix,
    endpoint,
    identities: [DEFAULT_IDENTITY, OTHER_IDENTITY],
    preflight: async () => {
      try {
        await account(DEFAULT_IDENTITY);
      } catch (error) {
        throw explainPreflightFailure(error, { target: "localstack", url: endpoint, custom: true, region });
      }
    },
    account,
    client: (service, identity, clientRegion, variant) => clients.get(service, identity, clientRegion, variant),
    cliEnvironment: (identity) => ({ AWS_ACCESS_KEY_ID: accessKeyOf(identity), AWS_SECRET_ACCESS_KEY: SECRET }),
    beforeCall: async () => undefined,
    afterCall: async () => undefined,
    close: () => clients.destroyAll(),
  };
};
