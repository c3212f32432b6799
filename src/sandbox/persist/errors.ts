/** Failures of a sandbox's data directory, typed so the CLI and targets can say what to do. */

/** Another live process serves this data directory (one process per directory). */
export class SandboxDataDirInUseError extends Error {
  readonly code = "SANDBOX_DATA_DIR_IN_USE";

  constructor(
    readonly dataDir: string,
    readonly pid: number,
    /** Where that process serves the sandbox; undefined while it is still starting. */
    readonly endpoint: string | undefined,
    readonly lockFile: string,
  ) {
    super(
      `The sandbox data in ${dataDir} is in use by process ${pid}${endpoint ? `, serving it at ${endpoint}` : " (still starting)"}.`,
    );
    this.name = "SandboxDataDirInUseError";
  }
}

/** The data directory holds something the sandbox cannot read back (damage beyond a torn last write). */
export class SandboxDataError extends Error {
  readonly code = "SANDBOX_DATA_UNREADABLE";

  constructor(
    readonly dataDir: string,
    message: string,
  ) {
    super(`The sandbox data in ${dataDir} cannot be read: ${message}`);
    this.name = "SandboxDataError";
  }
}
