import type { TargetOptions } from "../../targets/options";

/** `s3-tutor run <lesson|all> --auto`. */
export const runRunCommand = async (_lesson: string, _options: Partial<TargetOptions> & { json?: boolean; auto?: boolean }): Promise<number> => {
  throw new Error("run is not written yet");
};
