/**
 * A producer's user program: the DataShareAuthorization resources named in the stack config
 * `authorizations` (a JSON object of name → arguments), each one's live outputs exported under its
 * name. Run it with the producer account's credentials. Tests change what is declared with
 * `pulumi config set`, as a user would edit the program.
 */
import * as pulumi from "@pulumi/pulumi";
import { DataShareAuthorization, DataShareAuthorizationArgs } from "pulumi-redshift-datashare";

const config = new pulumi.Config();
const declared = config.requireObject<Record<string, DataShareAuthorizationArgs>>("authorizations");

export const authorizations = Object.fromEntries(
  Object.entries(declared).map(([name, args]) => {
    const a = new DataShareAuthorization(name, args);
    return [
      name,
      {
        id: a.id,
        status: a.status,
        producerAllowedWrites: a.producerAllowedWrites,
        consumerAcceptedWrites: a.consumerAcceptedWrites,
      },
    ];
  }),
);
