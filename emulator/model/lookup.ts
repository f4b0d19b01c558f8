import { InvalidDataShareFault, InvalidNamespaceFault, InvalidParameterValue } from "../faults";
import { dataShareIdentity } from "../../identity/dataShare";
import { canonicalDataShareArn, formatNamespaceArn, parseNamespaceArn } from "./arns";
import type { Behaviours } from "./behaviours";
import { grantsOf } from "./consumers";
import { canSee } from "./views";
import type { Account, DataShareRecord, ModelState, Namespace } from "./types";

export function dataShareDoesNotExist(arn: string): InvalidDataShareFault {
  return new InvalidDataShareFault(`The data share ${arn} can't be found because the ARN doesn't exist.`);
}

export function notAssociated(arn: string): InvalidDataShareFault {
  return new InvalidDataShareFault(
    `The data share ${arn} either doesn't exist or isn't associated with this data consumer.`,
  );
}

export function requireValue(value: string, parameter: string): string {
  if (value === "") throw new InvalidParameterValue(`The parameter ${parameter} must not be empty.`);
  return value;
}

/**
 * The share a DataShareArn names: its GUID compared in lower case, its name as the behaviour
 * dataShareNameCase says (folded: an exact spelling still wins over a respelling).
 */
function findNamedShare(state: ModelState, arn: string, behaviours: Behaviours): DataShareRecord | undefined {
  const exact = canonicalDataShareArn(arn);
  const found = state.dataShares.find((s) => s.arn === exact);
  if (found || behaviours.dataShareNameCase === "exact") return found;
  // Folded: the one datashare identity the provider and the drift command use too.
  const identity = dataShareIdentity(exact);
  return state.dataShares.find((s) => dataShareIdentity(s.arn) === identity);
}

/**
 * A share the caller can see. A share that exists but is invisible to the caller is reported
 * exactly like one that does not exist, so nothing leaks. Describe calls see a share once it is
 * authorized; consumer actions (`grantedIsEnough`) already find it once usage is granted, so that
 * associating a pending share says "isn't authorized" rather than "doesn't exist".
 */
export function findVisibleShare(
  state: ModelState,
  caller: Account,
  arn: string,
  behaviours: Behaviours,
  grantedIsEnough = false,
): DataShareRecord {
  const share = findNamedShare(state, requireValue(arn, "DataShareArn"), behaviours);
  const granted = grantedIsEnough && share !== undefined && grantsOf(share, caller.id).length > 0;
  if (!share || !(granted || canSee(share, caller, behaviours))) throw dataShareDoesNotExist(arn);
  return share;
}

/** A share the caller produces; consumers get a fault naming the producer. */
export function findOwnShare(
  state: ModelState,
  caller: Account,
  arn: string,
  action: string,
  behaviours: Behaviours,
): DataShareRecord {
  const share = findVisibleShare(state, caller, arn, behaviours);
  if (share.producerAccount !== caller.id) {
    throw new InvalidDataShareFault(
      `Can't ${action} the data share ${arn} from account ${caller.id} because only the producer account ${share.producerAccount} can ${action} it.`,
    );
  }
  return share;
}

/** A namespace of the calling account, named by ARN (either form). Returns the canonical ARN. */
export function findOwnNamespace(
  caller: Account,
  arn: string,
  parameter: string,
): { namespace: Namespace; arn: string } {
  const parsed = parseNamespaceArn(requireValue(arn, parameter), parameter);
  if (parsed.accountId !== caller.id) {
    throw new InvalidNamespaceFault(
      `The namespace ${arn} doesn't belong to the calling account ${caller.id}; a namespace must be in your own account.`,
    );
  }
  const namespace = caller.namespaces.find(
    (n) => n.id === parsed.namespaceId && n.type === parsed.type && n.region === parsed.region,
  );
  if (!namespace)
    throw new InvalidNamespaceFault(`The namespace ${arn} doesn't exist in account ${caller.id}.`);
  return { namespace, arn: formatNamespaceArn(namespace.type, namespace.region, caller.id, namespace.id) };
}
