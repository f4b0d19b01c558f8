import { EmulatorFault, ResourceNotFoundException, ValidationException } from "../faults";

/** The AWS JSON 1.1 protocol of the Redshift Data API: `X-Amz-Target: RedshiftData.<Operation>`. */
export const DATA_API_TARGET_PREFIX = "RedshiftData.";
export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

/** The operation a target header names, or undefined when it is not a Data API request. */
export function dataApiOperationOf(target: string | string[] | undefined): string | undefined {
  const value = Array.isArray(target) ? target[0] : target;
  return value?.startsWith(DATA_API_TARGET_PREFIX) ? value.slice(DATA_API_TARGET_PREFIX.length) : undefined;
}

export function parseJsonBody(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8") || "{}");
  } catch {
    throw new ValidationException("The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ValidationException("The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

/** Dates go on the wire as epoch seconds, as the JSON protocols send timestamps. */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toWire(v)]),
    );
  }
  return value;
}

export function renderJsonResult(result: object): string {
  return JSON.stringify(toWire(result));
}

/** The error body the SDK's JSON deserializer reads: `__type` and `message`, plus modelled members. */
export function renderJsonError(fault: EmulatorFault): string {
  const extra = fault instanceof ResourceNotFoundException ? { ResourceId: fault.resourceId } : {};
  return JSON.stringify({ __type: fault.code, message: fault.message, ...extra });
}
