import type { AwsClient } from "../target";

/** One object version (delete markers carry no replication status a head could read). */
export interface ListedVersion {
  key: string;
  versionId: string;
}

export interface VersionListing {
  /** Keys whose newest version is an object, among the versions listed. */
  objects: number;
  /** The listing stopped at the cap: there are more versions than were read. */
  capped: boolean;
  versions: ListedVersion[];
}

interface ListedEntry {
  Key?: string;
  VersionId?: string;
  IsLatest?: boolean;
}

const PAGE = 1000;

/** ListObjectVersions up to `maxVersions` entries (versions and delete markers): the count, and what a head may read. */
export const listVersions = async (s3: AwsClient, bucket: string, maxVersions: number): Promise<VersionListing> => {
  const { ListObjectVersionsCommand } = await import("@aws-sdk/client-s3");
  const listing: VersionListing = { objects: 0, capped: false, versions: [] };
  let read = 0;
  let marker: { KeyMarker?: string; VersionIdMarker?: string } = {};
  for (;;) {
    const page = (await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: Math.min(PAGE, maxVersions - read), ...marker }))) as {
      Versions?: ListedEntry[];
      DeleteMarkers?: ListedEntry[];
      IsTruncated?: boolean;
      NextKeyMarker?: string;
      NextVersionIdMarker?: string;
    };
    for (const version of page.Versions ?? []) {
      if (!version.Key) continue;
      if (version.IsLatest) listing.objects++;
      listing.versions.push({ key: version.Key, versionId: version.VersionId ?? "null" });
    }
    read += (page.Versions?.length ?? 0) + (page.DeleteMarkers?.length ?? 0);
    if (!page.IsTruncated) return listing;
    if (read >= maxVersions) return { ...listing, capped: true };
    marker = {
      ...(page.NextKeyMarker ? { KeyMarker: page.NextKeyMarker } : {}),
      ...(page.NextVersionIdMarker ? { VersionIdMarker: page.NextVersionIdMarker } : {}),
    };
  }
};
