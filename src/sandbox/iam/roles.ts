import type { QueryHandler } from "../query/protocol";

export const roleActions: Record<string, QueryHandler> = {};
