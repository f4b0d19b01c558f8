import { InvalidParameterValue, MissingParameter } from "../faults";

export type MemberType = "string" | "boolean" | "integer";

export interface MemberSpec {
  type: MemberType;
  required?: boolean;
}

export type InputSpec = Record<string, MemberSpec>;

/**
 * Form body to parameters. URLSearchParams decodes both `%20` and `+` as a space, so requests
 * from the JS SDK and from other SDKs or the CLI read the same.
 */
export function parseForm(body: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(body)) params.set(name, value);
  return params;
}

function readMember(name: string, raw: string, type: MemberType): string | boolean | number {
  if (type === "string") return raw;
  if (type === "boolean") {
    const lower = raw.toLowerCase();
    if (lower !== "true" && lower !== "false") {
      throw new InvalidParameterValue(`The value "${raw}" for parameter ${name} is not a valid boolean.`);
    }
    return lower === "true";
  }
  if (!/^-?\d+$/.test(raw)) {
    throw new InvalidParameterValue(`The value "${raw}" for parameter ${name} is not a valid integer.`);
  }
  return Number(raw);
}

/**
 * Typed input for an operation. Only members the operation knows are read; a missing required
 * member is MissingParameter (the SDK does not check required members on the client side).
 */
export function readInput<T>(params: Map<string, string>, spec: InputSpec): T {
  const input: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(spec)) {
    const raw = params.get(name);
    if (raw === undefined) {
      if (member.required) throw new MissingParameter(`The request must contain the parameter ${name}.`);
      continue;
    }
    input[name] = readMember(name, raw, member.type);
  }
  return input as T;
}
