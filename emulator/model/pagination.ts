import { InvalidParameterValue } from "../faults";

export const MIN_RECORDS = 20;
export const MAX_RECORDS = 100;

export interface PageRequest {
  MaxRecords?: number;
  Marker?: string;
}

/**
 * The marker names the last item of the previous page (not an offset), so a page boundary
 * survives shares being added or dropped in between, and every page has its own marker.
 */
interface MarkerBody {
  v: 1;
  op: string;
  after: string;
}

function encodeMarker(body: MarkerBody): string {
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

function decodeMarker(marker: string, operation: string): MarkerBody {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(marker, "base64url").toString("utf8"));
  } catch {
    body = undefined;
  }
  const candidate = body as Partial<MarkerBody> | undefined;
  if (!candidate || candidate.v !== 1 || candidate.op !== operation || typeof candidate.after !== "string") {
    throw new InvalidParameterValue(`The marker "${marker}" is not valid for ${operation}.`);
  }
  return candidate as MarkerBody;
}

/** Cuts `items` (any order; sorted here by key) into the page the request asks for. */
export function paginate<T>(
  operation: string,
  items: T[],
  keyOf: (item: T) => string,
  request: PageRequest,
): { page: T[]; marker?: string } {
  const maxRecords = request.MaxRecords ?? MAX_RECORDS;
  if (!Number.isInteger(maxRecords) || maxRecords < MIN_RECORDS || maxRecords > MAX_RECORDS) {
    throw new InvalidParameterValue(
      `MaxRecords must be between ${MIN_RECORDS} and ${MAX_RECORDS}, but was ${request.MaxRecords}.`,
    );
  }
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const after = request.Marker !== undefined ? decodeMarker(request.Marker, operation).after : undefined;
  const remaining = after === undefined ? sorted : sorted.filter((item) => keyOf(item) > after);
  const page = remaining.slice(0, maxRecords);
  if (remaining.length <= maxRecords) return { page };
  return { page, marker: encodeMarker({ v: 1, op: operation, after: keyOf(page[page.length - 1]) }) };
}
