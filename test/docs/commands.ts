/**
 * Every command the documents show outside the README's quick start (whose blocks
 * test/docs/quickstart.e2e.test.ts runs as written): the test that runs it, or why none does.
 * test/docs/docsTruth.test.ts keeps this list and the documents in step.
 */
export type CommandFate = { file: string; command: string } & ({ runBy: string } | { notRun: string });

const NEEDS_AWS =
  "needs a real AWS account and stack; the e2e tier runs the same command against the emulator";

export const COMMANDS: CommandFate[] = [
  { file: "README.md", command: "npm install pulumi-redshift-datashare", runBy: "harness/userProject.ts" },
  {
    file: "README.md",
    command: 'npx pulumi-redshift-datashare drift --stack prod --markdown "$GITHUB_STEP_SUMMARY"',
    notRun: NEEDS_AWS,
  },
  { file: "README.md", command: "pulumi up --refresh --yes --stack prod", notRun: NEEDS_AWS },
  ...[
    'fresh=$(mktemp -d) && git clone <the repository> "$fresh/clone" && mkdir "$fresh/home" "$fresh/cache"',
    'cd "$fresh/clone" && uptime',
    'time env HOME="$fresh/home" PULUMI_RDS_CACHE="$fresh/cache" CI=true bash .ci/run 2>&1 | tee "$fresh/run.log"',
    'uptime && du -sh "$fresh/home" "$fresh/cache"',
    'chmod -R u+w "$fresh" && rm -rf "$fresh"',
  ].map((command) => ({
    file: "docs/testing.md",
    command,
    notRun:
      "the measurement of .ci/run with nothing cached: half an hour of every core, run by hand; its figure is written there",
  })),
  { file: "README.md", command: "npm ci", notRun: "the developer's own set-up; CI runs it first" },
  { file: "README.md", command: "npm test", notRun: "it is the whole suite, this test among it" },
  {
    file: "docs/plugin.md",
    command: "npm install pulumi-redshift-datashare",
    runBy: "test/plugin/nodejs.e2e.test.ts",
  },
  {
    file: "docs/plugin.md",
    command: "go install github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v1.25.0",
    runBy: "scripts/language-host.sh",
  },
  {
    file: "docs/plugin.md",
    command: "mkdir rds-plugin && cd rds-plugin",
    runBy: "test/plugin/install.e2e.test.ts",
  },
  {
    file: "docs/plugin.md",
    command: "npm install pulumi-redshift-datashare@0.3.0",
    notRun:
      "fetches the published release from the registry; test/plugin/install.e2e.test.ts installs the packed one",
  },
  {
    file: "docs/plugin.md",
    command: "cp node_modules/pulumi-redshift-datashare/plugin/pulumi-resource-redshift-datashare .",
    runBy: "test/plugin/install.e2e.test.ts",
  },
  {
    file: "docs/plugin.md",
    command: "pulumi plugin install resource redshift-datashare 0.3.0 -f .",
    runBy: "test/plugin/install.e2e.test.ts",
  },
  {
    file: "docs/plugin.md",
    command:
      "pulumi import redshift-datashare:index:DataShareConsumer analytics '<dataShareArn>,namespace,<consumerArn>'",
    runBy: "test/plugin/import.e2e.test.ts",
  },
  {
    file: "docs/plugin.md",
    command:
      "pulumi import redshift-datashare:index:DataShareAuthorization toConsumer '<dataShareArn>,<consumerIdentifier>'",
    runBy: "test/plugin/import.e2e.test.ts",
  },
  {
    file: "docs/plugin.md",
    command:
      "pulumi package gen-sdk node_modules/pulumi-redshift-datashare/plugin/pulumi-resource-redshift-datashare --language go --out sdk",
    runBy: "test/plugin/sdks.e2e.test.ts",
  },
  {
    file: "docs/reliability.md",
    command: "npm run build",
    notRun: "the developer's build; every package-tier run does it",
  },
  {
    file: "docs/reliability.md",
    command: "npm run reliability",
    notRun: "the full reliability run takes many minutes; the e2e tier runs its scenarios at small size",
  },
  {
    file: "docs/reliability.md",
    command: "node -r ts-node/register/transpile-only test/reliability/run.ts --size small",
    notRun: "the runner's own command line; test/reliability/faults.test.ts runs its scenarios at this size",
  },
  {
    file: "docs/reliability.md",
    command:
      "node -r ts-node/register/transpile-only test/reliability/run.ts --size 25 --only throttling,sigint --json out.json",
    notRun: "a developer's chosen subset of the run above, which test/reliability/faults.test.ts drives",
  },
];
