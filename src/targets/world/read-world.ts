import type { Target } from "../target";
import { readWorldThroughApi } from "./read-world-api";
import type { ReadWorldOptions } from "./read-world-options";
import type { WorldSnapshot } from "./world-snapshot";

/**
 * The target's S3 world for the world panel: straight from the sandbox's memory when it runs in
 * this process (target.world), otherwise through the API. Loads the AWS SDK only when it reads.
 */
export const readWorld = async (target: Target, options: ReadWorldOptions = {}): Promise<WorldSnapshot> =>
  (await target.world?.(options)) ?? readWorldThroughApi(target, options);
