import type { Action } from "../content/schema/lesson";
import { DEFAULT_IDENTITY, type Target } from "../targets/target";
import { parseCall } from "./call-name";
import type { CallView } from "./call-view";
import { cliForPasting, cliScript } from "./cli-code";
import { identityEnvironment } from "./identity-environment";
import { sdkProgram } from "./sdk-snippet";

/**
 * Actions as code the learner can run themselves: a TypeScript SDK program and AWS CLI
 * commands, aimed at the target (endpoint, region, identity). Pass actions after templating
 * (renderAction), and read them after the target has started, so the sandbox's endpoint is known.
 */

const callView = (action: Action, target: Target, stepIdentity?: string): CallView => {
  const { service, operation } = parseCall(action.call);
  const identity = action.as ?? stepIdentity ?? DEFAULT_IDENTITY;
  return {
    service,
    operation,
    input: action.input,
    region: action.region ?? target.region,
    endpoint: target.endpoint,
    environment: identityEnvironment(target, identity),
    identity,
    ...(action.label ? { label: action.label } : {}),
    ...(action.followRegionRedirects ? { followRegionRedirects: true } : {}),
    ...(action.expectError ? { expectedError: action.expectError } : {}),
    ...(action.save ? { save: action.save } : {}),
  };
};

/** A step's solution as code laid out for `width` columns, and as a script to save. */
export interface StepCode {
  /** One TypeScript program for all the calls. */
  typescript: string;
  /** The AWS CLI commands to paste, each naming its identity's keys. */
  cli: string;
  /** The same commands as a runnable POSIX script: `#!/bin/sh`, `set -e`, the identity's environment. */
  cliScript: string;
}

export interface StepCodeOptions {
  /** Columns to lay the code out for; Infinity puts each command on one line. */
  width: number;
  stepIdentity?: string | undefined;
  /** Comment lines at the top of the script (what it is, where it runs). */
  about?: readonly string[];
}

export const stepCode = (actions: readonly Action[], target: Target, { width, stepIdentity, about = [] }: StepCodeOptions): StepCode => {
  const calls = actions.map((action) => callView(action, target, stepIdentity));
  return { typescript: sdkProgram(calls, width), cli: cliForPasting(calls, width), cliScript: cliScript(calls, width, about) };
};
