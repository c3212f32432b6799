import { uploadsOf } from "../world/multipart-uploads";
import type { World } from "../world/world";

/** The ids of every blob file an object version or an uploaded part refers to. */
export const referencedBlobs = (world: World): Set<string> => {
  const ids = new Set<string>();
  for (const bucket of world.allBuckets()) {
    for (const key of bucket.objects.keys()) {
      for (const version of bucket.objects.versionsOf(key)) {
        if (version.kind === "object") for (const file of version.body.files()) ids.add(file.id);
      }
    }
    for (const upload of uploadsOf(bucket).inProgress()) {
      for (const part of upload.parts.values()) for (const file of part.body.files()) ids.add(file.id);
    }
  }
  return ids;
};
