/**
 * Runs the data directory's writes one at a time, in order. Commits are grouped: a request
 * that asks for a commit while one is being written waits for the next, which then covers
 * every request that asked in the meantime (one sync for all of them).
 */
export class CommitQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private next: Promise<void> | undefined;

  /** Runs `task` after everything queued before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** A commit that starts after this call: joins one queued but not yet started, or queues one. */
  commit(write: () => Promise<void>): Promise<void> {
    this.next ??= this.run(async () => {
      this.next = undefined;
      await write();
    });
    return this.next;
  }
}
