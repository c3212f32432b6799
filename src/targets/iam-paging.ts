import type { AwsClient } from "./target";

/** Every item of a Marker-paged IAM listing. */
export const allPages = async (iam: AwsClient, command: (marker: string | undefined) => unknown, field: string): Promise<unknown[]> => {
  const items: unknown[] = [];
  let marker: string | undefined;
  do {
    const page = (await iam.send(command(marker))) as Record<string, unknown> & { IsTruncated?: boolean; Marker?: string };
    items.push(...((page[field] as unknown[] | undefined) ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return items;
};
