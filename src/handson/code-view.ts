import type { Action } from "../content/schema/lesson";
import { DEFAULT_IDENTITY, type Target } from "../targets/target";
import { parseCall } from "./call-name";
import { cliCommand } from "./cli-command";
import { identityEnvironment } from "./identity-environment";
import { sdkSnippet } from "./sdk-snippet";

/**
 * An action as code the learner can run themselves: a TypeScript SDK snippet and the AWS CLI
 * command, both aimed at the target (endpoint, region, identity). Pass the action after
 * templating (renderAction), and read it after the target has started, so the sandbox's
 * endpoint is known.
 */

export interface CodeView {
  typescript: string;
  cli: string;
}

export const codeView = (action: Action, target: Target, stepIdentity?: string): CodeView => {
  const { service, operation } = parseCall(action.call);
  const call = {
    service,
    operation,
    input: action.input,
    region: action.region ?? target.region,
    endpoint: target.endpoint,
    environment: identityEnvironment(target, action.as ?? stepIdentity ?? DEFAULT_IDENTITY),
    ...(action.followRegionRedirects ? { followRegionRedirects: true } : {}),
  };
  return {
    typescript: sdkSnippet({ ...call, ...(action.expectError ? { expectedError: action.expectError } : {}) }),
    cli: cliCommand(call),
  };
};
