/**
 * The benchmark's user program for the provider plugin: N DataShareConsumer resources of the SDK
 * generated from the plugin's schema (copied into the project as ./sdks/redshift-datashare), from
 * `bench.json` in the project folder, as bench/program/index.ts declares the dynamic ones.
 */
import * as fs from "node:fs";
import * as path from "node:path";
// @ts-expect-error: the generated SDK is copied into the bench project, not part of the repo.
import { DataShareConsumer } from "./sdks/redshift-datashare";

const { plans } = JSON.parse(fs.readFileSync(path.join(__dirname, "bench.json"), "utf8")) as {
  plans: { dataShareArn: string; consumerArn: string }[];
};

plans.forEach((plan, i) => new DataShareConsumer(`r${i}`, plan));
