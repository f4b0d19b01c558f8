/**
 * What the emulator prints when it starts: per account, shell lines that point the AWS SDK, Pulumi
 * programs, the drift command and the aws CLI (v1 reads AWS_DEFAULT_REGION, not AWS_REGION) at it;
 * then the datashares with each consumer's standing, and the consumer namespaces, so that a
 * newcomer can pick ARNs for a first program without reading the seed. Pure: state in, text out.
 */
import { dataApiLines } from "./dataApiBanner";
import { formatNamespaceArn } from "./model/arns";
import type { Account, Association, ConsumerGrant, DataShareRecord, ModelState } from "./model/types";

/** The region a fresh account works in when nothing in the state says otherwise. */
const FALLBACK_REGION = "us-east-1";

/**
 * The API region for an account: a datashare's own region is the only one where Redshift answers
 * for it, so take the region of the first share the account produces or is offered.
 */
export function accountRegion(state: ModelState, account: Account): string {
  const share = state.dataShares.find(
    (s) => s.producerAccount === account.id || s.consumers.some((c) => c.accountId === account.id),
  );
  return share?.region ?? state.dataShares[0]?.region ?? account.namespaces[0]?.region ?? FALLBACK_REGION;
}

/** `export NAME=value` lines for one account, in the order a reader checks them. */
export function environmentLines(endpoint: string, state: ModelState, account: Account): string[] {
  const region = accountRegion(state, account);
  const key = account.accessKeys[0];
  return [
    `export AWS_ENDPOINT_URL=${endpoint}`,
    `export AWS_ACCESS_KEY_ID=${key.accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY=${key.secretAccessKey}`,
    `export AWS_REGION=${region}`,
    `export AWS_DEFAULT_REGION=${region}`,
  ];
}

/** The heading line of an account's block: `# <name> account <id>`. */
export function accountHeading(account: Account): string {
  return `# ${account.name} account ${account.id}`;
}

function describeTarget(association: Association): string {
  const target = association.target;
  if (target.kind === "account") return "the entire account";
  if (target.kind === "region") return `region ${target.region}`;
  return target.arn;
}

/** One consumer's standing on a share, and what a first program can do with it. */
export function describeGrant(grant: ConsumerGrant): string {
  const writes = grant.producerAllowedWrites ? "writes allowed" : "read-only";
  const live = grant.associations.filter((a) => a.status === "ACTIVE");
  switch (grant.status) {
    case "AUTHORIZED":
      return live.length === 0
        ? `AUTHORIZED (${writes}), not associated: ready for a DataShareConsumer`
        : `ACTIVE (${writes}), associated with ${live.map(describeTarget).join(", ")}`;
    case "PENDING_AUTHORIZATION":
      return "usage granted, not authorized: free for a new DataShareAuthorization";
    case "DEAUTHORIZED":
      return "DEAUTHORIZED: a DataShareAuthorization can authorize it again";
    case "REJECTED":
      return "REJECTED by the consumer: a DataShareAuthorization can authorize it again";
  }
}

function accountLabel(state: ModelState, accountId: string): string {
  const account = state.accounts.find((a) => a.id === accountId);
  return account ? `${account.name} ${account.id}` : accountId;
}

function dataShareLines(state: ModelState, share: DataShareRecord, nameWidth: number): string[] {
  const indent = " ".repeat(nameWidth + 4);
  const consumers =
    share.consumers.length === 0
      ? [`${indent}no consumer granted usage yet`]
      : share.consumers.map((c) => `${indent}${accountLabel(state, c.accountId)}: ${describeGrant(c)}`);
  return [`  ${share.name.padEnd(nameWidth)}  ${share.arn}`, ...consumers];
}

/** Accounts that are offered at least one datashare, or produce none: where consumer namespaces live. */
function consumerAccounts(state: ModelState): Account[] {
  return state.accounts.filter(
    (a) =>
      state.dataShares.some((s) => s.consumers.some((c) => c.accountId === a.id)) ||
      !state.dataShares.some((s) => s.producerAccount === a.id),
  );
}

function namespaceLines(state: ModelState): string[] {
  const lines: string[] = [];
  for (const account of consumerAccounts(state)) {
    for (const ns of account.namespaces) {
      const arn = formatNamespaceArn(ns.type, ns.region, account.id, ns.id);
      lines.push(`  ${`${account.name} ${account.id}`.padEnd(24)} ${arn}  (${ns.type}, ${ns.region})`);
    }
  }
  return lines.length > 0 ? lines : ["  none"];
}

/** The whole banner for an emulator listening at `endpoint` with this state. */
export function renderBanner(endpoint: string, state: ModelState): string {
  const lines = [
    `Redshift datashare emulator listening on ${endpoint} (Ctrl+C stops it)`,
    "",
    "Paste one account's lines into the shell that runs its stack: the AWS SDK, Pulumi programs,",
    "the drift command and the aws CLI (v1 and v2) read them.",
    "",
  ];
  for (const account of state.accounts) {
    lines.push(accountHeading(account), ...environmentLines(endpoint, state, account), "");
  }
  const nameWidth = Math.max(0, ...state.dataShares.map((s) => s.name.length));
  lines.push("Datashares (dataShareArn), and where each consumer account stands:");
  if (state.dataShares.length === 0) lines.push("  none");
  for (const share of state.dataShares) lines.push(...dataShareLines(state, share, nameWidth));
  lines.push(
    "",
    "SQL through the Redshift Data API (DbUser, SecretArn or your IAM identity):",
    ...dataApiLines(state),
    "",
    "Consumer namespaces (consumerArn):",
    ...namespaceLines(state),
    "",
    `Try: aws --endpoint-url ${endpoint} redshift describe-data-shares`,
    `Admin API: ${endpoint}/_emulator/state`,
  );
  return lines.join("\n");
}
