import { AdminError } from "../faults";
import * as admin from "./admin";
import { dropRelation } from "./catalog";
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
import { DEFAULT_BEHAVIOURS, type Behaviours, type CallContext } from "./behaviours";
import type { StateStore } from "./store";
import type { Caller } from "./principals";
import { regionalState } from "./regions";
import type { Account, DataSharePage, DataShareView, ModelState } from "./types";

/**
 * The emulated service, one method per API operation. The caller's account (its root, a root
 * session or a role session in it) decides what a call may do and see; its signing region decides
 * which datashares it can reach, as with AWS's regional endpoints. Where AWS is silent, the
 * behaviours in force at the call decide (see ./behaviours).
 */
export class RedshiftBackend {
  constructor(
    private readonly store: StateStore,
    private readonly clock: () => Date = () => new Date(),
    private readonly behaviours: () => Behaviours = () => DEFAULT_BEHAVIOURS,
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  /** The state as the endpoint of the caller's signing region sees it, and the call's context. */
  private regional<T>(
    caller: Caller,
    run: (state: ModelState, account: Account, ctx: CallContext) => T,
  ): (state: ModelState) => T {
    return (state) =>
      run(regionalState(state, caller.region), this.account(state, caller), {
        region: caller.region,
        now: this.now(),
        behaviours: this.behaviours(),
      });
  }

  private account(state: ModelState, caller: Caller): Account {
    const { accountId } = caller.principal;
    const account = state.accounts.find((a) => a.id === accountId);
    if (!account) throw new AdminError(`Unknown account ${accountId}`);
    return account;
  }

  associateDataShareConsumer(caller: Caller, input: AssociateDataShareConsumerInput): Promise<DataShareView> {
    return this.store.mutate(
      this.regional(caller, (s, a, ctx) => associateDataShareConsumer(s, a, input, ctx)),
    );
  }

  disassociateDataShareConsumer(
    caller: Caller,
    input: DisassociateDataShareConsumerInput,
  ): Promise<DataShareView> {
    return this.store.mutate(
      this.regional(caller, (s, a, ctx) => disassociateDataShareConsumer(s, a, input, ctx)),
    );
  }

  rejectDataShare(caller: Caller, input: RejectDataShareInput): Promise<DataShareView> {
    return this.store.mutate(this.regional(caller, (s, a, ctx) => rejectDataShare(s, a, input, ctx)));
  }

  authorizeDataShare(caller: Caller, input: AuthorizeDataShareInput): Promise<DataShareView> {
    return this.store.mutate(this.regional(caller, (s, a, ctx) => authorizeDataShare(s, a, input, ctx)));
  }

  deauthorizeDataShare(caller: Caller, input: DeauthorizeDataShareInput): Promise<DataShareView> {
    return this.store.mutate(this.regional(caller, (s, a, ctx) => deauthorizeDataShare(s, a, input, ctx)));
  }

  describeDataShares(caller: Caller, input: DescribeDataSharesInput): DataSharePage {
    return this.store.read(
      this.regional(caller, (s, a, ctx) => describeDataShares(s, a, input, ctx.behaviours)),
    );
  }

  describeDataSharesForConsumer(caller: Caller, input: DescribeDataSharesForConsumerInput): DataSharePage {
    return this.store.read(
      this.regional(caller, (s, a, ctx) => describeDataSharesForConsumer(s, a, input, ctx.behaviours)),
    );
  }

  describeDataSharesForProducer(caller: Caller, input: DescribeDataSharesForProducerInput): DataSharePage {
    return this.store.read(this.regional(caller, (s, a) => describeDataSharesForProducer(s, a, input)));
  }

  createDataShare(input: admin.CreateDataShareInput): Promise<string> {
    return this.store.mutate((s) => admin.createDataShare(s, input, this.now()));
  }

  grantUsage(dataShareArn: string, consumerAccount: string): Promise<void> {
    return this.store.mutate((s) => admin.grantUsage(s, dataShareArn, consumerAccount, this.now()));
  }

  /** Behaviour droppedShareDatabases decides whether the consumers' databases from it go too. */
  dropDataShare(dataShareArn: string): Promise<void> {
    return this.store.mutate((s) => {
      const arn = s.dataShares.find((d) => d.arn === dataShareArn)?.arn;
      admin.dropDataShare(s, dataShareArn);
      if (arn && this.behaviours().droppedShareDatabases === "dropped") {
        s.consumerDatabases = (s.consumerDatabases ?? []).filter((db) => db.dataShareArn !== arn);
      }
    });
  }

  /**
   * The producer drops a table or view (`schema.name`) of a namespace's database out of band.
   * Behaviour droppedObjectInShare decides whether the datashares holding it still list it.
   */
  dropProducerObject(account: string, namespaceIndex: number, qualifiedName: string): Promise<void> {
    return this.store.mutate((s) => {
      const namespace = admin.findAccount(s, account).namespaces[namespaceIndex];
      if (!namespace || !dropRelation(namespace, qualifiedName)) {
        throw new AdminError(
          `No table or view ${qualifiedName} in namespace #${namespaceIndex} of ${account}`,
        );
      }
      if (this.behaviours().droppedObjectInShare === "listed") return;
      for (const share of s.dataShares.filter((d) => d.producerNamespace === namespace.id)) {
        share.objects = share.objects?.filter((o) => o.type === "schema" || o.name !== qualifiedName);
      }
    });
  }
}
