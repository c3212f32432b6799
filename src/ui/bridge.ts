/**
 * How code outside React (the target's confirmation before a real-account write, its notices)
 * reaches the screen: the app plugs its handlers in when it mounts.
 */
export class UiBridge {
  private asker: ((whatWillBeCreated: string[]) => Promise<boolean>) | undefined;
  private notifier: ((message: string) => void) | undefined;
  private pending: string[] = [];

  connect(asker: (whatWillBeCreated: string[]) => Promise<boolean>, notifier: (message: string) => void): () => void {
    this.asker = asker;
    this.notifier = notifier;
    for (const message of this.pending.splice(0)) notifier(message);
    return () => {
      this.asker = undefined;
      this.notifier = undefined;
    };
  }

  /** For TargetOptions.confirm: no screen, no yes. */
  readonly confirm = (whatWillBeCreated: string[]): Promise<boolean> =>
    this.asker ? this.asker(whatWillBeCreated) : Promise.resolve(false);

  /** For TargetOptions.onNotice and stray warnings: shown on screen, never written over it. */
  readonly notify = (message: string): void => {
    if (this.notifier) this.notifier(message);
    else this.pending.push(message);
  };
}
