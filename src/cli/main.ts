import { Command, CommanderError } from "commander";
import { DEFAULT_SANDBOX_PORT } from "./commands/sandbox";
import { UserError } from "./errors";
import { parsePort } from "./parse";
import { VERSION } from "./version";

const program = new Command()
  .name("s3-tutor")
  .description("Learn Amazon S3 in the terminal: lessons, quizzes and hands-on steps against a real S3 API.")
  .version(VERSION)
  .showHelpAfterError()
  .action(() => {
    process.stdout.write(
      "The tutorial screens are not here yet. For now s3-tutor runs the embedded S3 sandbox:\n" +
        "  s3-tutor sandbox        start it, then point the AWS CLI or an SDK at it\n\n",
    );
    program.outputHelp();
  });

program
  .command("sandbox")
  .description("run the embedded S3/IAM/STS sandbox in the foreground, for the AWS CLI or your own code")
  .option("-p, --port <port>", "port to listen on (0 picks a free one)", parsePort, DEFAULT_SANDBOX_PORT)
  .option("-H, --host <host>", "address to listen on", "127.0.0.1")
  .action(async (options: { port: number; host: string }) => {
    const { runSandboxCommand } = await import("./commands/sandbox");
    await runSandboxCommand(options);
  });

const main = async () => {
  program.exitOverride();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    if (error instanceof UserError) {
      process.stderr.write(`s3-tutor: ${error.message}\n`);
      process.exit(error.exitCode);
    }
    throw error;
  }
};

await main();
