/**
 * The benchmark's user program for the provider plugin: N DataShareConsumer resources of the SDK
 * generated from the plugin's schema (copied into the project as ./sdks/redshift-datashare), from
 * the stack config `bench` ({ plans }), as bench/program/index.ts declares the dynamic ones.
 */
import * as pulumi from "@pulumi/pulumi";
// @ts-expect-error: the generated SDK is copied into the bench project, not part of the repo.
import { DataShareConsumer } from "./sdks/redshift-datashare";

const { plans } = new pulumi.Config().requireObject<{
  plans: { dataShareArn: string; consumerArn: string }[];
}>("bench");

plans.forEach((plan, i) => new DataShareConsumer(`r${i}`, plan));
