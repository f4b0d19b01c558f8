import { startSeededEmulator } from "../../harness/emulatorFixture";
import { cellNamed } from "../fixtures/compatMatrix";
import { runCell } from "./runCell";

/**
 * One fast cell of the compatibility matrix in `npm test`: today's Node.js LTS with the latest
 * @pulumi/pulumi, as most users run it. `npm run compat` runs every cell.
 */
describe("compatibility (one cell; npm run compat runs the matrix)", function () {
  this.timeout(15 * 60 * 1000);

  it("node22-pulumi-latest: installs cleanly and runs up, preview, the drift command, refresh and destroy", async () => {
    const emu = await startSeededEmulator();
    try {
      const result = await runCell(cellNamed("node22-pulumi-latest"), emu);
      for (const line of result.steps) console.log(`      ${line}`);
    } finally {
      await emu.stop();
    }
  });
});
