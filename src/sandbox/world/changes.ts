/**
 * What changed since persistence last looked, so a commit writes only that. Nothing is
 * recorded until tracking starts: an in-memory sandbox never starts it and pays nothing.
 */

/** The keys and multipart uploads of one bucket that changed. */
export class BucketChanges {
  private notify: (() => void) | undefined;
  private readonly keys = new Set<string>();
  private readonly uploads = new Set<string>();

  /** Starts recording; `notify` is called on every change (the world marks the bucket). */
  track(notify: () => void): void {
    this.notify = notify;
  }

  key(key: string): void {
    if (!this.notify) return;
    this.keys.add(key);
    this.notify();
  }

  upload(uploadId: string): void {
    if (!this.notify) return;
    this.uploads.add(uploadId);
    this.notify();
  }

  /** What changed since the last take, and forgets it. */
  take(): { keys: string[]; uploads: string[] } {
    const taken = { keys: [...this.keys], uploads: [...this.uploads] };
    this.keys.clear();
    this.uploads.clear();
    return taken;
  }
}

/** The buckets (by name) and accounts (by id) whose records may have changed. */
export class WorldChanges {
  private readonly buckets = new Set<string>();
  private readonly accounts = new Set<string>();
  private readonly listeners: Array<() => void> = [];

  bucket(name: string): void {
    this.buckets.add(name);
    for (const listener of this.listeners) listener();
  }

  account(id: string): void {
    this.accounts.add(id);
    for (const listener of this.listeners) listener();
  }

  /** Called after each mark: how changes made outside a request (replication) get committed. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  take(): { buckets: string[]; accounts: string[] } {
    const taken = { buckets: [...this.buckets], accounts: [...this.accounts] };
    this.buckets.clear();
    this.accounts.clear();
    return taken;
  }
}
