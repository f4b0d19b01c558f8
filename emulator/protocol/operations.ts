import type { RedshiftBackend } from "../model/backend";
import type { DataApiBackend } from "../model/dataApi";
import type { Caller } from "../model/principals";
import type { AssumeRoleInput, GetSessionTokenInput, StsBackend } from "../model/sts";
import { readInput, type InputSpec } from "./query";
import { REDSHIFT_XMLNS, STS_XMLNS } from "./xml";

export type ServiceName = "redshift" | "sts";

export interface ServiceInfo {
  signingName: ServiceName;
  version: string;
  xmlns: string;
}

export const SERVICES: Record<ServiceName, ServiceInfo> = {
  redshift: { signingName: "redshift", version: "2012-12-01", xmlns: REDSHIFT_XMLNS },
  sts: { signingName: "sts", version: "2011-06-15", xmlns: STS_XMLNS },
};

export interface Backends {
  redshift: RedshiftBackend;
  sts: StsBackend;
  dataApi: DataApiBackend;
}

export interface Operation {
  service: ServiceName;
  input: InputSpec;
  /** Runs the operation as `caller`; returns the content of `<ActionResult>`. */
  invoke(backends: Backends, caller: Caller, params: Map<string, string>): Promise<object> | object;
}

const PAGE: InputSpec = { MaxRecords: { type: "integer" }, Marker: { type: "string" } };
const ARN_REQUIRED: InputSpec = { DataShareArn: { type: "string", required: true } };

function operation<I>(
  service: "redshift",
  input: InputSpec,
  run: (backend: RedshiftBackend, caller: Caller, input: I) => Promise<object> | object,
): Operation {
  return {
    service,
    input,
    invoke: (backends, caller, params) => run(backends.redshift, caller, readInput<I>(params, input)),
  };
}

function stsOperation<I>(
  input: InputSpec,
  run: (backend: StsBackend, caller: Caller, input: I) => object,
): Operation {
  return {
    service: "sts",
    input,
    invoke: (backends, caller, params) => run(backends.sts, caller, readInput<I>(params, input)),
  };
}

/** Every action the endpoint answers, keyed by the `Action` parameter. */
export const OPERATIONS: Record<string, Operation> = {
  AssociateDataShareConsumer: operation(
    "redshift",
    {
      ...ARN_REQUIRED,
      AssociateEntireAccount: { type: "boolean" },
      ConsumerArn: { type: "string" },
      ConsumerRegion: { type: "string" },
      AllowWrites: { type: "boolean" },
    },
    (b, c, i: Parameters<RedshiftBackend["associateDataShareConsumer"]>[1]) =>
      b.associateDataShareConsumer(c, i),
  ),
  DisassociateDataShareConsumer: operation(
    "redshift",
    {
      ...ARN_REQUIRED,
      DisassociateEntireAccount: { type: "boolean" },
      ConsumerArn: { type: "string" },
      ConsumerRegion: { type: "string" },
    },
    (b, c, i: Parameters<RedshiftBackend["disassociateDataShareConsumer"]>[1]) =>
      b.disassociateDataShareConsumer(c, i),
  ),
  AuthorizeDataShare: operation(
    "redshift",
    {
      ...ARN_REQUIRED,
      ConsumerIdentifier: { type: "string", required: true },
      AllowWrites: { type: "boolean" },
    },
    (b, c, i: Parameters<RedshiftBackend["authorizeDataShare"]>[1]) => b.authorizeDataShare(c, i),
  ),
  DeauthorizeDataShare: operation(
    "redshift",
    { ...ARN_REQUIRED, ConsumerIdentifier: { type: "string", required: true } },
    (b, c, i: Parameters<RedshiftBackend["deauthorizeDataShare"]>[1]) => b.deauthorizeDataShare(c, i),
  ),
  RejectDataShare: operation(
    "redshift",
    ARN_REQUIRED,
    (b, c, i: Parameters<RedshiftBackend["rejectDataShare"]>[1]) => b.rejectDataShare(c, i),
  ),
  DescribeDataShares: operation(
    "redshift",
    { DataShareArn: { type: "string" }, ...PAGE },
    (b, c, i: Parameters<RedshiftBackend["describeDataShares"]>[1]) => b.describeDataShares(c, i),
  ),
  DescribeDataSharesForConsumer: operation(
    "redshift",
    { ConsumerArn: { type: "string" }, Status: { type: "string" }, ...PAGE },
    (b, c, i: Parameters<RedshiftBackend["describeDataSharesForConsumer"]>[1]) =>
      b.describeDataSharesForConsumer(c, i),
  ),
  DescribeDataSharesForProducer: operation(
    "redshift",
    { ProducerArn: { type: "string" }, Status: { type: "string" }, ...PAGE },
    (b, c, i: Parameters<RedshiftBackend["describeDataSharesForProducer"]>[1]) =>
      b.describeDataSharesForProducer(c, i),
  ),
  GetCallerIdentity: stsOperation({}, (b, c) => b.getCallerIdentity(c)),
  AssumeRole: stsOperation(
    {
      RoleArn: { type: "string", required: true },
      RoleSessionName: { type: "string", required: true },
      DurationSeconds: { type: "integer" },
    },
    (b, c, i: AssumeRoleInput) => b.assumeRole(c, i),
  ),
  GetSessionToken: stsOperation({ DurationSeconds: { type: "integer" } }, (b, c, i: GetSessionTokenInput) =>
    b.getSessionToken(c.principal, i),
  ),
};

/** Which operation a request names, given the service it was signed for (or, unsigned, its Version). */
export function findOperation(action: string, service: ServiceName): Operation | undefined {
  const op = Object.prototype.hasOwnProperty.call(OPERATIONS, action) ? OPERATIONS[action] : undefined;
  return op?.service === service ? op : undefined;
}
