import { commentText, expectedFailure } from "./call-view";
import { cliCommandUnits, environmentUnits, shellQuote, type CliCall } from "./cli-command";
import { layoutCommand, type Unit } from "./shell-layout";

/**
 * A step's calls as AWS CLI code, laid out for `width` columns with line continuations: the
 * commands to paste into a terminal, and the same commands as a script to save and run.
 */

const comments = (call: CliCall, alone: boolean): string[] => [
  ...(call.label && !alone ? [`# ${commentText(call.label)}`] : []),
  ...(call.expectedError ? [`# ${expectedFailure(call.expectedError)}`] : []),
];

/**
 * The commands to paste, a blank line between calls. Each aws command names the identity's
 * keys on its own line, so pasting it leaves the learner's shell as it was.
 */
export const cliForPasting = (calls: readonly CliCall[], width: number): string =>
  calls
    .map((call) => {
      const { before, command, environment } = cliCommandUnits(call);
      return [
        ...comments(call, calls.length === 1),
        ...before.flatMap((units) => layoutCommand(units, width)),
        ...layoutCommand([...environmentUnits(environment), ...command], width),
      ].join("\n");
    })
    .join("\n\n");

/** `export`/`unset` lines that turn the environment `from` into `to`. */
const environmentChange = (from: Record<string, string>, to: Record<string, string>): string[] => {
  const gone = Object.keys(from).filter((name) => !(name in to));
  return [
    ...(gone.length > 0 ? [`unset ${gone.join(" ")}`] : []),
    ...Object.entries(to)
      .filter(([name, value]) => from[name] !== value)
      .map(([name, value]) => `export ${name}=${shellQuote(value)}`),
  ];
};

/**
 * The calls as a POSIX shell script: it stops at the first unexpected failure (`set -e`), goes
 * on past a failure the step expects, and sets each identity's environment on lines of its own.
 * `about` becomes comments at the top.
 */
export const cliScript = (calls: readonly CliCall[], width: number, about: readonly string[]): string => {
  // The AWS CLI v2 pages its output through `less`; a script must not stop and wait.
  const lines = ["#!/bin/sh", ...about.map((line) => `# ${commentText(line)}`), "set -e", "export AWS_PAGER="];
  let environment: Record<string, string> = {};
  for (const call of calls) {
    const { before, command, environment: wanted } = cliCommandUnits(call);
    const tolerate: Unit[] = call.expectedError ? [["||", "true"]] : [];
    lines.push(
      "",
      ...environmentChange(environment, wanted),
      ...comments(call, calls.length === 1),
      ...before.flatMap((units) => layoutCommand(units, width)),
      ...layoutCommand([...command, ...tolerate], width),
    );
    environment = wanted;
  }
  return `${lines.join("\n")}\n`;
};
