import { useSyncExternalStore } from "react";
import type { RoomLink } from "../../room-client/room-connection";
import type { WorkshopMode } from "../app-context";

/** The room's link as it changes (pacing, connection, what is not sent yet). */
export const useRoomLink = (room: WorkshopMode["room"] | undefined): RoomLink | undefined =>
  useSyncExternalStore(
    (listener) => room?.subscribe(listener) ?? (() => undefined),
    () => room?.link,
  );
