import { ClaimedPrefixes } from "./claimed-prefixes";
import type { CleanupJournal } from "./journal";
import type { NamedResource } from "./planned-resources";
import { accountBuckets, accountRoles } from "./resource-presence";
import { standingOf, type StandingContext } from "./resource-standing";
import { generatePrefix, rememberPrefix, type ChosenPrefix } from "./session-prefix";
import { describeFault } from "./sdk-faults";
import { TargetError, type AwsClient, type ServiceName } from "./target";

/** How many names a refusal lists before it says "and N more". */
const LISTED = 10;
/** How many generated prefixes are tried before giving up (each is 36^6 to one to be taken). */
const ATTEMPTS = 5;

/**
 * The account's buckets and roles whose names start with `prefix` and that are not provably
 * s3-tutor's (resource-standing.ts): "bucket acme-data", "role acme-replication".
 */
export const strangersUnderPrefix = async (prefix: string, context: StandingContext): Promise<string[]> => {
  let found: NamedResource[];
  try {
    const buckets = await accountBuckets(await context.client("s3", context.region), prefix);
    const roles = await accountRoles(await context.client("iam", context.region), prefix);
    found = [...buckets.map(({ name }) => ({ kind: "bucket" as const, name })), ...roles.map((name) => ({ kind: "role" as const, name }))];
  } catch (error) {
    throw new TargetError(
      `Could not check that nothing in AWS account ${context.account} already starts with the prefix "${prefix}" (${describeFault(error)}).`,
      "s3-tutor needs s3:ListAllMyBuckets and iam:ListRoles to make sure it never touches what it did not create.",
    );
  }
  const strangers: string[] = [];
  for (const resource of found) {
    const standing = await standingOf(resource, context);
    if (standing.state === "notOurs" || standing.state === "unknown") strangers.push(`${resource.kind} ${resource.name}`);
  }
  return strangers;
};

const listed = (names: string[]): string => {
  const shown = names.slice(0, LISTED);
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : (shown[0] ?? "");
};

export interface PrefixClaimOptions {
  chosen: ChosenPrefix;
  account: () => Promise<string>;
  /** Whether the prefix was already checked free in this account (claimed-prefixes.ts). */
  claimed: (prefix: string) => Promise<boolean>;
  /** Records that it was. */
  claim: (prefix: string) => Promise<void>;
  strangers: (prefix: string) => Promise<string[]>;
  generate: () => string;
  remember: (prefix: string) => Promise<void>;
  notice: (message: string) => void;
}

/**
 * Makes sure, before the first write, that the account holds nothing under the session prefix
 * that s3-tutor did not create: the guard lets lessons write only to names with the prefix, so
 * a prefix someone already uses would put their resources in reach. A prefix the learner gave
 * (--prefix) is refused with what was found; one s3-tutor chose is replaced by a free one, but
 * only before any lesson has used it (preflight). Each prefix is checked once per account.
 */
export class PrefixClaim {
  private current: string;
  private claim: Promise<void> | undefined;

  constructor(private readonly options: PrefixClaimOptions) {
    this.current = options.chosen.prefix;
  }

  get prefix(): string {
    return this.current;
  }

  ensure(mayChooseAnother: boolean): Promise<void> {
    this.claim ??= this.check(mayChooseAnother && this.options.chosen.source !== "given").catch((error: unknown) => {
      this.claim = undefined; // a later call asks again (a permission granted, a resource removed)
      throw error;
    });
    return this.claim;
  }

  private async check(mayChooseAnother: boolean): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (await this.options.claimed(this.current)) return;
      const strangers = await this.options.strangers(this.current);
      if (strangers.length === 0) {
        await this.options.claim(this.current);
        return;
      }
      if (!mayChooseAnother || attempt >= ATTEMPTS) throw await this.refusal(strangers);
      const next = this.options.generate();
      this.options.notice(`The prefix ${this.current} is already used in your account by ${listed(strangers)}, which s3-tutor did not create; using ${next} instead.`);
      this.current = next;
      await this.options.remember(next);
    }
  }

  private async refusal(strangers: string[]): Promise<TargetError> {
    return new TargetError(
      `The prefix "${this.current}" is already used in AWS account ${await this.options.account()}: ${listed(strangers)} ` +
        `${strangers.length === 1 ? "is" : "are"} not s3-tutor's (its cleanup journal does not list ${strangers.length === 1 ? "it" : "them"} as created by s3-tutor with its s3-tutor tag). ` +
        `s3-tutor never touches what it did not create, so it will not use this prefix; nothing was changed.`,
      `Pick a prefix nothing in the account starts with, e.g. --prefix ${this.options.generate()}, or leave out --prefix and s3-tutor chooses a free one.`,
    );
  }
}

export interface AccountPrefixClaimOptions {
  chosen: ChosenPrefix;
  endpoint: string | undefined;
  journal: CleanupJournal;
  client: (service: ServiceName, region: string) => Promise<AwsClient>;
  account: () => Promise<string>;
  /** The region to list from; throws (with the fix) when none is set. */
  region: () => string;
  notice: (message: string) => void;
}

/** The aws target's claim: checked against its account, remembered in its state folder. */
export const accountPrefixClaim = (options: AccountPrefixClaimOptions): PrefixClaim => {
  const claims = ClaimedPrefixes.forTarget("aws");
  const claimOf = async (prefix: string) => ({ prefix, account: await options.account(), ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
  return new PrefixClaim({
    chosen: options.chosen,
    account: options.account,
    claimed: async (prefix) => claims.has(await claimOf(prefix)),
    claim: async (prefix) => claims.add(await claimOf(prefix)),
    strangers: async (prefix) =>
      strangersUnderPrefix(prefix, { account: await options.account(), endpoint: options.endpoint, journal: options.journal, client: options.client, region: options.region() }),
    generate: generatePrefix,
    remember: (prefix) => rememberPrefix("aws", prefix),
    notice: options.notice,
  });
};
