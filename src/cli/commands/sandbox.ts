import { loadSandbox } from "../../targets/sandbox-loader";
import { UserError } from "../errors";
import { exposedWarning, isLoopback, replicationLine, requestLine, sandboxBanner } from "../sandbox-banner";

export interface SandboxCommandOptions {
  port: number;
  host: string;
  replicationDelay?: number | [number, number];
}

export const DEFAULT_SANDBOX_PORT = 4567;

/** `s3-tutor sandbox`: runs the sandbox in the foreground until Ctrl-C or SIGTERM. */
export const runSandboxCommand = async (options: SandboxCommandOptions): Promise<void> => {
  const { startSandbox } = await loadSandbox();
  const sandbox = await startSandbox({
    port: options.port,
    host: options.host,
    onRequest: (entry) => process.stdout.write(`${requestLine(entry)}\n`),
    onReplication: (event) => process.stdout.write(`${replicationLine(event)}\n`),
    ...(options.replicationDelay !== undefined ? { replicationDelay: options.replicationDelay } : {}),
    onInternalError: (error, entry) =>
      process.stderr.write(`Sandbox bug while serving ${entry.operation}: ${error instanceof Error ? error.stack : String(error)}\n`),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") {
      throw new UserError(
        `Port ${options.port} on ${options.host} is already in use (perhaps by another sandbox or LocalStack). ` +
          "Pass --port 0 to pick a free port, or --port N for another one.",
      );
    }
    if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") {
      throw new UserError(`Cannot listen on ${options.host}: no such address on this machine. Leave out --host to use 127.0.0.1.`);
    }
    if (error.code === "EACCES") {
      throw new UserError(`Not allowed to listen on port ${options.port}. Choose a port above 1024, or --port 0.`);
    }
    throw error;
  });

  const stopped = new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(130); // a second Ctrl-C does not wait
      stopping = true;
      process.stdout.write("\nStopping the sandbox...\n");
      void sandbox.close().then(() => {
        process.stdout.write("Sandbox stopped.\n");
        resolve();
      });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });

  // Printed once the signal handlers are in place, so whoever reads the banner can stop us.
  if (!isLoopback(options.host)) process.stderr.write(`${exposedWarning(options.host)}\n\n`);
  process.stdout.write(sandboxBanner(sandbox.endpoint));
  await stopped;
};
