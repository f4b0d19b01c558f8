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
import type { Account, CallerIdentity, DataSharePage, DataShareView, ModelState } from "./types";

/**
 * The emulated service, one method per API operation. The caller is the account that signed the
 * request; it decides what the call may do and what it sees.
 */
export class RedshiftBackend {
  constructor(
    private readonly store: StateStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  private caller(state: ModelState, accountId: string): Account {
    const account = state.accounts.find((a) => a.id === accountId);
    if (!account) throw new AdminError(`Unknown account ${accountId}`);
    return account;
  }

  /** The account and secret behind an access key id, for signature checks. */
  findAccessKey(accessKeyId: string): { accountId: string; secretAccessKey: string } | undefined {
    for (const account of this.store.state.accounts) {
      const key = account.accessKeys.find((k) => k.accessKeyId === accessKeyId);
      if (key) return { accountId: account.id, secretAccessKey: key.secretAccessKey };
    }
    return undefined;
  }

  associateDataShareConsumer(
    callerId: string,
    input: AssociateDataShareConsumerInput,
  ): Promise<DataShareView> {
    return this.store.mutate((s) =>
      associateDataShareConsumer(s, this.caller(s, callerId), input, this.now()),
    );
  }

  disassociateDataShareConsumer(
    callerId: string,
    input: DisassociateDataShareConsumerInput,
  ): Promise<DataShareView> {
    return this.store.mutate((s) =>
      disassociateDataShareConsumer(s, this.caller(s, callerId), input, this.now()),
    );
  }

  rejectDataShare(callerId: string, input: RejectDataShareInput): Promise<DataShareView> {
    return this.store.mutate((s) => rejectDataShare(s, this.caller(s, callerId), input, this.now()));
  }

  authorizeDataShare(callerId: string, input: AuthorizeDataShareInput): Promise<DataShareView> {
    return this.store.mutate((s) => authorizeDataShare(s, this.caller(s, callerId), input, this.now()));
  }

  deauthorizeDataShare(callerId: string, input: DeauthorizeDataShareInput): Promise<DataShareView> {
    return this.store.mutate((s) => deauthorizeDataShare(s, this.caller(s, callerId), input, this.now()));
  }

  describeDataShares(callerId: string, input: DescribeDataSharesInput): DataSharePage {
    return this.store.read((s) => describeDataShares(s, this.caller(s, callerId), input));
  }

  describeDataSharesForConsumer(callerId: string, input: DescribeDataSharesForConsumerInput): DataSharePage {
    return this.store.read((s) => describeDataSharesForConsumer(s, this.caller(s, callerId), input));
  }

  describeDataSharesForProducer(callerId: string, input: DescribeDataSharesForProducerInput): DataSharePage {
    return this.store.read((s) => describeDataSharesForProducer(s, this.caller(s, callerId), input));
  }

  /** The emulator's principals are the account roots. */
  getCallerIdentity(callerId: string): CallerIdentity {
    const account = this.caller(this.store.state, callerId);
    return { UserId: account.id, Account: account.id, Arn: `arn:aws:iam::${account.id}:root` };
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
