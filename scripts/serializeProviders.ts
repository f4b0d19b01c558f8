/**
 * Build step (after tsc): serializes the compiled provider shims with Pulumi's closure serializer
 * and writes dist/sdk/serializedProviders.json, which the resource classes ship as `__provider`.
 */
import * as fs from "node:fs";
import * as path from "node:path";

async function main(): Promise<void> {
  const sdkDir = path.join(__dirname, "..", "dist", "sdk");
  const compiled = require(
    path.join(sdkDir, "serializedProvider.js"),
  ) as typeof import("../sdk/serializedProvider");
  const texts = await compiled.serializeAllShims();
  fs.writeFileSync(
    path.join(sdkDir, compiled.SERIALIZED_PROVIDERS_FILE),
    JSON.stringify(texts, null, 2) + "\n",
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
