/**
 * SDKs of the provider plugin, written by `pulumi package gen-sdk` from the packed plugin's schema
 * into a temporary folder: generated at test time, once per language and test process, never
 * committed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { OtherLanguage } from "./pulumiCli";
import { cliEnv, run } from "./pluginProjects";

export type SdkLanguage = "nodejs" | Exclude<OtherLanguage, "yaml">;

const generated = new Map<string, Promise<string>>();
const folders: string[] = [];

/** Deletes every SDK generated so far (an `after` hook). */
export function removeGeneratedSdks(): void {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  generated.clear();
}

/** The folder of the generated SDK (`<out>/<language>`); the plugin executable is the schema's source. */
export function generateSdk(pluginDir: string, language: SdkLanguage): Promise<string> {
  const key = `${pluginDir}\n${language}`;
  let sdk = generated.get(key);
  if (!sdk) {
    sdk = (async () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), `rds-sdk-${language}-`));
      folders.push(out);
      const executable = path.join(pluginDir, "pulumi-resource-redshift-datashare");
      const languages = language === "nodejs" ? [] : [language];
      await run(
        "pulumi",
        ["package", "gen-sdk", executable, "--language", language, "--out", out],
        out,
        await cliEnv(out, languages),
      );
      return path.join(out, language);
    })();
    sdk.catch(() => generated.delete(key));
    generated.set(key, sdk);
  }
  return sdk;
}
