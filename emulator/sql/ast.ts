/** What the grammar makes of one statement; names are already folded as Redshift stores them. */

export type SharedObjectRef =
  | { type: "schema"; schema: string }
  | { type: "table"; schema: string; table: string }
  | { type: "function"; schema: string; name: string; argTypes: string[] }
  | { type: "allTables"; schema: string }
  | { type: "allFunctions"; schema: string };

export type Grantee =
  { kind: "account"; account: string; viaDataCatalog: boolean } | { kind: "namespace"; namespace: string };

export interface Condition {
  column: string;
  value: string | number | boolean;
}

export type Statement =
  | { kind: "createDatashare"; name: string; publicAccessible?: boolean; managedBy?: string }
  | { kind: "alterDatashareObjects"; name: string; action: "add" | "remove"; objects: SharedObjectRef[] }
  | {
      kind: "alterDatashareSet";
      name: string;
      publicAccessible?: boolean;
      includeNew?: { value: boolean; schema: string };
    }
  | { kind: "dropDatashare"; name: string }
  | { kind: "grantUsage"; name: string; grantee: Grantee }
  | { kind: "revokeUsage"; name: string; grantee: Grantee }
  | {
      kind: "createDatabaseFromDatashare";
      database: string;
      share: string;
      account?: string;
      namespace: string;
      withPermissions: boolean;
    }
  | { kind: "dropDatabase"; database: string }
  | { kind: "select"; columns: string[] | "*"; view: string; where: Condition[] };

export type StatementKind = Statement["kind"];
