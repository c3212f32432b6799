import { uploadsOf } from "../world/multipart-uploads";
import type { ObjectBody } from "../world/body";
import type { World } from "../world/world";

/** Every body an object version or an uploaded part has. */
function* bodiesIn(world: World): Generator<ObjectBody> {
  for (const bucket of world.allBuckets()) {
    for (const key of bucket.objects.keys()) {
      for (const version of bucket.objects.versionsOf(key)) if (version.kind === "object") yield version.body;
    }
    for (const upload of uploadsOf(bucket).inProgress()) for (const part of upload.parts.values()) yield part.body;
  }
}

/** The ids of every blob file an object version or an uploaded part refers to. */
export const referencedBlobs = (world: World): Set<string> => {
  const ids = new Set<string>();
  for (const body of bodiesIn(world)) for (const file of body.files()) ids.add(file.id);
  return ids;
};

/** The bytes of small bodies held in memory, each counted once however many versions share it. */
export const inlineBytes = (world: World): number => {
  const seen = new Set<Buffer>();
  let total = 0;
  for (const body of bodiesIn(world)) {
    for (const segment of body.segments) {
      if (segment.kind !== "inline" || seen.has(segment.data)) continue;
      seen.add(segment.data);
      total += segment.data.length;
    }
  }
  return total;
};
