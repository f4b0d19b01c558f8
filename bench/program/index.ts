/**
 * The benchmark's user program, copied into a user project that installed the packed package:
 * N resources of one kind, from `bench.json` in the project folder (written by bench/stack.ts). The
 * no-op floors come from ./noop, a module of the project, so Pulumi serializes their providers as
 * it would a user's.
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
