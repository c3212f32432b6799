import { TargetError } from "./target";

export interface WriteConfirmationOptions {
  /** --yes: the learner agreed up front (scripts, CI). */
  yes: boolean;
  confirm?: (whatWillBeCreated: string[]) => Promise<boolean>;
  account: () => Promise<string>;
}

/** Asks once per target, before the first write to a real account, listing what will be created. */
export class WriteConfirmation {
  private granted: boolean;
  private asking: Promise<void> | undefined;

  constructor(private readonly options: WriteConfirmationOptions) {
    this.granted = options.yes;
  }

  /** Resolves once the learner agreed (now or earlier); throws TargetError otherwise. */
  ensure(whatWillBeCreated: readonly string[]): Promise<void> {
    if (this.granted || whatWillBeCreated.length === 0) return Promise.resolve();
    // Calls made while the question is on screen wait for the same answer.
    this.asking ??= this.ask([...new Set(whatWillBeCreated)]).finally(() => (this.asking = undefined));
    return this.asking;
  }

  private async ask(list: string[]): Promise<void> {
    const account = await this.options.account();
    if (!this.options.confirm) {
      throw new TargetError(
        `s3-tutor is about to create resources in AWS account ${account} (${list.join("; ")}) and needs your go-ahead first.`,
        "Pass --yes to allow it (s3-tutor cleanup removes everything afterwards), or use --target sandbox, which needs no AWS account.",
      );
    }
    if (!(await this.options.confirm(list))) {
      throw new TargetError(
        `Nothing was created in AWS account ${account}: you chose not to go ahead.`,
        "Use --target sandbox to do the hands-on steps without an AWS account.",
      );
    }
    this.granted = true;
  }
}
