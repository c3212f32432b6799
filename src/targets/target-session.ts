import type { TargetOptions } from "./options";
import { DEFAULT_IDENTITY, TargetError, type Target } from "./target";

/**
 * The app's target over time: created on first use (so the SDK and the sandbox load only when
 * a step needs them), proven with a pre-flight, replaced when the learner picks another one.
 * Listeners hear every change of status, for the status bar.
 */

export type TargetStatus =
  | { state: "idle" }
  | { state: "starting" }
  | { state: "ready"; account: string }
  | { state: "failed"; message: string; fix: string };

/** The targets' code (the sandbox's, the SDK clients') loads with the first step that needs one, not with the app. */
const createTargetWhenNeeded = async (options: TargetOptions): Promise<Target> => (await import("./create-target")).createTarget(options);

export class TargetSession {
  private target: Promise<Target> | undefined;
  private listeners = new Set<() => void>();
  private current: TargetStatus = { state: "idle" };

  constructor(
    private options: TargetOptions,
    private readonly create: (options: TargetOptions) => Promise<Target> = createTargetWhenNeeded,
  ) {}

  get status(): TargetStatus {
    return this.current;
  }

  get settings(): TargetOptions {
    return this.options;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The target, ready to use; throws TargetError (also kept as the status) if it is not. */
  ready(): Promise<Target> {
    this.target ??= this.start();
    return this.target;
  }

  /** Whether the target was ever started (so quitting knows if there is anything to close or clean). */
  get started(): boolean {
    return this.target !== undefined;
  }

  /** Picks another target; the old one is closed. Nothing starts until it is needed. */
  async switchTo(options: TargetOptions): Promise<void> {
    const previous = this.target;
    this.target = undefined;
    this.options = options;
    this.setStatus({ state: "idle" });
    await previous?.then((target) => target.close()).catch(() => undefined);
  }

  async close(): Promise<void> {
    const previous = this.target;
    this.target = undefined;
    await previous?.then((target) => target.close()).catch(() => undefined);
  }

  private async start(): Promise<Target> {
    this.setStatus({ state: "starting" });
    let target: Target | undefined;
    try {
      target = await this.create(this.options);
      await target.preflight();
      this.setStatus({ state: "ready", account: await target.account(DEFAULT_IDENTITY) });
      return target;
    } catch (error) {
      await target?.close().catch(() => undefined);
      this.target = undefined;
      const failure =
        error instanceof TargetError ? error : new TargetError(error instanceof Error ? error.message : String(error), "");
      this.setStatus({ state: "failed", message: failure.message, fix: failure.fix });
      throw failure;
    }
  }

  private setStatus(status: TargetStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener();
  }
}
