import { AdminError } from "../faults";
import * as admin from "./admin";
import {
  associateDataShareConsumer,
  disassociateDataShareConsumer,
  rejectDataShare,
  type AssociateDataShareConsumerInput,
  type DisassociateDataShareConsumerInput,
  type RejectDataShareInput,
} from "./associations";
import {
  authorizeDataShare,
  deauthorizeDataShare,
  type AuthorizeDataShareInput,
  type DeauthorizeDataShareInput,
} from "./authorizations";
import {
  describeDataShares,
  describeDataSharesForConsumer,
  describeDataSharesForProducer,
  type DescribeDataSharesForConsumerInput,
  type DescribeDataSharesForProducerInput,
  type DescribeDataSharesInput,
} from "./describe";
import type { StateStore } from "./store";
import type { Caller } from "./principals";
import type { Account, DataSharePage, DataShareView, ModelState } from "./types";

/**
 * The emulated service, one method per API operation. The caller's account (whoever signed the
 * request: its root, a root session or a role session in it) decides what the call may do and what it sees.
 */
export class RedshiftBackend {
  constructor(
    private readonly store: StateStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  private account(state: ModelState, caller: Caller): Account {
    const { accountId } = caller.principal;
    const account = state.accounts.find((a) => a.id === accountId);
    if (!account) throw new AdminError(`Unknown account ${accountId}`);
    return account;
  }

  associateDataShareConsumer(caller: Caller, input: AssociateDataShareConsumerInput): Promise<DataShareView> {
    return this.store.mutate((s) =>
      associateDataShareConsumer(s, this.account(s, caller), input, this.now()),
    );
  }

  disassociateDataShareConsumer(
    caller: Caller,
    input: DisassociateDataShareConsumerInput,
  ): Promise<DataShareView> {
    return this.store.mutate((s) =>
      disassociateDataShareConsumer(s, this.account(s, caller), input, this.now()),
    );
  }

  rejectDataShare(caller: Caller, input: RejectDataShareInput): Promise<DataShareView> {
    return this.store.mutate((s) => rejectDataShare(s, this.account(s, caller), input, this.now()));
  }

  authorizeDataShare(caller: Caller, input: AuthorizeDataShareInput): Promise<DataShareView> {
    return this.store.mutate((s) => authorizeDataShare(s, this.account(s, caller), input, this.now()));
  }

  deauthorizeDataShare(caller: Caller, input: DeauthorizeDataShareInput): Promise<DataShareView> {
    return this.store.mutate((s) => deauthorizeDataShare(s, this.account(s, caller), input, this.now()));
  }

  describeDataShares(caller: Caller, input: DescribeDataSharesInput): DataSharePage {
    return this.store.read((s) => describeDataShares(s, this.account(s, caller), input));
  }

  describeDataSharesForConsumer(caller: Caller, input: DescribeDataSharesForConsumerInput): DataSharePage {
    return this.store.read((s) => describeDataSharesForConsumer(s, this.account(s, caller), input));
  }

  describeDataSharesForProducer(caller: Caller, input: DescribeDataSharesForProducerInput): DataSharePage {
    return this.store.read((s) => describeDataSharesForProducer(s, this.account(s, caller), input));
  }

  createDataShare(input: admin.CreateDataShareInput): Promise<string> {
    return this.store.mutate((s) => admin.createDataShare(s, input, this.now()));
  }

  grantUsage(dataShareArn: string, consumerAccount: string): Promise<void> {
    return this.store.mutate((s) => admin.grantUsage(s, dataShareArn, consumerAccount, this.now()));
  }

  dropDataShare(dataShareArn: string): Promise<void> {
    return this.store.mutate((s) => admin.dropDataShare(s, dataShareArn));
  }
}
