import type { Capability } from "../content/schema/lesson";
import { accountCache, ClientPool } from "./client-pool";
import { CleanupJournal } from "./journal";
import type { TargetOptions } from "./options";
import { explainPreflightFailure, noRegion } from "./preflight-errors";
import { RealAccountGuard } from "./real-account-guard";
import { EMULATOR_REGION, homeRegionNotice, otherRegionFor, resolveAwsRegion, US_EAST_1 } from "./regions";
import { callerAccount, createClient } from "./sdk-clients";
import { accountPrefixClaim } from "./prefix-claim";
import { chooseSessionPrefix } from "./session-prefix";
import { noticeToStderr } from "./target-state";
import { DEFAULT_IDENTITY, TargetError, type ServiceName, type Target } from "./target";
import { WriteConfirmation } from "./write-confirmation";

const onlyDefault = (identity: string): void => {
  if (identity !== DEFAULT_IDENTITY) {
    throw new TargetError(
      `The aws target acts only as you; it has no identity "${identity}".`,
      "Steps that need a second account run on the sandbox or LocalStack.",
    );
  }
};

/**
 * A real AWS account through the default credential chain (--profile, SSO, environment). With
 * `endpoint` it talks to that URL instead (tests point it at the sandbox) but keeps every
 * safety: the prefix guard, the journal and the confirmation.
 */
export const awsTarget = async (options: TargetOptions): Promise<Target> => {
  const notice = options.onNotice ?? noticeToStderr;
  // Journal entries record the endpoint; "http://host:1/" and "http://host:1" are the same one.
  const endpoint = options.endpoint?.replace(/\/+$/, "");
  const chosen = await chooseSessionPrefix("aws", options.prefix, notice);
  const configured = await resolveAwsRegion(options);
  // A profile or environment set to us-east-1 still gets lessons that work; an explicit --region us-east-1 is refused earlier.
  const region = configured === US_EAST_1 ? EMULATOR_REGION : configured;
  if (configured === US_EAST_1) notice(homeRegionNotice(configured, EMULATOR_REGION));
  const { fromNodeProviderChain } = await import("@aws-sdk/credential-providers");
  const credentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  const homeRegion = (): string => {
    if (!region) throw noRegion(options.profile);
    return region;
  };

  const clients = new ClientPool((service, identity, clientRegion, variant) => {
    onlyDefault(identity);
    return createClient(service, {
      region: clientRegion,
      credentials,
      ...(options.profile ? { profile: options.profile } : {}),
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      ...variant,
    });
  });
  const account = accountCache(async (identity) => {
    onlyDefault(identity);
    return callerAccount(await clients.get("sts", identity, homeRegion()));
  });
  const journal = CleanupJournal.forTarget("aws", notice);
  const guardClient = (service: ServiceName, clientRegion: string) => clients.get(service, DEFAULT_IDENTITY, clientRegion);
  const claim = accountPrefixClaim({ chosen, endpoint, journal, client: guardClient, account: () => account(DEFAULT_IDENTITY), region: homeRegion, notice });
  const guard = new RealAccountGuard({
    prefix: () => claim.prefix,
    endpoint,
    journal,
    account: () => account(DEFAULT_IDENTITY),
    client: guardClient,
    // Lessons may already have used the prefix in their names: too late to choose another.
    claimPrefix: () => claim.ensure(false),
    confirmation: new WriteConfirmation({ yes: options.yes ?? false, confirm: options.confirm, account: () => account(DEFAULT_IDENTITY) }),
    notice,
  });

  return {
    name: "aws",
    capabilities: new Set<Capability>(["replication", "regionRedirect", "reservedNames", "lifecycleRules", "policySimulation", "requesterPays", "blockPublicAccess"]),
    // Empty only when no region is set anywhere; pre-flight then says how to set one.
    region: region ?? "",
    otherRegion: otherRegionFor(region ?? ""),
    // Settled by preflight: a prefix s3-tutor chose may be replaced by a free one there.
    get prefix() {
      return claim.prefix;
    },
    endpoint,
    identities: [DEFAULT_IDENTITY],
    preflight: async () => {
      try {
        // Credentials first: a mistyped --profile explains a missing region too.
        await credentials();
        homeRegion();
        await account(DEFAULT_IDENTITY);
      } catch (error) {
        throw explainPreflightFailure(error, {
          target: "aws",
          url: endpoint ?? `https://sts.${region}.amazonaws.com`,
          custom: endpoint !== undefined,
          profile: options.profile,
          region,
        });
      }
      // Before the first write and before any lesson uses the prefix in a name; cleanup writes nothing new.
      if (!options.cleanupOnly) await claim.ensure(true);
    },
    account,
    client: (service, identity, clientRegion, variant) => clients.get(service, identity, clientRegion, variant),
    // Never keys: the learner's own shell already has their credentials.
    cliEnvironment: (): Record<string, string> => (options.profile ? { AWS_PROFILE: options.profile } : {}),
    confirmWrites: (calls) => guard.confirmWrites(calls),
    beforeCall: (call) => guard.beforeCall(call),
    afterCall: (call, outcome) => guard.afterCall(call, outcome),
    createdHere: () => guard.created,
    close: () => clients.destroyAll(),
  };
};
