// The two exports of React's scheduler package that after-pending-renders.ts uses (it ships no types).
declare module "scheduler" {
  export const unstable_IdlePriority: number;
  export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
}
