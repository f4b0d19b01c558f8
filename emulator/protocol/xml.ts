import { XMLBuilder } from "fast-xml-parser";
import type { EmulatorFault } from "../faults";

export const REDSHIFT_XMLNS = "http://redshift.amazonaws.com/doc/2012-12-01/";
export const STS_XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: false,
});

type XmlValue =
  string | number | boolean | Date | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/**
 * Plain data to the tree XMLBuilder expects, the AWS Query way: every list becomes `<member>`
 * items, dates become ISO-8601 with `Z`, booleans `true`/`false`, absent values no element.
 */
function toXmlTree(value: XmlValue): unknown {
  if (Array.isArray(value)) return { member: value.map(toXmlTree) };
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  if (value === null || value === undefined) return undefined;
  if (typeof value === "object") {
    const tree: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined && member !== null) tree[key] = toXmlTree(member);
    }
    return tree;
  }
  return value;
}

/** `<ActionResponse xmlns><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>` */
export function renderResult(action: string, xmlns: string, result: object, requestId: string): string {
  const body = {
    [`${action}Response`]: {
      "@_xmlns": xmlns,
      [`${action}Result`]: toXmlTree(result as XmlValue),
      ResponseMetadata: { RequestId: requestId },
    },
  };
  return builder.build(body) as string;
}

/** The one error envelope of the Query protocol. */
export function renderError(fault: EmulatorFault, xmlns: string, requestId: string): string {
  const body = {
    ErrorResponse: {
      "@_xmlns": xmlns,
      Error: { Type: fault.faultType, Code: fault.code, Message: fault.message },
      RequestId: requestId,
    },
  };
  return builder.build(body) as string;
}
