import { InvalidParameterValue } from "../faults";
import { findOwnNamespace, findVisibleShare } from "./lookup";
import { paginate, type PageRequest } from "./pagination";
import { callerView, canSee, consumerEntries, findGrant, producerView } from "./views";
import type {
  Account,
  DataShareAssociationView,
  DataSharePage,
  DataShareView,
  ModelState,
  Namespace,
} from "./types";

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
): DataSharePage {
  if (input.DataShareArn !== undefined) {
    const share = findVisibleShare(state, caller, input.DataShareArn);
    return toPage("DescribeDataShares", [callerView(state, share, caller)], input);
  }
  const views = state.dataShares.filter((s) => canSee(s, caller)).map((s) => callerView(state, s, caller));
  return toPage("DescribeDataShares", views, input);
}

/** An entry concerns a namespace if it covers it: the account, its region, or the namespace itself. */
function coversNamespace(entry: DataShareAssociationView, arn: string, namespace: Namespace): boolean {
  if (entry.ConsumerRegion !== undefined) return entry.ConsumerRegion === namespace.region;
  return entry.ConsumerIdentifier === arn || /^\d{12}$/.test(entry.ConsumerIdentifier);
}

/** Shares that are AVAILABLE or ACTIVE for the caller; rejected and deauthorized ones are left out. */
export function describeDataSharesForConsumer(
  state: ModelState,
  caller: Account,
  input: DescribeDataSharesForConsumerInput,
): DataSharePage {
  checkStatus(input.Status, CONSUMER_STATUSES);
  const namespace =
    input.ConsumerArn !== undefined ? findOwnNamespace(caller, input.ConsumerArn, "ConsumerArn") : undefined;
  const views: DataShareView[] = [];
  for (const share of state.dataShares) {
    const grant = findGrant(share, caller.id);
    if (grant?.status !== "AUTHORIZED") continue;
    const entries = consumerEntries(grant).filter(
      (e) =>
        (namespace === undefined || coversNamespace(e, namespace.arn, namespace.namespace)) &&
        (input.Status === undefined || e.Status === input.Status),
    );
    if (entries.length === 0) continue;
    views.push({ ...producerView(state, share), DataShareAssociations: entries });
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
