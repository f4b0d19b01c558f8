import { dataShareIdentity } from "../../identity/dataShare";
import type { Grantee, Statement } from "../sql/ast";
import { StatementError } from "../sql/errors";
import { isManagedByAdx, pendingGrant } from "./admin";
import { formatDataShareArn } from "./arns";
import { resolveObjects, schemaOfObject } from "./catalog";
import { ADX_ACCOUNT, findConsumerGrant, type ConsumerKey } from "./consumers";
import { checkAccountLiteral, checkNamespaceLiteral, findOwnShare, type SqlSession } from "./sqlSession";
import type { DataShareRecord, SharedObject } from "./types";

/** The names a datashare ARN can carry: letters (multibyte too), digits, `_`, `$`, `-`. */
const SHARE_NAME = /^[\p{L}\p{M}\p{N}_$-]+$/u;

export function createDatashare(session: SqlSession, s: Statement & { kind: "createDatashare" }): void {
  if (!SHARE_NAME.test(s.name)) {
    throw new StatementError(
      `datashare name "${s.name}" is invalid: use letters, digits, underscores, dollar signs and hyphens`,
    );
  }
  const { account, namespace } = session;
  const arn = formatDataShareArn(namespace.region, account.id, namespace.id, s.name);
  if (session.state.dataShares.some((d) => dataShareIdentity(d.arn) === dataShareIdentity(arn))) {
    throw new StatementError(`datashare "${s.name}" already exists`);
  }
  session.state.dataShares.push({
    arn,
    name: s.name,
    producerAccount: account.id,
    producerNamespace: namespace.id,
    region: namespace.region,
    allowPubliclyAccessibleConsumers: s.publicAccessible ?? false,
    ...(s.managedBy ? { managedBy: s.managedBy } : {}),
    createdDate: session.now,
    consumers: isManagedByAdx(s.managedBy)
      ? [pendingGrant({ accountId: ADX_ACCOUNT, via: "adx" }, session.now)]
      : [],
    database: session.database,
    objects: [],
    includeNew: [],
    namespaceGrants: [],
  });
}

function sameObject(a: SharedObject, b: SharedObject): boolean {
  return a.type === b.type && a.name === b.name;
}

/** The guide: add a schema before the objects in it. */
function requireSchemaShared(share: DataShareRecord, object: SharedObject): void {
  if (object.type === "schema") return;
  const schema = object.name.slice(0, object.name.indexOf("."));
  if (!share.objects?.some((o) => o.type === "schema" && o.name === schema)) {
    throw new StatementError(
      `schema "${schema}" must be added to datashare "${share.name}" before its objects`,
    );
  }
}

/** One statement, all or nothing: every object is checked before any is added or removed. */
export function alterDatashareObjects(
  session: SqlSession,
  s: Statement & { kind: "alterDatashareObjects" },
): void {
  const share = findOwnShare(session, s.name);
  const shared = share.objects ?? [];
  const objects = s.objects.flatMap((ref) => resolveObjects(session.namespace, ref));
  if (s.action === "add") {
    const fresh: SharedObject[] = [];
    for (const ref of s.objects) {
      // ALL TABLES / ALL FUNCTIONS IN SCHEMA take what is there, shared or not (the guide runs it
      // after adding one of the schema's tables); only an object named again is behaviour repeatAdd.
      const named = ref.type !== "allTables" && ref.type !== "allFunctions";
      for (const object of resolveObjects(session.namespace, ref)) {
        const already = [...shared, ...fresh].some((o) => sameObject(o, object));
        if (already && named && session.behaviours.repeatAdd === "refuse") {
          throw new StatementError(`${object.type} "${object.name}" is already in datashare "${share.name}"`);
        }
        if (already) continue;
        requireSchemaShared({ ...share, objects: [...shared, ...fresh] }, object);
        fresh.push(object);
      }
    }
    share.objects = [...shared, ...fresh];
    return;
  }
  for (const object of objects) {
    if (!shared.some((o) => sameObject(o, object)) && session.behaviours.removeAbsent === "refuse") {
      throw new StatementError(`${object.type} "${object.name}" is not in datashare "${share.name}"`);
    }
  }
  // A schema leaves with its objects, so that no object stays shared without its schema (a guess).
  const removedSchemas = new Set(objects.filter((o) => o.type === "schema").map((o) => o.name));
  share.objects = shared.filter(
    (o) => !objects.some((r) => sameObject(o, r)) && !removedSchemas.has(schemaOfObject(o)),
  );
  const schemasLeft = new Set(share.objects.filter((o) => o.type === "schema").map((o) => o.name));
  share.includeNew = (share.includeNew ?? []).filter((schema) => schemasLeft.has(schema));
}

export function alterDatashareSet(session: SqlSession, s: Statement & { kind: "alterDatashareSet" }): void {
  const share = findOwnShare(session, s.name);
  if (s.publicAccessible !== undefined) share.allowPubliclyAccessibleConsumers = s.publicAccessible;
  if (s.includeNew) {
    const { schema, value } = s.includeNew;
    if (!share.objects?.some((o) => o.type === "schema" && o.name === schema)) {
      throw new StatementError(`schema "${schema}" is not in datashare "${share.name}"`);
    }
    const others = (share.includeNew ?? []).filter((n) => n !== schema);
    share.includeNew = value ? [...others, schema] : others;
  }
}

export function dropDatashare(session: SqlSession, name: string): void {
  const share = findOwnShare(session, name);
  session.state.dataShares = session.state.dataShares.filter((d) => d !== share);
  if (session.behaviours.droppedShareDatabases === "dropped") {
    session.state.consumerDatabases = (session.state.consumerDatabases ?? []).filter(
      (db) => db.dataShareArn !== share.arn,
    );
  }
}

function granteeKey(session: SqlSession, grantee: Grantee & { kind: "account" }): ConsumerKey {
  const accountId = checkAccountLiteral(grantee.account);
  if (accountId === session.account.id) {
    throw new StatementError(`can't grant usage to your own account ${accountId}; grant it to a NAMESPACE`);
  }
  return grantee.viaDataCatalog ? { accountId, via: "dataCatalog" } : { accountId };
}

function describeGrantee(grantee: Grantee): string {
  return grantee.kind === "namespace"
    ? `namespace '${grantee.namespace}'`
    : `account '${grantee.account}'${grantee.viaDataCatalog ? " via Data Catalog" : ""}`;
}

export function grantUsage(session: SqlSession, s: Statement & { kind: "grantUsage" }): void {
  const share = findOwnShare(session, s.name);
  const repeated = (): void => {
    if (session.behaviours.repeatGrant === "refuse") {
      throw new StatementError(
        `datashare "${share.name}" is already shared with ${describeGrantee(s.grantee)}`,
      );
    }
  };
  if (s.grantee.kind === "namespace") {
    const namespace = checkNamespaceLiteral(s.grantee.namespace);
    share.namespaceGrants ??= [];
    if (share.namespaceGrants.some((g) => g.namespace === namespace)) return repeated();
    share.namespaceGrants.push({ namespace, createdDate: session.now });
    return;
  }
  const key = granteeKey(session, s.grantee);
  if (findConsumerGrant(share, key)) return repeated();
  share.consumers.push(pendingGrant(key, session.now));
}

/** The grantee loses the share: its grant, authorization and associations go. */
export function revokeUsage(session: SqlSession, s: Statement & { kind: "revokeUsage" }): void {
  const share = findOwnShare(session, s.name);
  const absent = (): void => {
    if (session.behaviours.revokeAbsent === "refuse") {
      throw new StatementError(`datashare "${share.name}" is not shared with ${describeGrantee(s.grantee)}`);
    }
  };
  if (s.grantee.kind === "namespace") {
    const namespace = checkNamespaceLiteral(s.grantee.namespace);
    const before = share.namespaceGrants ?? [];
    share.namespaceGrants = before.filter((g) => g.namespace !== namespace);
    if (share.namespaceGrants.length === before.length) absent();
    return;
  }
  const grant = findConsumerGrant(share, granteeKey(session, s.grantee));
  if (!grant) return absent();
  share.consumers = share.consumers.filter((g) => g !== grant);
}
