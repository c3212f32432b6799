import type { Problem } from "./problem";
import type { Anchor, ContentPath, YamlSource } from "./yaml-source";

/** Loaded content that remembers its file and source, so a check can report where it looked. */
export interface Located {
  file: string;
  source: YamlSource;
}

export const problemAt = (where: Located, path: ContentPath, message: string, anchor: Anchor = "value"): Problem => ({
  file: where.file,
  ...where.source.position(path, anchor),
  message,
});
