/**
 * The adapter to the Redshift API and STS: with dataApi.ts (the Redshift Data API), the only
 * modules that import the AWS SDK. It turns SDK shapes into plain data (types.ts) and SDK
 * exceptions into AwsCallError, so everything else stays testable without a client.
 */
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DataShare,
  DeauthorizeDataShareCommand,
  DescribeDataSharesCommand,
  DisassociateDataShareConsumerCommand,
  RedshiftClient,
  RedshiftServiceException,
} from "@aws-sdk/client-redshift";
import { GetCallerIdentityCommand, STSClient, STSServiceException } from "@aws-sdk/client-sts";
import { AwsCredentials, DEFAULT_MAX_ATTEMPTS } from "./config";
import { AwsCallError, IncompleteListingError } from "./errors";
import {
  AssociateRequest,
  AuthorizeRequest,
  DeauthorizeRequest,
  DisassociateRequest,
  LiveDataShare,
} from "./types";

export interface ClientSettings {
  region: string;
  /** The Redshift endpoint only; STS is left to the SDK's own resolution (AWS_ENDPOINT_URL_STS, …). */
  endpoint?: string;
  /** An STS endpoint for in-process use (tests); the engine's provider never sets it. */
  stsEndpoint?: string;
  profile?: string;
  maxAttempts?: number;
  credentials?: AwsCredentials;
}

/** The calls both resources make: reading a datashare, and who the caller is. */
export interface DataShareReader {
  /** Every page of DescribeDataShares for one datashare ARN. */
  describeDataShares(dataShareArn: string): Promise<LiveDataShare[]>;
  /** The account whose credentials sign the calls. */
  getCallerIdentity(): Promise<{ account: string }>;
}

/** The consumer's calls (DataShareConsumer). */
export interface RedshiftApi extends DataShareReader {
  associateDataShareConsumer(request: AssociateRequest): Promise<LiveDataShare>;
  disassociateDataShareConsumer(request: DisassociateRequest): Promise<void>;
}

/** The consumer's calls, by the name its sibling's API has. */
export type ConsumerApi = RedshiftApi;

/** The producer's calls (DataShareAuthorization). */
export interface ProducerApi extends DataShareReader {
  authorizeDataShare(request: AuthorizeRequest): Promise<LiveDataShare>;
  deauthorizeDataShare(request: DeauthorizeRequest): Promise<void>;
}

/** Guard against a server that never stops paging (the SDK's own paginator would loop forever). */
export const MAX_PAGES = 1000;

/** One page of a listing: its items and the marker of the next page (absent on the last). */
export interface Page<T> {
  items: T[];
  marker?: string;
}

/**
 * Every page, or a failure: a listing cut short could miss the very entry a read looks for and
 * make it report a live association gone, so hitting the page limit is an error, never an answer.
 */
export async function collectPages<T>(
  fetchPage: (marker: string | undefined) => Promise<Page<T>>,
  what: string,
  maxPages = MAX_PAGES,
): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const out = await fetchPage(marker);
    items.push(...out.items);
    if (!out.marker) return items;
    if (out.marker === marker) {
      throw incomplete(
        `${what}: the service returned the same page marker twice, so the listing cannot be completed`,
      );
    }
    marker = out.marker;
  }
  throw incomplete(
    `${what}: the listing had more than ${maxPages} pages and was not read to the end, so it is not known ` +
      "whether the association exists; nothing was concluded from it. Try again later.",
  );
}

function incomplete(message: string): IncompleteListingError {
  return new IncompleteListingError(message);
}

/** What every client of one settings shares: region, attempts with adaptive retries, profile, keys. */
export function commonClientConfig(settings: ClientSettings) {
  return {
    region: settings.region,
    maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: "adaptive",
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  };
}

/** The STS client of these settings (GetCallerIdentity), for this adapter and dataApi.ts. */
export function createStsClient(settings: ClientSettings): STSClient {
  return new STSClient({
    ...commonClientConfig(settings),
    ...(settings.stsEndpoint ? { endpoint: settings.stsEndpoint } : {}),
  });
}

/** GetCallerIdentity: the account whose credentials sign the calls. */
export async function callerIdentity(sts: STSClient): Promise<{ account: string }> {
  const out = await callAws("GetCallerIdentity", () => sts.send(new GetCallerIdentityCommand({})));
  if (!out.Account) throw new AwsCallError("GetCallerIdentity", "EmptyResponse", "no Account in the answer");
  return { account: out.Account };
}

/**
 * The client factory: one Redshift and one STS client per settings, with adaptive retries. The
 * adapter serves both resources' calls; each provider sees it through its own API type.
 */
export function createRedshiftApi(settings: ClientSettings): ConsumerApi & ProducerApi {
  const common = commonClientConfig(settings);
  // An explicit endpoint wins over the SDK's own (AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL,
  // endpoint_url in the shared config); each client gets only the endpoint meant for its service.
  const redshift = new RedshiftClient({
    ...common,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
  });
  const sts = createStsClient(settings);

  return {
    associateDataShareConsumer(request) {
      return call("AssociateDataShareConsumer", () =>
        redshift.send(new AssociateDataShareConsumerCommand(request)),
      ).then(toLiveDataShare);
    },
    disassociateDataShareConsumer(request) {
      // The answer (the datashare and its remaining associations) is not used: skip converting it.
      return call("DisassociateDataShareConsumer", () =>
        redshift.send(new DisassociateDataShareConsumerCommand(request)),
      ).then(() => undefined);
    },
    authorizeDataShare(request) {
      return call("AuthorizeDataShare", () => redshift.send(new AuthorizeDataShareCommand(request))).then(
        toLiveDataShare,
      );
    },
    deauthorizeDataShare(request) {
      return call("DeauthorizeDataShare", () => redshift.send(new DeauthorizeDataShareCommand(request))).then(
        () => undefined,
      );
    },
    describeDataShares(dataShareArn) {
      return collectPages(async (marker) => {
        const out = await call("DescribeDataShares", () =>
          redshift.send(new DescribeDataSharesCommand({ DataShareArn: dataShareArn, Marker: marker })),
        );
        return { items: (out.DataShares ?? []).map(toLiveDataShare), marker: out.Marker };
      }, `DescribeDataShares of ${dataShareArn}`);
    },
    getCallerIdentity: () => callerIdentity(sts),
  };
}

/** An SDK's service exception class (its answers carry AWS's code, message and request id). */
export type ServiceExceptionClass = abstract new (...args: never[]) => Error & {
  $metadata: { requestId?: string; httpStatusCode?: number };
};

/**
 * The SDK call, its failure (thrown or rejected) as an AwsCallError; `services` are the exception
 * classes of other SDK clients (dataApi.ts) whose answers to read as AWS's.
 */
export function callAws<T>(
  operation: string,
  send: () => Promise<T>,
  services: readonly ServiceExceptionClass[] = [],
): Promise<T> {
  let sent: Promise<T>;
  try {
    sent = send();
  } catch (e) {
    return Promise.reject(toAwsCallError(operation, e, services));
  }
  return sent.then(undefined, (e: unknown) => {
    throw toAwsCallError(operation, e, services);
  });
}

const call = callAws;

function toAwsCallError(
  operation: string,
  e: unknown,
  services: readonly ServiceExceptionClass[],
): AwsCallError {
  if (
    e instanceof RedshiftServiceException ||
    e instanceof STSServiceException ||
    services.some((Service) => e instanceof Service)
  ) {
    const s = e as InstanceType<ServiceExceptionClass>;
    return new AwsCallError(operation, s.name, s.message, s.$metadata.requestId, s.$metadata.httpStatusCode);
  }
  if (e instanceof Error) {
    // Transport or credential failures: no HTTP answer. Prefer Node's code (ECONNRESET) over the name.
    const code = (e as { code?: unknown }).code;
    return new AwsCallError(operation, typeof code === "string" ? code : e.name, e.message);
  }
  return new AwsCallError(operation, "Unknown", String(e));
}

function toLiveDataShare(d: DataShare): LiveDataShare {
  return {
    dataShareArn: d.DataShareArn,
    producerArn: d.ProducerArn,
    allowPubliclyAccessibleConsumers: d.AllowPubliclyAccessibleConsumers,
    managedBy: d.ManagedBy,
    dataShareType: d.DataShareType,
    associations: (d.DataShareAssociations ?? []).map((a) => ({
      consumerIdentifier: a.ConsumerIdentifier,
      status: a.Status,
      consumerRegion: a.ConsumerRegion,
      createdDate: a.CreatedDate?.toISOString(),
      statusChangeDate: a.StatusChangeDate?.toISOString(),
      producerAllowedWrites: a.ProducerAllowedWrites,
      consumerAcceptedWrites: a.ConsumerAcceptedWrites,
    })),
  };
}
