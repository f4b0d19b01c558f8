/**
 * The benchmark's user program: N resources of one kind from `bench.json` (written by
 * bench/stack.ts); the floors from ./noop, a module of the project, serialized as a user's would be.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DataShareConsumer } from "pulumi-redshift-datashare";
import { NoopConsumer, WideNoopConsumer } from "./noop";

const { kind, plans } = JSON.parse(fs.readFileSync(path.join(__dirname, "bench.json"), "utf8")) as {
  kind: "DataShareConsumer" | "no-op" | "no-op, same properties";
  plans: { dataShareArn: string; consumerArn: string }[];
};
const Resource = { DataShareConsumer, "no-op": NoopConsumer, "no-op, same properties": WideNoopConsumer }[
  kind
];
plans.forEach((plan, i) => new Resource(`r${i}`, plan));
