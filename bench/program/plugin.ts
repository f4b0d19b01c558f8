/** The plugin's user program: N DataShareConsumer of the SDK generated from its schema, from `bench.json`. */
import * as fs from "node:fs";
import * as path from "node:path";
// @ts-expect-error: the generated SDK is copied into the bench project, not part of the repo.
import { DataShareConsumer } from "./sdks/redshift-datashare";

const { plans } = JSON.parse(fs.readFileSync(path.join(__dirname, "bench.json"), "utf8")) as {
  plans: { dataShareArn: string; consumerArn: string }[];
};

plans.forEach((plan, i) => new DataShareConsumer(`r${i}`, plan));
