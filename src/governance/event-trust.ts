import type { LogRecord } from "../runlog/log-record-schema.js";

/** Whether a governance event may count: its maker is who it says, in a role that may do this. */
export interface EventTrust {
  trusted: boolean;
  /** Why not, in Dutch, when it is not trusted. */
  why?: string;
}

/**
 * The one place that decides whether a decision, review or publication may count. Today
 * every event in an intact log counts as its `who` says; signatures and roles (issue 12)
 * plug in here, so every reader (gates, status, site) applies them the same way.
 */
export function trustOf(_record: LogRecord): EventTrust {
  return { trusted: true };
}
