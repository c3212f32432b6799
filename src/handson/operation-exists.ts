import type { OperationExists } from "../content/calls";
import type { ServiceName } from "../targets/target";
import { SDK_OPERATIONS } from "./sdk-operations";

let known: Record<ServiceName, ReadonlySet<string>> | undefined;

/**
 * Whether the AWS SDK client for `service` has `<operation>Command`, for `validate`: answered from
 * the list generated from the SDK (sdk-operations.ts), so checking content loads none of the SDK.
 */
export const operationExists: OperationExists = (service, operation) => {
  known ??= {
    s3: new Set(SDK_OPERATIONS.s3.split(" ")),
    iam: new Set(SDK_OPERATIONS.iam.split(" ")),
    sts: new Set(SDK_OPERATIONS.sts.split(" ")),
    s3control: new Set(SDK_OPERATIONS.s3control.split(" ")),
  };
  return known[service].has(operation);
};
