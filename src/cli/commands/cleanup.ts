import type { TargetOptions } from "../../targets/options";

/** `s3-tutor cleanup`: filled in by the targets work. */
export const runCleanupCommand = async (_options: Partial<TargetOptions>): Promise<number> => {
  throw new Error("cleanup is not written yet");
};
