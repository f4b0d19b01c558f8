/**
 * The floor for the provider's own work: the same three API calls made directly with the AWS SDK,
 * with one long-lived client (as the provider host keeps its clients for the life of the process).
 */
import {
  AssociateDataShareConsumerCommand,
  DescribeDataSharesCommand,
  DisassociateDataShareConsumerCommand,
  RedshiftClient,
  RedshiftClientConfig,
} from "@aws-sdk/client-redshift";
import type { Credentials } from "../emulator";
import type { AssociationPlan } from "./seed";

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
