/**
 * What read says when the database is gone, or remains with no datashare feeding it: one sentence
 * for people (a warning) and, when gone, the reason for the drift command (../core/goneReport.ts).
 * Pure.
 */
import type { GoneReason } from "../core/goneReport";
import { describeShare } from "./find";
import type { DatabaseKey, InboundShare } from "./types";

/**
 * Gone: dropped by hand while its datashare still reaches the namespace (the consumer's `up` makes
 * it again), or gone with a datashare that no longer does (the producer must act first).
 */
export function goneReport(
  where: string,
  datashareReaches: boolean,
  share: InboundShare | undefined,
  localOfThatName: boolean,
): { reason: GoneReason; sentence: string } {
  if (datashareReaches || share === undefined) {
    const local = localOfThatName ? " (a local database of that name exists now)" : "";
    return {
      reason: { kind: "database-dropped" },
      sentence: `${where} was dropped outside Pulumi${local}; the next \`pulumi up\` creates it again.`,
    };
  }
  return {
    reason: { kind: "datashare-gone" },
    sentence:
      `${where} is gone, and ${describeShare(share)} no longer reaches this namespace; the next \`pulumi up\` ` +
      "fails, changing nothing, until the producer shares it again and it is associated (DataShareConsumer).",
  };
}

/** The database remains, but no datashare feeds it: who must act, in one warning. */
export function unfedAdvice(key: Pick<DatabaseKey, "name">, share: InboundShare | undefined): string {
  const which = share ? describeShare(share) : "its datashare";
  return (
    `database ${key.name} remains, but ${which} no longer reaches this namespace (the producer dropped it, or it is ` +
    "no longer granted, authorized or associated), so queries through it fail; the producer must share and authorize " +
    "it again and the consumer associate it (DataShareConsumer). A datashare dropped and created again may need the " +
    "database made again: `pulumi up --replace` on it."
  );
}
