/**
 * The benchmark's user program, copied into a user project that installed the packed package:
 * N resources of one kind, from the stack config `bench` ({ kind, plans }). The no-op floors come
 * from ./noop, a module of the project, so Pulumi serializes their providers as it would a user's.
 */
import * as pulumi from "@pulumi/pulumi";
import { DataShareConsumer } from "pulumi-redshift-datashare";
import { NoopConsumer, WideNoopConsumer } from "./noop";

interface BenchConfig {
  kind: "DataShareConsumer" | "no-op" | "no-op, same properties";
  plans: { dataShareArn: string; consumerArn: string }[];
}

const { kind, plans } = new pulumi.Config().requireObject<BenchConfig>("bench");

plans.forEach((plan, i) => {
  const name = `r${i}`;
  if (kind === "DataShareConsumer") new DataShareConsumer(name, plan);
  else if (kind === "no-op") new NoopConsumer(name, plan);
  else new WideNoopConsumer(name, plan);
});
