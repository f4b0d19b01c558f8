/**
 * Typed failures of the drift command and the one factory that sorts any thrown value into them.
 * Every failure carries a stable `code`; the command maps all of them to exit code 2. The only
 * message matching is here, for the Pulumi CLI's output, which carries no code of its own; the
 * provider's failures in it are sorted by the AWS codes they name, as the provider sorts them
 * (../../provider/core/errors.ts).
 */
import { awsCodesIn, kindOfCode, redact } from "../../provider/core/errors";

export type DriftErrorCode =
  | "ERR_DRIFT_USAGE"
  | "ERR_DRIFT_NO_PROJECT"
  | "ERR_DRIFT_STACK_NOT_FOUND"
  | "ERR_DRIFT_CREDENTIALS"
  | "ERR_DRIFT_API"
  | "ERR_DRIFT_PULUMI"
  | "ERR_DRIFT_PULUMI_NOT_FOUND"
  | "ERR_DRIFT_PULUMI_VERSION"
  | "ERR_DRIFT_INTERNAL";

export class DriftCliError extends Error {
  constructor(
    readonly code: DriftErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DriftCliError";
  }
}

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `pulumi <args>` exited non-zero. Sorted into a DriftCliError by errors.ts. */
export class PulumiRunError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: PulumiResult,
  ) {
    super(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
    this.name = "PulumiRunError";
  }

  /** The CLI's own words for a stack that does not exist. */
  get stackNotFound(): boolean {
    return /no stack named .* found|stack .* not found/i.test(this.result.stderr + this.result.stdout);
  }
}

/** Turns anything thrown while checking a stack into a DriftCliError with a clear, one-paragraph reason. */
export function classifyFailure(err: unknown, context: { stack?: string; cwd?: string } = {}): DriftCliError {
  if (err instanceof DriftCliError) return err;
  if (err instanceof PulumiRunError && err.stackNotFound) {
    const where = context.cwd ? ` in the project at ${context.cwd}` : "";
    return new DriftCliError(
      "ERR_DRIFT_STACK_NOT_FOUND",
      `stack ${JSON.stringify(context.stack ?? "?")} was not found${where} (check --stack, --cwd and PULUMI_BACKEND_URL)`,
    );
  }
  if (err instanceof PulumiRunError) {
    const output = `${err.result.stdout}\n${err.result.stderr}`;
    const reason = pulumiErrorLines(output);
    const codes = awsCodesIn(output);
    if (codes.some((code) => kindOfCode(code) === "Credentials")) {
      return new DriftCliError("ERR_DRIFT_CREDENTIALS", `AWS credentials were refused or missing: ${reason}`);
    }
    if (codes.length > 0) {
      return new DriftCliError("ERR_DRIFT_API", `the Redshift API call failed: ${reason}`);
    }
    return new DriftCliError("ERR_DRIFT_PULUMI", `pulumi failed: ${reason}`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new DriftCliError("ERR_DRIFT_INTERNAL", message);
}

/**
 * What a failed pulumi command says went wrong: the "error:" lines of Pulumi's Diagnostics section (where
 * the provider's message is), without the command line, the progress display and generic
 * "update failed" lines. At most two distinct reasons, then how many more there were.
 */
export function pulumiErrorLines(message: string): string {
  const lines = message
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const own = lines.filter((l) => /^error:/i.test(l)).map((l) => l.replace(/^error:\s*/i, ""));
  const embedded = lines.filter((l) => /\berror:\s/i.test(l)).map((l) => l.replace(/^.*\berror:\s*/i, ""));
  const framing = lines.filter((l) => !/^(code|stdout|stderr|err\?):/i.test(l));
  const reasons = [own, embedded, framing]
    .map((set) =>
      set.map((l) => l.replace(/^(preview|refresh|update) failed:\s*/i, "")).filter((l) => !GENERIC.test(l)),
    )
    .find((set) => set.length > 0);
  const unique = [...new Set(reasons ?? [])];
  const more = unique.length > 2 ? ` (and ${unique.length - 2} more)` : "";
  return cut(unique.slice(0, 2).join("; ") + more || "unknown error", 800);
}

const GENERIC = /^(update|preview|refresh) failed\.?$|^an error occurred/i;

/** The environment variables whose values never reach the terminal. */
const SECRET_VARIABLES = [
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "PULUMI_CONFIG_PASSPHRASE",
  "PULUMI_ACCESS_TOKEN",
];

/**
 * Masks the values of secret environment variables (and access key ids) in text meant for people,
 * where each stands as a whole value (see `redact`'s `wholeValues`).
 */
export function redactSecrets(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const secrets = SECRET_VARIABLES.map((name) => env[name]).filter((v): v is string => !!v);
  return redact(text, secrets, { mask: "***", shortest: 4, wholeValues: true });
}

function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}
