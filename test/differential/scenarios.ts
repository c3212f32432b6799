import { accessScenarios } from "./scenarios/access";
import { conditionalWriteScenarios } from "./scenarios/conditional-writes";
import { costScenarios } from "./scenarios/costs";
import { iamScenarios } from "./scenarios/iam";
import { lifecycleScenarios } from "./scenarios/lifecycle";
import { locationScenarios } from "./scenarios/locations";
import { mrapScenarios } from "./scenarios/mrap";
import { namespaceScenarios } from "./scenarios/namespace";
import { namingScenarios } from "./scenarios/naming";
import { policySimulatorScenarios } from "./scenarios/policy-simulator";
import { redirectScenarios } from "./scenarios/redirects";
import { replicationScenarios } from "./scenarios/replication";
import { replicationOptionScenarios } from "./scenarios/replication-options";
import { secureDefaultScenarios } from "./scenarios/secure-defaults";
import { versioningScenarios } from "./scenarios/versioning";
import type { Scenario } from "./scenario";

/** The one list every target runs, in the order of docs/targets.md. */
export const SCENARIOS: readonly Scenario[] = [
  ...namingScenarios,
  ...locationScenarios,
  ...namespaceScenarios,
  ...redirectScenarios,
  ...versioningScenarios,
  ...conditionalWriteScenarios,
  ...replicationScenarios,
  ...replicationOptionScenarios,
  ...lifecycleScenarios,
  ...iamScenarios,
  ...policySimulatorScenarios,
  ...accessScenarios,
  ...costScenarios,
  ...secureDefaultScenarios,
  ...mrapScenarios,
];
