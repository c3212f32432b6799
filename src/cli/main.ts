import { Command, CommanderError, Option } from "commander";
import type { EnvCommandOptions } from "./commands/env";
import type { SandboxCommandOptions } from "./commands/sandbox";
import { SHELL_KINDS } from "./shell-env";
import { LEARNER_SANDBOX_PORT } from "../targets/sandbox-port";
import { parsePort, parseReplicationDelay } from "./parse";
import { collectRepeated, parseCount, parseSeed } from "./quiz-flags";
import { parseMinutes, parseTopicList } from "./interview-flags";
import type { QuizCommandOptions } from "./commands/quiz";
import type { InterviewCommandOptions } from "./commands/interview";
import type { CheckCommandOptions } from "./commands/check";
import type { WorldCommandOptions } from "./commands/world";
import type { ValidateCommandOptions } from "./commands/validate";
import { QUIZ_MODES } from "../engine/quiz-modes";
import type { TargetFlags } from "./target-flags";
import type { AppFlags } from "./commands/app";
import type { RoomCommandOptions } from "./commands/room";
import type { RoomReportOptions } from "./commands/room-report";
import type { RoomMergeOptions } from "./commands/room-merge";
import type { JoinCommandOptions } from "./join-session";
import type { ReportCommandOptions } from "./commands/report";
import { VERSION } from "./version";
import { beforeCommand, exitOnKnownFailure, openScreens, prepareProcess } from "./run-command";

prepareProcess();

const program = new Command()
  .name("s3-tutor")
  .description("Learn Amazon S3 in the terminal: lessons, quizzes and hands-on steps against a real S3 API.")
  .version(VERSION)
  .showHelpAfterError()
  // The root command (the app) and the subcommands share flags such as --target: options after a
  // subcommand's name are that subcommand's.
  .enablePositionalOptions();

/** The flags every command that talks to S3 shares. */
const withTargetOptions = (command: Command): Command =>
  command
    .addOption(
      new Option("-t, --target <target>", "where hands-on steps run").choices(["sandbox", "localstack", "aws"]).default("sandbox"),
    )
    .option("--endpoint <url>", "the emulator's URL (LocalStack: http://localhost:4566)")
    .option("--region <region>", "the region lessons use")
    .option("--profile <profile>", "the AWS profile to use (aws target)")
    .option("--prefix <prefix>", "the prefix of every resource the tutorial creates")
    .option("-y, --yes", "do not ask before creating resources in a real AWS account")
    .option("--replication-delay <delay>", REPLICATION_DELAY_FLAG_HELP, parseReplicationDelay);

const REPLICATION_DELAY_FLAG_HELP =
  'how long a sandbox this command starts waits before replicating: "0", "500ms", "2s" or a range such as "1s-3s" ' +
  "(default: $S3_TUTOR_REPLICATION_DELAY, else 1s-3s, so you can watch PENDING)";

const SEED_HELP = "shuffle questions and options the same way every time, e.g. so a whole workshop gets the same exam";

/**
 * `s3-tutor --target localstack run all` reads as `s3-tutor run all --target localstack`, and
 * `s3-tutor --seed 3 lesson x` as `s3-tutor lesson x --seed 3`: an option given before the
 * subcommand's name, which the subcommand has too, is the subcommand's unless it was given again after.
 */
const rootOptionsToSubcommand = (_root: Command, action: Command): void => {
  if (action === program) return;
  for (const option of program.options) {
    const name = option.attributeName();
    if (program.getOptionValueSource(name) !== "cli") continue;
    if (!action.options.some((own) => own.attributeName() === name)) continue;
    if (action.getOptionValueSource(name) === "cli") continue;
    action.setOptionValueWithSource(name, program.getOptionValue(name), "cli");
  }
};

// `s3-tutor` alone opens the screens.
withTargetOptions(program)
  .option("--seed <seed>", SEED_HELP, parseSeed)
  .action(async (flags: AppFlags) => {
    await openScreens(flags);
  });

withTargetOptions(program.command("lesson").description("open a lesson in the app").argument("<id>", "the lesson's id"))
  .option("--seed <seed>", SEED_HELP, parseSeed)
  .option("--step <step>", "open it at this step: its number among all the lesson's steps, or a hands-on step's id")
  .action(async (id: string, flags: AppFlags & { step?: string }) => {
    const { runAppCommand } = await import("./commands/app");
    process.exitCode = await runAppCommand(flags, id, undefined, flags.step);
  });

program
  .command("sandbox")
  .description("run the embedded S3/IAM/STS sandbox in the foreground (your own, kept between runs), for the AWS CLI or your own code")
  .option("-p, --port <port>", `port to listen on (0 picks a free one; default: the one your sandbox used before, else ${LEARNER_SANDBOX_PORT})`, parsePort)
  .option("-H, --host <host>", "address to listen on", "127.0.0.1")
  .option("--data-dir <dir>", "keep the sandbox's buckets, objects and roles in this folder instead of your own sandbox's")
  .option("--ephemeral", "a fresh sandbox: everything is gone when it stops")
  .option("--replication-delay <delay>", REPLICATION_DELAY_FLAG_HELP, parseReplicationDelay)
  // Read by the command itself: the parser is the sandbox's, which start-up does not load.
  .option(
    "--max-storage <size>",
    'the most object data the sandbox keeps, e.g. "50GiB" (default: $S3_TUTOR_SANDBOX_MAX_STORAGE, else 20GiB); uploads past it are refused',
  )
  .action(async (options: SandboxCommandOptions) => {
    const { runSandboxCommand } = await import("./commands/sandbox");
    await runSandboxCommand(options);
  });

program
  .command("env")
  .description("point your own shell's AWS CLI, boto3 and SDKs at the lessons' target and account: eval \"$(s3-tutor env)\"")
  .addOption(new Option("-t, --target <target>", "the target to point at").choices(["sandbox", "localstack", "aws"]).default("sandbox"))
  .option("--endpoint <url>", "the sandbox's or LocalStack's URL (default: your sandbox; LocalStack http://localhost:4566)")
  .option("--region <region>", "the region (default: the lessons' eu-west-1; aws: your configured one)")
  .option("--profile <profile>", "the AWS profile to use (aws target)")
  .addOption(new Option("--as <identity>", 'whom to act as: "default" (you) or "other" (the lessons\' second account)').default("default"))
  .option("--room [address]", "the sandbox of the workshop room you joined, as your own account (the address when you joined more than one)")
  .addOption(
    new Option("--shell <shell>", "the shell the lines are for").choices(SHELL_KINDS).default(process.platform === "win32" ? "powershell" : "sh"),
  )
  .action(async (options: EnvCommandOptions) => {
    const { runEnvCommand } = await import("./commands/env");
    process.exitCode = await runEnvCommand(options);
  });

program
  .command("validate")
  .description("check lessons, quizzes and workshops; every problem (exit 1) and warning is reported as file:line:col")
  .argument("[paths...]", "files or folders to check (default: the lessons, quizzes and workshops that ship)")
  .option("--strict", "exit 1 on warnings too (an answer given away by its length, true/false answers that lean one way, a workshop's blocks not adding up to its minutes)")
  .action(async (paths: string[], options: ValidateCommandOptions) => {
    const { runValidateCommand } = await import("./commands/validate");
    process.exitCode = await runValidateCommand(paths, options);
  });

withTargetOptions(
  program
    .command("run")
    .description("run a lesson's hands-on steps (or all lessons') headless: setup, solve and check each")
    .argument("<lesson>", 'a lesson id, "all", or the path of a lesson file')
    .option("--auto", "solve every step automatically (the only mode for now)")
    .option("--json", "print a JSON report instead of lines"),
).action(async (lesson: string, options) => {
  const { runRunCommand } = await import("./commands/run");
  process.exitCode = await runRunCommand(lesson, options);
});

withTargetOptions(
  program
    .command("setup")
    .description("bring the target to where a hands-on step starts (earlier steps' solutions, then its setup), to do it in your own shell")
    .argument("<lesson>", "the lesson's id")
    .argument("<step>", "the step's number among the lesson's hands-on steps, or its id"),
).action(async (lesson: string, step: string, flags: TargetFlags) => {
  const { runSetupCommand } = await import("./commands/setup");
  process.exitCode = await runSetupCommand(lesson, step, flags);
});

withTargetOptions(
  program
    .command("check")
    .description("check a hands-on step against what is really there: a ✓/✗ checklist, exit 0 when it passes")
    .argument("<lesson>", "the lesson's id")
    .argument("<step>", "the step's number among the lesson's hands-on steps, or its id")
    .option("--answer <id=value>", "what you observed, for a step that asks (repeat for several questions)", collectRepeated)
    .option("--json", "print the result as JSON"),
).action(async (lesson: string, step: string, options: CheckCommandOptions) => {
  const { runCheckCommand } = await import("./commands/check");
  process.exitCode = await runCheckCommand(lesson, step, options);
});

withTargetOptions(
  program
    .command("world")
    .description("the target's S3 world: Regions, buckets with their owners, versioning and objects, replication and MRAPs")
    .option("--watch", "redraw it every second until q or ctrl+c"),
).action(async (options: WorldCommandOptions) => {
  const { runWorldCommand } = await import("./commands/world");
  process.exitCode = await runWorldCommand(options);
});

program
  .command("quiz")
  .description("drill the quiz questions: practice, a timed exam, spaced review, or your mistakes")
  .argument("[topics...]", "quiz topics to ask (default: every topic)")
  .addOption(new Option("-m, --mode <mode>", "practice, exam, review (spaced repetition) or mistakes").choices(QUIZ_MODES).default("practice"))
  .option("-n, --count <count>", "how many questions (default: 20 for exam and review, all for practice and mistakes)", parseCount)
  .option("--tag <tag>", "only questions with this tag (repeat for several)", collectRepeated)
  .option("--plain", "numbered questions and answers line by line on stdin/stdout: for screen readers, pipes and terminals without the app")
  .option("--json", "print the results as JSON on stdout for scripts (implies --plain; the questions go to stderr)")
  .option("--seed <seed>", SEED_HELP, parseSeed)
  .action(async (topics: string[], options: QuizCommandOptions) => {
    const { runQuizCommand } = await import("./commands/quiz");
    process.exitCode = await runQuizCommand(topics, options);
  });

program
  .command("interview")
  .description("a mock interview: questions as interviewers ask them, the rubric to tick, the model answer, the follow-ups your misses lead to")
  .option("--minutes <minutes>", "how long the interview runs, 20 by default (from 20 on it ends on a design prompt)", parseMinutes)
  .option("--topics <topics>", "only these topics, apart by commas, e.g. regions,security", parseTopicList)
  .option("--plain", "the interview line by line on stdin/stdout: for screen readers, pipes and terminals without the app")
  .option("--json", "print the report as JSON on stdout for scripts (implies --plain; the questions go to stderr)")
  .option("--seed <seed>", SEED_HELP, parseSeed)
  .action(async (options: InterviewCommandOptions) => {
    const { runInterviewCommand } = await import("./commands/interview");
    process.exitCode = await runInterviewCommand(options);
  });

withTargetOptions(
  program.command("cleanup").description("remove everything the tutorial created on a target, as its cleanup journal lists"),
).action(async (options) => {
  const { runCleanupCommand } = await import("./commands/cleanup");
  process.exitCode = await runCleanupCommand(options);
});

const room = program
  .command("room")
  .description("run a workshop's room for a class: the room sandbox, the participants' progress and the instructor's console");

room
  .command("start", { isDefault: true })
  .description("start (or carry on) the room of a workshop: s3-tutor room <workshop>")
  .argument("<workshop>", "a workshop's id (global-regional-crr, interview-bootcamp) or the path of a workshop file")
  .option("-H, --host <address>", "the address to listen on: 0.0.0.0 (or this laptop's LAN address) lets other laptops join", "127.0.0.1")
  .option("-p, --port <port>", "the port (0 picks a free one)", parsePort)
  .option("--data-dir <dir>", "keep the room in this folder instead of s3-tutor's own (one per workshop)")
  .option("--join-limit <count>", "joins a minute allowed from one address (default 20; raise it when a whole room shares one address)", parseCount)
  .option("--max-participants <count>", "how many may join (default: the workshop's maxParticipants, else 200)", parseCount)
  .action(async (workshop: string, options: RoomCommandOptions) => {
    const { runRoomCommand } = await import("./commands/room");
    process.exitCode = await runRoomCommand(workshop, options);
  });

room
  .command("report")
  .description("the room's report: per participant, per check and per question (also while the room runs)")
  .argument("[workshop]", "the workshop whose room to report on (default: the room written last)")
  .addOption(new Option("-f, --format <format>", "json, csv or html (one self-contained file with charts)").choices(["json", "csv", "html"]).default("json"))
  .addOption(new Option("--table <table>", "which CSV table").choices(["participants", "checks", "questions"]).default("participants"))
  .option("-o, --out <file>", "write the report to this file instead of stdout")
  .option("--data-dir <dir>", "the room's folder, if it was started with --data-dir")
  .action(async (workshop: string | undefined, options: RoomReportOptions) => {
    const { runRoomReportCommand } = await import("./commands/room-report");
    process.exitCode = await runRoomReportCommand(workshop, options);
  });

room
  .command("merge")
  .description("merge participants' offline reports (s3-tutor report --out me.json) into the room; duplicates are ignored")
  .argument("<files...>", "the participants' report files")
  .option("--workshop <workshop>", "the workshop (default: the one the reports name)")
  .option("--data-dir <dir>", "the room's folder, if it was started with --data-dir")
  .action(async (files: string[], options: RoomMergeOptions) => {
    const { runRoomMergeCommand } = await import("./commands/room-merge");
    process.exitCode = await runRoomMergeCommand(files, options);
  });

program
  .command("join")
  .description("join an instructor's workshop room: the app opens on the workshop's agenda and the room sees your progress")
  .argument("<address>", "the room's address, as the instructor printed it (e.g. 192.168.1.20:7420)")
  .requiredOption("--code <code>", "the join code the instructor shows")
  .option("--name <name>", "how the instructor sees you (default: your previous name in this room, else your user name)")
  .option("--table <table>", "your table, when the room seats people at tables")
  .option("--check", "the pre-flight: check this laptop and the room (✓/✗), exit 0 when all pass")
  .action(async (address: string, options: JoinCommandOptions) => {
    const { runJoinCommand } = await import("./commands/join");
    process.exitCode = await runJoinCommand(address, options);
  });

program
  .command("report")
  .description("write everything you did in a workshop room to a file, for the instructor when the room could not hear you")
  .requiredOption("--out <file>", "the file to write, e.g. me.json")
  .option("--room <address>", "which room, when you joined more than one")
  .action(async (options: ReportCommandOptions) => {
    const { runReportCommand } = await import("./commands/report");
    process.exitCode = await runReportCommand(options);
  });

const main = async () => {
  program.exitOverride();
  program.hook("preAction", rootOptionsToSubcommand);
  program.hook("preAction", beforeCommand);
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    exitOnKnownFailure(error);
  }
};

await main();
