/**
 * The state the probe starts from and puts back: the producer has authorized the datashare for
 * the consumer account (AUTHORIZED, with its ProducerAllowedWrites) and the consumer has no
 * association with it. Restoring is idempotent and works from whatever a probe step left.
 */
import {
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DisassociateDataShareConsumerCommand,
} from "@aws-sdk/client-redshift";
import { activeEntries, consumerLook, isFault, producerEntry, settle, writesArg, type ProbeApi } from "./api";

export interface StartState {
  producerAllowedWrites: boolean;
}

export class ProbePreconditionError extends Error {
  readonly code = "ERR_PROBE_PRECONDITION";
}

/** The start state could not be put back: the message says what to check by hand. */
export class RestoreError extends Error {
  readonly code = "ERR_PROBE_RESTORE";
}

/** Checks that the datashare is in the state the probe can put back exactly, and records it. */
export async function readStartState(api: ProbeApi): Promise<StartState> {
  const entry = await producerEntry(api);
  if (entry?.Status !== "AUTHORIZED") {
    const status = entry?.Status ?? "not granted";
    throw new ProbePreconditionError(
      `The datashare must be AUTHORIZED for consumer account ${api.consumerAccount} with no association ` +
        `(the producer sees ${status}). ` +
        (status === "ACTIVE"
          ? "Disassociate the consumer's associations first: the probe would interrupt them."
          : `Authorize it first: aws redshift authorize-data-share --data-share-arn ${api.dataShareArn} ` +
            `--consumer-identifier ${api.consumerAccount} (after GRANT USAGE ... TO ACCOUNT in SQL).`),
    );
  }
  return { producerAllowedWrites: entry.ProducerAllowedWrites === true };
}

/** Removes one live association, whichever target its entry stands for. */
async function disassociateEntry(
  api: ProbeApi,
  identifier: string,
  region: string | undefined,
): Promise<void> {
  const attempts =
    identifier === api.consumerAccount
      ? [...(region ? [{ ConsumerRegion: region }] : []), { DisassociateEntireAccount: true }]
      : [{ ConsumerArn: identifier }];
  for (const target of attempts) {
    try {
      await api.consumer.send(
        new DisassociateDataShareConsumerCommand({ DataShareArn: api.dataShareArn, ...target }),
      );
      return;
    } catch (err) {
      // An account-level entry with a region is either a region or the entire account: try both.
      if (!isFault(err, "InvalidDataShareFault", "isn't associated")) throw err;
    }
  }
}

const authorize = (api: ProbeApi, allowWrites: boolean) =>
  api.producer.send(
    new AuthorizeDataShareCommand({
      DataShareArn: api.dataShareArn,
      ConsumerIdentifier: api.consumerAccount,
      ...writesArg(allowWrites),
    }),
  );

/** Puts the start state back; a RestoreError when AWS does not show it within the settle timeout. */
export async function restoreStartState(api: ProbeApi, start: StartState): Promise<void> {
  try {
    await restore(api, start);
  } catch (err) {
    if (err instanceof RestoreError) throw err;
    throw new RestoreError(
      `Could not restore the start state of datashare ${api.dataShareArn} (AUTHORIZED for ` +
        `${api.consumerAccount}, ProducerAllowedWrites=${start.producerAllowedWrites}, no association): ` +
        `${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

async function restore(api: ProbeApi, start: StartState): Promise<void> {
  const entry = await producerEntry(api);
  if (entry?.Status !== "AUTHORIZED" && entry?.Status !== "ACTIVE") {
    await authorize(api, start.producerAllowedWrites);
  } else {
    for (const live of activeEntries(await consumerLook(api))) {
      await disassociateEntry(api, live.ConsumerIdentifier ?? "", live.ConsumerRegion);
    }
  }
  const now = await settle(
    api,
    () => producerEntry(api),
    (e) => e?.Status === "AUTHORIZED",
  );
  if ((now?.ProducerAllowedWrites === true) !== start.producerAllowedWrites) {
    // Authorizing again may be refused or ignored (behaviour reauthorizeOtherWrites): start over.
    await api.producer.send(
      new DeauthorizeDataShareCommand({
        DataShareArn: api.dataShareArn,
        ConsumerIdentifier: api.consumerAccount,
      }),
    );
    await settle(
      api,
      () => producerEntry(api),
      (e) => e?.Status === "DEAUTHORIZED",
    );
    await authorize(api, start.producerAllowedWrites);
  }
  const restored = await settle(
    api,
    async () => [await producerEntry(api), await consumerLook(api)] as const,
    ([e, look]) =>
      e?.Status === "AUTHORIZED" &&
      (e.ProducerAllowedWrites === true) === start.producerAllowedWrites &&
      activeEntries(look).length === 0,
  );
  const [e, look] = restored;
  const writes = e?.ProducerAllowedWrites === true;
  if (
    e?.Status !== "AUTHORIZED" ||
    writes !== start.producerAllowedWrites ||
    activeEntries(look).length > 0
  ) {
    throw new RestoreError(
      `Could not restore the start state: the producer sees ${e?.Status ?? "no entry"} with ` +
        `ProducerAllowedWrites=${writes} (was ${start.producerAllowedWrites}), the consumer ` +
        `${activeEntries(look).length} live association(s). Check datashare ${api.dataShareArn} by hand.`,
    );
  }
}
