/**
 * `npm run compat [-- --cell <name>]`: runs the compatibility matrix (every cell, or one) and
 * prints a Markdown table. Exit code 1 when a cell fails.
 */
import { parseArgs } from "node:util";
import { startSeededEmulator } from "../../harness/emulatorFixture";
import { CELLS, cellNamed, CompatCell } from "../fixtures/compatMatrix";
import { runCell } from "./runCell";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { cell: { type: "string", multiple: true } }, strict: true });
  const cells: CompatCell[] = values.cell ? values.cell.map(cellNamed) : CELLS;
  const rows: string[] = [];
  let failed = 0;
  for (const cell of cells) {
    const emu = await startSeededEmulator();
    const language = cell.typescript === false ? "JavaScript" : `TypeScript ${cell.typescript}`;
    const cli = cell.cli ? `, Pulumi CLI ${cell.cli}` : "";
    const label = `Node ${cell.node}, @pulumi/pulumi ${cell.pulumi}, ${language}${cli}`;
    try {
      const result = await runCell(cell, emu);
      rows.push(
        `| ${cell.name} | ${label} | PASS | ${result.seconds.toFixed(0)} s | ${result.steps.join("; ")} |`,
      );
    } catch (err) {
      failed++;
      const reason = (err instanceof Error ? err.message : String(err))
        .split("\n")
        .slice(0, 6)
        .join(" ")
        .replace(/\|/g, "\\|");
      rows.push(`| ${cell.name} | ${label} | FAIL | | ${reason} |`);
    } finally {
      await emu.stop();
    }
    process.stderr.write(rows[rows.length - 1] + "\n");
  }
  console.log("| cell | user project | result | time | steps |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
