import { removeBucket } from "./bucket-removal";
import type { CleanupJournal, JournalEntry } from "./journal";
import { createdResource, deletedResource, describeWrite, isMutating, resourcesChanged, type NamedResource } from "./planned-resources";
import { refuseOutsidePrefix } from "./prefix-guard";
import { tagCreated } from "./resource-tags";
import { resourceKey, standingOf, type Standing, type StandingContext } from "./resource-standing";
import { removeRole } from "./role-removal";
import { describeFault } from "./sdk-faults";
import { existsNotOurs, anotherAccounts, couldNotCheck, notOurs } from "./guard-refusals";
import { TargetError, type AwsClient, type CallOutcome, type PlannedCall, type ServiceName } from "./target";
import { WriteConfirmation } from "./write-confirmation";

export interface RealAccountGuardOptions {
  prefix: () => string;
  /** Recorded in journal entries when the target points somewhere other than AWS (tests). */
  endpoint: string | undefined;
  journal: CleanupJournal;
  account: () => Promise<string>;
  client: (service: ServiceName, region: string) => Promise<AwsClient>;
  confirmation: WriteConfirmation;
  /** Refuses (TargetError) when the account already holds resources under the prefix that are not s3-tutor's. */
  claimPrefix: () => Promise<void>;
  notice: (message: string) => void;
}

/** What beforeCall learned about a create, for afterCall. */
interface CreatePlan {
  resource: NamedResource;
  /** The resource did not exist: if the call succeeds, s3-tutor made it. */
  fresh: boolean;
  entry?: JournalEntry;
}

/**
 * The aws target's safety around every call: claim the prefix before the first write, refuse
 * writes outside the prefix, ask before the first write, journal every create before it is
 * sent, tag what was really created, undo a creation that was expected to fail but did not,
 * and let nothing change a bucket or role that is not s3-tutor's own (resource-standing.ts).
 */
export class RealAccountGuard {
  private readonly plans = new WeakMap<PlannedCall, CreatePlan>();
  /** Created (and tagged) by this process. */
  private readonly createdHere = new Set<string>();

  constructor(private readonly options: RealAccountGuardOptions) {}

  /** What this process created (resourceKey), for the target's createdHere(). */
  get created(): ReadonlySet<string> {
    return this.createdHere;
  }

  /**
   * Asks once, listing every write of the calls a lesson is about to make. Calls the guard will
   * refuse are left out here: they are refused, with the reason, when their turn comes.
   */
  async confirmWrites(calls: readonly PlannedCall[]): Promise<void> {
    const writes = calls.filter(isMutating);
    if (writes.length === 0) return;
    await this.options.claimPrefix();
    await this.options.confirmation.ensure(writes.filter((call) => this.wouldAllow(call)).map(describeWrite));
  }

  private wouldAllow(call: PlannedCall): boolean {
    try {
      refuseOutsidePrefix(call, this.options.prefix());
      return true;
    } catch {
      return false;
    }
  }

  async beforeCall(call: PlannedCall): Promise<void> {
    if (!isMutating(call)) return;
    refuseOutsidePrefix(call, this.options.prefix());
    await this.options.claimPrefix();
    await this.options.confirmation.ensure([describeWrite(call)]);
    const created = createdResource(call);
    if (created) {
      await this.beforeCreate(created, call);
      return;
    }
    for (const resource of resourcesChanged(call) ?? []) await this.refuseUnlessOurs(resource, call);
  }

  async afterCall(call: PlannedCall, outcome: CallOutcome): Promise<void> {
    if (!isMutating(call)) return;
    const plan = this.plans.get(call);
    this.plans.delete(call);
    if (plan?.fresh) await this.afterCreate(plan, call, outcome);
    const deleted = deletedResource(call);
    if (deleted && outcome.ok) {
      this.createdHere.delete(resourceKey(deleted));
      const entry = await this.options.journal.find({ ...deleted, account: await this.options.account(), endpoint: this.options.endpoint });
      if (entry) await this.options.journal.forget(entry);
    }
  }

  private inPrefix(resource: NamedResource): boolean {
    return resource.name.startsWith(this.options.prefix());
  }

  private async standing(resource: NamedResource, region: string): Promise<Standing> {
    const context: StandingContext = {
      account: await this.options.account(),
      endpoint: this.options.endpoint,
      journal: this.options.journal,
      client: this.options.client,
      region,
      createdHere: this.createdHere,
    };
    return standingOf(resource, context);
  }

  /**
   * Every create is journaled before it is sent, unless the resource is already s3-tutor's.
   * A create must not name something that exists in the account and is not s3-tutor's: in
   * us-east-1 CreateBucket on your own bucket answers 200 (and resets its ACL), and the tagging
   * or undoing that would follow would change or delete what s3-tutor did not make.
   */
  private async beforeCreate(resource: NamedResource, call: PlannedCall): Promise<void> {
    const standing = await this.standing(resource, call.region);
    if (standing.state === "ours") {
      this.plans.set(call, { resource, fresh: false });
      return;
    }
    if (standing.state === "notOurs") {
      const place = { account: await this.options.account(), why: standing.why, ...(standing.region ? { region: standing.region } : {}) };
      throw existsNotOurs(call, resource, place, this.inPrefix(resource) ? undefined : `Use a name starting with "${this.options.prefix()}", or --target sandbox.`);
    }
    if (standing.state === "unknown") throw couldNotCheck(call, resource, standing.why);
    // Absent, or another account's name (the create will fail): journaled all the same, before it is sent.
    const entry = await this.entryFor(resource, call.region, "creating");
    await this.options.journal.record(entry);
    this.plans.set(call, { resource, fresh: true, entry });
  }

  private async afterCreate(plan: CreatePlan, call: PlannedCall, outcome: CallOutcome): Promise<void> {
    const entry = plan.entry as JournalEntry;
    if (!outcome.ok) {
      const after = await this.standing(plan.resource, call.region).catch((error: unknown) => ({ state: "unknown" as const, why: describeFault(error) }));
      if (after.state === "absent" || after.state === "elsewhere") {
        await this.options.journal.forget(entry);
        return;
      }
      if (after.state === "unknown") {
        this.options.notice(`Could not check whether the failed ${call.service}:${call.operation} made ${plan.resource.kind} ${plan.resource.name} (${after.why}); it stays in the cleanup journal.`);
        return;
      }
      // In the account now, and absent before: this create made it, and its reply was lost.
    }
    const created: JournalEntry = { ...entry, state: "created", journaledAt: new Date().toISOString() };
    this.createdHere.add(resourceKey(plan.resource));
    // Tagged even when it is to be undone: should removing it fail, a later cleanup can still prove it is s3-tutor's.
    await this.tag(plan.resource, call);
    await this.options.journal.record(created);
    if (!this.inPrefix(plan.resource)) await this.undo(plan.resource, call, created);
  }

  /** Checks every bucket and role a non-create write names (replication destinations too). */
  private async refuseUnlessOurs(resource: NamedResource, call: PlannedCall): Promise<void> {
    if (this.createdHere.has(resourceKey(resource))) return;
    const standing = await this.standing(resource, call.region);
    // A write to something that is not there fails (NoSuchBucket, NoSuchEntity) and changes nothing.
    if (standing.state === "ours" || standing.state === "absent") return;
    if (standing.state === "elsewhere") throw anotherAccounts(call, resource);
    if (standing.state === "unknown") throw couldNotCheck(call, resource, standing.why);
    throw notOurs(call, resource, await this.options.account(), standing.why);
  }

  private async entryFor(resource: NamedResource, region: string, state: JournalEntry["state"]): Promise<JournalEntry> {
    return {
      kind: resource.kind,
      name: resource.name,
      account: await this.options.account(),
      ...(resource.kind === "bucket" ? { region } : {}),
      ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
      prefix: this.options.prefix(),
      journaledAt: new Date().toISOString(),
      state,
    };
  }

  /** A missing tag is worth a notice, not a failed step; without it, only this process will change or remove it. */
  private async tag(resource: NamedResource, call: PlannedCall): Promise<void> {
    try {
      const client = await this.options.client(resource.kind === "bucket" ? "s3" : "iam", call.region);
      await tagCreated(client, resource, call.input, this.options.prefix());
    } catch (error) {
      this.options.notice(
        `Could not tag ${resource.kind} ${resource.name} (${describeFault(error)}). This run's cleanup still removes it, but without the tag ` +
          `a later s3-tutor cleanup cannot prove s3-tutor made it and will leave it alone: delete it by hand if it is still there.`,
      );
    }
  }

  /** A create outside the prefix was expected to fail and did not: it is journaled; remove it. */
  private async undo(resource: NamedResource, call: PlannedCall, entry: JournalEntry): Promise<void> {
    const operation = `${call.service}:${call.operation}`;
    try {
      if (resource.kind === "bucket") await removeBucket(await this.options.client("s3", call.region), resource.name, entry.account);
      else await removeRole(await this.options.client("iam", call.region), resource.name);
    } catch (error) {
      throw new TargetError(
        `${operation} was expected to fail but created ${resource.kind} ${resource.name}, and removing it failed: ${describeFault(error)}.`,
        "It is in the cleanup journal: run s3-tutor cleanup --target aws to remove it.",
      );
    }
    this.createdHere.delete(resourceKey(resource));
    await this.options.journal.forget(entry);
    this.options.notice(`${operation} was expected to fail but created ${resource.kind} ${resource.name}; s3-tutor removed it again.`);
  }
}
