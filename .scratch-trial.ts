import { consumersStack, consumerOutputs, plannedSteps } from "../work/main/test/support/userStacks";
import { startSeededEmulator } from "../work/main/test/support/emulatorFixture";
(async () => {
  const emu = await startSeededEmulator();
  let t = Date.now();
  const stack = await consumersStack(emu, { analytics: { dataShareArn: emu.dataShareArn("sales"), consumerArn: emu.namespaceArn("consumer", 0) } });
  console.log("setup", Date.now() - t); t = Date.now();
  const up = await stack.up();
  console.log("up", Date.now() - t, plannedSteps(up.events)); t = Date.now();
  console.log(up.stdout);
  console.log(await consumerOutputs(stack, "analytics"));
  const p = await stack.preview(["--expect-no-changes"]);
  console.log("preview", Date.now() - t); t = Date.now();
  const r = await stack.preview(["--refresh", "--expect-no-changes"]);
  console.log("preview refresh", Date.now() - t); t = Date.now();
  await stack.dispose();
  console.log("dispose", Date.now() - t);
  await emu.stop();
})().catch((e) => { console.error(e); process.exit(1); });
