/** The SQL part's user program: DataShare → DataShareGrant → DataShareDatabase, or the floor's chain. */
import * as fs from "node:fs";
import { DataShare, DataShareDatabase, DataShareGrant } from "pulumi-redshift-datashare";
import { FloorResourcePlan, SqlFloorResource } from "./sqlFloor";

/** bench.json's `sql` (bench/sqlRun.ts): the three resources' inputs, and the floor's plans. */
interface SqlStackPlan {
  inputs: { DataShare: DataShareArgs; DataShareGrant: GrantArgs; DataShareDatabase: DatabaseArgs };
  floor: Record<"DataShare" | "DataShareGrant" | "DataShareDatabase", FloorResourcePlan>;
}
type DataShareArgs = ConstructorParameters<typeof DataShare>[1];
type GrantArgs = Omit<ConstructorParameters<typeof DataShareGrant>[1], "dataShareName">;
type DatabaseArgs = Omit<ConstructorParameters<typeof DataShareDatabase>[1], "dataShareArn">;

const { kind, sql } = JSON.parse(fs.readFileSync(String(process.env.BENCH_SQL_PLAN), "utf8")) as {
  kind: string;
  sql: SqlStackPlan;
};

if (kind === "SQL resources") {
  const share = new DataShare("share", sql.inputs.DataShare);
  const grant = new DataShareGrant("grant", { ...sql.inputs.DataShareGrant, dataShareName: share.name });
  const database = { ...sql.inputs.DataShareDatabase, dataShareArn: share.dataShareArn };
  new DataShareDatabase("database", database, { dependsOn: grant });
} else {
  const share = new SqlFloorResource("DataShare", "share", sql.floor.DataShare);
  const grant = new SqlFloorResource("DataShareGrant", "grant", sql.floor.DataShareGrant, {
    dependsOn: share,
  });
  new SqlFloorResource("DataShareDatabase", "database", sql.floor.DataShareDatabase, { dependsOn: grant });
}
