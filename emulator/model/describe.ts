import { InvalidParameterValue } from "../faults";
import type { Behaviours } from "./behaviours";
import { grantsOf } from "./consumers";
import { findOwnNamespace, findVisibleShare } from "./lookup";
import { paginate, type PageRequest } from "./pagination";
import { callerView, canSee, consumerEntries, producerView, viewWith, type ConsumerEntry } from "./views";
import type { Account, DataSharePage, DataShareView, ModelState, Namespace } from "./types";

export interface DescribeDataSharesInput extends PageRequest {
  DataShareArn?: string;
}

export interface DescribeDataSharesForConsumerInput extends PageRequest {
  ConsumerArn?: string;
  Status?: string;
}

export interface DescribeDataSharesForProducerInput extends PageRequest {
  ProducerArn?: string;
  Status?: string;
}

const CONSUMER_STATUSES = ["ACTIVE", "AVAILABLE"];
const PRODUCER_STATUSES = ["ACTIVE", "AUTHORIZED", "PENDING_AUTHORIZATION", "DEAUTHORIZED", "REJECTED"];

function checkStatus(status: string | undefined, allowed: string[]): void {
  if (status !== undefined && !allowed.includes(status)) {
    throw new InvalidParameterValue(
      `The value "${status}" for parameter Status is not valid. Valid values: ${allowed.join(", ")}.`,
    );
  }
}

function toPage(operation: string, views: DataShareView[], request: PageRequest): DataSharePage {
  const { page, marker } = paginate(operation, views, (v) => v.DataShareArn, request);
  return marker === undefined ? { DataShares: page } : { DataShares: page, Marker: marker };
}

/** Inbound and outbound shares of the caller in one list (or the one share asked for). */
export function describeDataShares(
  state: ModelState,
  caller: Account,
  input: DescribeDataSharesInput,
  behaviours: Behaviours,
): DataSharePage {
  if (input.DataShareArn !== undefined) {
    const share = findVisibleShare(state, caller, input.DataShareArn, behaviours);
    return toPage("DescribeDataShares", [callerView(state, share, caller, behaviours)], input);
  }
  const views = state.dataShares
    .filter((s) => canSee(s, caller, behaviours))
    .map((s) => callerView(state, s, caller, behaviours));
  return toPage("DescribeDataShares", views, input);
}

/**
 * An entry concerns a namespace if it covers it: the account's own grant (the AVAILABLE entry),
 * the entire account, the namespace's region, or the namespace itself. Data Catalog entries
 * concern the catalog, not a namespace.
 */
function coversNamespace({ target, grant }: ConsumerEntry, arn: string, namespace: Namespace): boolean {
  if (grant.via !== undefined) return false;
  if (target === undefined || target.kind === "account") return true;
  if (target.kind === "region") return target.region === namespace.region;
  return target.kind === "namespace" && target.arn === arn;
}

/** Shares that are AVAILABLE or ACTIVE for the caller; rejected and deauthorized ones are left out. */
export function describeDataSharesForConsumer(
  state: ModelState,
  caller: Account,
  input: DescribeDataSharesForConsumerInput,
  behaviours: Behaviours,
): DataSharePage {
  checkStatus(input.Status, CONSUMER_STATUSES);
  const namespace =
    input.ConsumerArn !== undefined ? findOwnNamespace(caller, input.ConsumerArn, "ConsumerArn") : undefined;
  const views: DataShareView[] = [];
  for (const share of state.dataShares) {
    const grants = grantsOf(share, caller.id).filter((g) => g.status === "AUTHORIZED");
    const entries = grants
      .flatMap((g) => consumerEntries(share, g, behaviours))
      .filter(
        (e) =>
          (namespace === undefined || coversNamespace(e, namespace.arn, namespace.namespace)) &&
          (input.Status === undefined || e.entry.Status === input.Status),
      );
    if (entries.length === 0) continue;
    views.push(
      viewWith(
        state,
        share,
        entries.map((e) => e.entry),
      ),
    );
  }
  return toPage("DescribeDataSharesForConsumer", views, input);
}

/** Shares the caller produces, optionally from one namespace and with entries in one status. */
export function describeDataSharesForProducer(
  state: ModelState,
  caller: Account,
  input: DescribeDataSharesForProducerInput,
): DataSharePage {
  checkStatus(input.Status, PRODUCER_STATUSES);
  const namespace =
    input.ProducerArn !== undefined ? findOwnNamespace(caller, input.ProducerArn, "ProducerArn") : undefined;
  const views: DataShareView[] = [];
  for (const share of state.dataShares) {
    if (share.producerAccount !== caller.id) continue;
    if (namespace && share.producerNamespace !== namespace.namespace.id) continue;
    const view = producerView(state, share);
    if (input.Status !== undefined) {
      view.DataShareAssociations = view.DataShareAssociations.filter((e) => e.Status === input.Status);
      if (view.DataShareAssociations.length === 0) continue;
    }
    views.push(view);
  }
  return toPage("DescribeDataSharesForProducer", views, input);
}
