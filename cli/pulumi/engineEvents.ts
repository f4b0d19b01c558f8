/**
 * The engine's events as `pulumi <command> --event-log <file>` writes them, one JSON object a line
 * (the shape the Automation API reads too), and the reader of such a log. Shared by the drift
 * command and the developer harness, so the event shape is written once.
 */
import * as fs from "node:fs";

/** A resource's state before or after a step. */
export interface StepState {
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface StepMetadata {
  op: string;
  urn: string;
  type: string;
  diffs?: string[];
  old?: StepState | null;
  new?: StepState | null;
  [key: string]: unknown;
}

/** One engine event; only the parts this project reads are typed. */
export interface EngineEvent {
  sequence?: number;
  summaryEvent?: { resourceChanges?: Record<string, number> };
  resourcePreEvent?: { metadata: StepMetadata };
  resOutputsEvent?: { metadata: StepMetadata };
  /** A message of the engine, the program or a provider; a provider's read says here why a resource is gone. */
  diagnosticEvent?: { urn?: string; message: string; severity?: string; prefix?: string };
  [key: string]: unknown;
}

/** The events of an event log; none when the CLI never wrote it (it failed before the engine ran). */
export function readEventLog(file: string): EngineEvent[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as EngineEvent);
}
