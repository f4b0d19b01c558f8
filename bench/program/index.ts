/** The benchmark's user program: N resources of one kind from `bench.json` (written by bench/stack.ts). */
import * as fs from "node:fs";
import * as path from "node:path";
import { DataShareConsumer } from "pulumi-redshift-datashare";
import { NoopConsumer, WideNoopConsumer } from "./noop";

const RESOURCES = { DataShareConsumer, "no-op": NoopConsumer, "no-op, same properties": WideNoopConsumer };
const { kind, plans } = JSON.parse(fs.readFileSync(path.join(__dirname, "bench.json"), "utf8")) as {
  kind: keyof typeof RESOURCES;
  plans: { dataShareArn: string; consumerArn: string }[];
};
plans.forEach((plan, i) => new RESOURCES[kind](`r${i}`, plan));
