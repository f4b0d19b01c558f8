/**
 * The datashare's whole lifecycle (issue 29) as two YAML programs through the provider plugin:
 * the producer's stack (DataShare `share` with a list of schemas, DataShareGrant `grant`,
 * DataShareAuthorization `toConsumer`) and the consumer's (DataShareConsumer `association`,
 * DataShareDatabase `ordersDb`), on one file backend so that the consumer's StackReference reads
 * the producer's datashare ARN. Each stack runs as its account (`redshift-datashare:profile`).
 * The producer works on its provisioned cluster, the consumer on its serverless workgroup.
 * Also what the emulator holds of them, to hold the stacks to.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stackReferenceName } from "./crossAccount";
import { Emulator } from "./emulatorFixture";
import { pluginInstall, pluginPath, profilesEnv, projectDir } from "./pluginProjects";
import { PulumiStack, StateResource } from "./pulumiStack";

export const SHARE_NAME = "orders_share";
export const DATABASE_NAME = "orders_db";
const CONSUMER_NAMESPACE = 1; // the consumer's serverless namespace (workgroup)

/** The shared objects as the program declares them: some tables and a function, a whole schema. */
export const DECLARED_SCHEMAS = [
  {
    name: "sales",
    tables: ["orders", "daily_totals"],
    functions: ["f_net(integer, integer)"],
    includeNew: true,
  },
  { name: "public", allTables: true },
];

/** The shared objects, as the emulator holds them (`type schema.name`), once the program is up. */
export const SHARED_OBJECTS = [
  "function sales.f_net(integer,integer)",
  "schema public",
  "schema sales",
  "table public.customers",
  "table public.orders",
  "table sales.orders",
  "view public.order_summary",
  "view sales.daily_totals",
];

/** Each SQL resource of the lifecycle: which of the two stacks holds it, and its name in the program. */
export const SQL_RESOURCES = [
  { resource: "DataShare", side: "producer", name: "share" },
  { resource: "DataShareGrant", side: "producer", name: "grant" },
  { resource: "DataShareDatabase", side: "consumer", name: "ordersDb" },
] as const;

export interface SqlStacks {
  producer: PulumiStack;
  consumer: PulumiStack;
  /** The file backend both stacks live in. */
  stateDir: string;
}

function producerProgram(emu: Emulator): object {
  const { clusterIdentifier, database } = emu.dataApiTarget("producer", 0);
  const where = { clusterIdentifier, database, dbUser: "admin" };
  return {
    resources: {
      share: {
        type: "redshift-datashare:DataShare",
        properties: { ...where, name: SHARE_NAME, schemas: DECLARED_SCHEMAS },
      },
      grant: {
        type: "redshift-datashare:DataShareGrant",
        // Literal strings: pulumi-yaml reads a 12-digit account ID from config as a number.
        properties: {
          ...where,
          dataShareName: "${share.name}",
          consumerIdentifier: emu.accountId("consumer"),
        },
      },
      toConsumer: {
        type: "redshift-datashare:DataShareAuthorization",
        properties: { dataShareArn: "${grant.dataShareArn}", consumerIdentifier: emu.accountId("consumer") },
      },
    },
    outputs: { dataShareArn: "${share.dataShareArn}" },
  };
}

function consumerProgram(emu: Emulator, producerStack: string): object {
  const { workgroupName, database } = emu.dataApiTarget("consumer", CONSUMER_NAMESPACE);
  return {
    resources: {
      producer: { type: "pulumi:pulumi:StackReference", properties: { name: producerStack } },
      association: {
        type: "redshift-datashare:DataShareConsumer",
        properties: {
          dataShareArn: '${producer.outputs["dataShareArn"]}',
          consumerArn: emu.namespaceArn("consumer", CONSUMER_NAMESPACE),
        },
      },
      ordersDb: {
        type: "redshift-datashare:DataShareDatabase",
        properties: {
          workgroupName,
          database,
          name: DATABASE_NAME,
          dataShareArn: "${association.dataShareArn}",
        },
      },
    },
  };
}

/** Both stacks, made side by side, not yet up. */
export async function sqlStacks(emu: Emulator): Promise<SqlStacks> {
  const { pluginDir } = await pluginInstall();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "rds-sql-state-"));
  const suffix = randomUUID().slice(0, 8);
  const producerName = `p${suffix}`;
  const programs = {
    producer: producerProgram(emu),
    consumer: consumerProgram(emu, stackReferenceName("rds-sql-producer", producerName)),
  };
  const [producer, consumer] = await Promise.all(
    (["producer", "consumer"] as const).map(async (side) => {
      const dir = projectDir(`sql-${side}`, {
        "Pulumi.yaml": {
          name: `rds-sql-${side}`,
          runtime: "yaml",
          ...pluginPath(pluginDir),
          ...programs[side],
        },
      });
      const stack = await PulumiStack.init({
        projectDir: dir,
        stackName: side === "producer" ? producerName : `c${suffix}`,
        stateDir,
        languages: ["yaml"],
        env: profilesEnv(emu, dir),
      });
      await stack.setConfig({ "redshift-datashare:profile": side });
      return stack;
    }),
  );
  return { producer, consumer, stateDir };
}

export async function disposeSqlStacks(stacks: SqlStacks | undefined): Promise<void> {
  if (!stacks) return;
  for (const stack of [stacks.consumer, stacks.producer]) await stack.dispose().catch(() => undefined);
  fs.rmSync(stacks.stateDir, { recursive: true, force: true });
}

/** What the emulator holds of the lifecycle's objects, in words a failed assertion shows plainly. */
export interface LiveSqlObjects {
  /** `type name` of each object the datashare holds; undefined when there is no datashare. */
  objects?: string[];
  /** Schemas with INCLUDENEW on. */
  includeNew?: string[];
  /** `<account> <status>` of each consumer account the datashare is granted to. */
  grants: string[];
  /** `<consumer identifier> <status>` of each association. */
  associations: string[];
  /** `<namespace GUID> <database> <datashare ARN>` of each consumer database made from a datashare. */
  databases: string[];
}

export function liveSqlObjects(emu: Emulator, shareName = SHARE_NAME): LiveSqlObjects {
  const state = emu.admin.snapshot();
  const share = state.dataShares.find((d) => d.name === shareName);
  return {
    objects: share?.objects?.map((o) => `${o.type} ${o.name}`).sort(),
    includeNew: share?.includeNew ? [...share.includeNew].sort() : undefined,
    grants: (share?.consumers ?? []).map((c) => `${c.accountId} ${c.status}`),
    associations: (share?.consumers ?? []).flatMap((c) =>
      c.associations.map(
        (a) => `${a.target.kind === "namespace" ? a.target.arn : a.target.kind} ${a.status}`,
      ),
    ),
    databases: (state.consumerDatabases ?? []).map((d) => `${d.namespaceId} ${d.name} ${d.dataShareArn}`),
  };
}

/** The live objects once both stacks are up. */
export function expectedLiveObjects(emu: Emulator): LiveSqlObjects {
  const arn = emu.dataShareArn(SHARE_NAME);
  return {
    objects: SHARED_OBJECTS,
    includeNew: ["sales"],
    grants: [`${emu.accountId("consumer")} AUTHORIZED`],
    associations: [`${emu.namespaceArn("consumer", CONSUMER_NAMESPACE)} ACTIVE`],
    databases: [`${emu.dataApiTarget("consumer", CONSUMER_NAMESPACE).namespaceId} ${DATABASE_NAME} ${arn}`],
  };
}

/** A resource of a stack's state, by its name in the program. */
export async function stateResource(stack: PulumiStack, name: string): Promise<StateResource | undefined> {
  const resources = (await stack.exportStack()).deployment.resources ?? [];
  return resources.find((r) => r.urn.endsWith(`::${name}`) && (r as { delete?: boolean }).delete !== true);
}

export async function stateOutputs(
  stack: PulumiStack,
  name: string,
): Promise<Record<string, unknown> | undefined> {
  return (await stateResource(stack, name))?.outputs;
}
