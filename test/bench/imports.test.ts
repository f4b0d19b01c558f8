import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const BENCH = path.join(__dirname, "..", "..", "bench");

/** Every .ts file under bench/, as a path relative to bench/ without the extension. */
function modules(dir = BENCH): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return modules(full);
    return e.name.endsWith(".ts") ? [path.relative(BENCH, full).replace(/\.ts$/, "")] : [];
  });
}

/** The specifiers a module imports or re-exports from, type-only ones included. */
function specifiers(module: string): string[] {
  const text = fs.readFileSync(path.join(BENCH, `${module}.ts`), "utf8");
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/g)];
  return found.map((m) => m[1]).concat([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
}

/** The bench/ modules a module imports (relative imports resolved). */
function benchImports(module: string): string[] {
  return specifiers(module)
    .filter((s) => s.startsWith("."))
    .map((s) => path.relative(BENCH, path.resolve(BENCH, path.dirname(module), s)))
    .filter((target) => !target.startsWith(".."));
}

/** One import circle as a path of modules, or undefined. */
export function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const visit = (node: string, trail: string[]): string[] | undefined => {
    if (state.get(node) === "open") return [...trail.slice(trail.indexOf(node)), node];
    if (state.get(node) === "done") return undefined;
    state.set(node, "open");
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next, [...trail, node]);
      if (cycle) return cycle;
    }
    state.set(node, "done");
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("bench/'s imports", () => {
  const graph = new Map(modules().map((m) => [m, benchImports(m)]));

  it("finds a circle when there is one, and its modules", () => {
    const circle = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    assert.deepEqual(findCycle(circle), ["a", "b", "c", "a"]);
    assert.equal(
      findCycle(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
      undefined,
    );
  });

  it("reads every module's imports, type-only ones included", () => {
    assert.ok(graph.size > 10, [...graph.keys()].join(", "));
    assert.ok(graph.get("run")?.includes("mainPart"), JSON.stringify(graph.get("run")));
    assert.ok(graph.get("sizes")?.includes("stack"), "a type-only import counts");
    // program/plugin.ts imports the SDK generated into the bench project at run time.
    for (const [module, targets] of graph)
      for (const target of targets.filter((t) => !t.startsWith("program/sdks/")))
        assert.ok(graph.has(target), `${module} imports ${target}, not a bench/ module`);
  });

  it("form no circle", () => {
    const cycle = findCycle(graph);
    assert.equal(cycle, undefined, `import circle: ${cycle?.join(" → ")}`);
  });

  it("reach the providers and their schemas only through the package's public entries", () => {
    for (const module of graph.keys()) {
      const inside = specifiers(module).filter((s) => /(^|\/)\.\.\/(provider|sdk|plugin|cli)(\/|$)/.test(s));
      assert.deepEqual(inside, [], `${module} imports the package's internals`);
    }
  });
});
