/**
 * The address the instructor printed ("192.168.1.20:7420", or a URL) as the room's base URL, and
 * as a folder name for the participant's files about that room.
 */

/** "192.168.1.20:7420" → "http://192.168.1.20:7420"; a URL is kept (without a trailing slash). */
export const roomBaseUrl = (address: string): string => {
  const trimmed = address.trim();
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new RoomAddressError(address);
  }
  if (!url.hostname || (url.pathname !== "/" && url.pathname !== "")) throw new RoomAddressError(address);
  return `${url.protocol}//${url.host}`;
};

/** A folder name that is the same for every spelling of one address and valid on every file system. */
export const roomFolderName = (address: string): string => roomBaseUrl(address).replace(/^https?:\/\//, "").replace(/[^A-Za-z0-9.-]/g, "_");

export class RoomAddressError extends Error {
  constructor(readonly address: string) {
    super(`"${address}" is not a room address. Use the one the instructor printed, e.g. 192.168.1.20:7420.`);
    this.name = "RoomAddressError";
  }
}
