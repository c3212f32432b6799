/** The embedded sandbox, loaded only when something needs it, so start-up does not pay for it. */
export const loadSandbox = () => import("../sandbox/index");
