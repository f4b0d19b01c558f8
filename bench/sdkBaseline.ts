/**
 * The floor for the providers' own work: the same three API calls made directly with the AWS SDK,
 * with one long-lived client (as the provider host keeps its clients for the life of the process),
 * for DataShareConsumer (the consumer's calls) and DataShareAuthorization (the producer's).
 */
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DescribeDataSharesCommand,
  DisassociateDataShareConsumerCommand,
  RedshiftClient,
  RedshiftClientConfig,
} from "@aws-sdk/client-redshift";
import type { Credentials } from "../emulator";
import type { AssociationPlan, AuthorizationPlan } from "./seed";

export interface DirectCalls {
  associate(plan: AssociationPlan): Promise<unknown>;
  describe(plan: AssociationPlan): Promise<unknown>;
  disassociate(plan: AssociationPlan): Promise<unknown>;
}

/** `extra` client settings let an experiment give the floor the provider's retry settings. */
export function createDirectCalls(
  endpoint: string,
  region: string,
  credentials: Credentials,
  extra: Partial<RedshiftClientConfig> = {},
): DirectCalls {
  const client = new RedshiftClient({ ...extra, endpoint, region, credentials });
  return {
    associate: (plan) =>
      client.send(
        new AssociateDataShareConsumerCommand({
          DataShareArn: plan.dataShareArn,
          ConsumerArn: plan.consumerArn,
        }),
      ),
    describe: (plan) => client.send(new DescribeDataSharesCommand({ DataShareArn: plan.dataShareArn })),
    disassociate: (plan) =>
      client.send(
        new DisassociateDataShareConsumerCommand({
          DataShareArn: plan.dataShareArn,
          ConsumerArn: plan.consumerArn,
        }),
      ),
  };
}

export interface DirectAuthorizationCalls {
  authorize(plan: AuthorizationPlan): Promise<unknown>;
  describe(plan: AuthorizationPlan): Promise<unknown>;
  deauthorize(plan: AuthorizationPlan): Promise<unknown>;
}

/** The producer's calls; AllowWrites is left out, as the provider leaves it out when not declared. */
export function createDirectAuthorizationCalls(
  endpoint: string,
  region: string,
  credentials: Credentials,
  extra: Partial<RedshiftClientConfig> = {},
): DirectAuthorizationCalls {
  const client = new RedshiftClient({ ...extra, endpoint, region, credentials });
  const members = (plan: AuthorizationPlan) => ({
    DataShareArn: plan.dataShareArn,
    ConsumerIdentifier: plan.consumerIdentifier,
  });
  return {
    authorize: (plan) => client.send(new AuthorizeDataShareCommand(members(plan))),
    describe: (plan) => client.send(new DescribeDataSharesCommand({ DataShareArn: plan.dataShareArn })),
    deauthorize: (plan) => client.send(new DeauthorizeDataShareCommand(members(plan))),
  };
}
