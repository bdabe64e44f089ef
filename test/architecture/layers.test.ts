import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
const INFRA = path.join(ROOT, "infra");

/** A source file's folder as the layers see it: `offline/engine`, `model`, or `.` for infra's own files. */
function folderOf(file: string): string {
  const rel = path.relative(INFRA, path.dirname(file)).split(path.sep);
  if (rel[0] === "") return ".";
  if (rel[0] === "offline" && rel[1]) return `offline/${rel[1]}`;
  if (rel[0] === "components") return "components";
  if (rel[0] === "cli") return "cli";
  return rel[0];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

/** Folder -> folders it imports (relative imports inside infra/ only). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(INFRA)) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      const target = path.resolve(path.dirname(file), match[1]);
      if (!target.startsWith(INFRA + path.sep)) continue;
      const to = folderOf(`${target}.ts`);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === "done") return undefined;
    if (state.get(node) === "visiting") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "visiting");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("infra/ layers", () => {
  const graph = folderGraph();

  it("no folder imports a folder that imports it back (directly or through others)", () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it("detects a cycle when one exists (the check can fail)", () => {
    const broken = new Map([...graph].map(([k, v]) => [k, new Set(v)]));
    broken.get("config")!.add("validate");
    expect(findCycle(broken)).toBeDefined();
  });

  it("the functional core sits below everything else, in order", () => {
    // providers/ sits beside validate/ (neither imports the other); adoption reads through both.
    const order = ["azure", "config", "model", "validate", "providers", "adopt"];
    order.forEach((folder, i) => {
      const above = new Set(order.slice(i + 1));
      const imports = [...(graph.get(folder) ?? [])];
      expect(imports.filter((f) => above.has(f) || !order.includes(f)), folder).toEqual([]);
    });
  });

  it("the provider adapters sit above the model, beside validation, below the shell", () => {
    expect([...(graph.get("providers") ?? [])].filter((f) => !["azure", "config", "model"].includes(f))).toEqual([]);
    for (const folder of ["azure", "config", "model", "validate"]) expect([...(graph.get(folder) ?? [])], folder).not.toContain("providers");
    for (const folder of ["components", "offline/views", "adopt"]) expect([...(graph.get(folder) ?? [])], folder).toContain("providers");
  });

  it("every folder says in a one-line README what it is for", () => {
    for (const folder of graph.keys()) {
      if (folder === ".") continue;
      const readme = path.join(INFRA, folder, "README.md");
      expect(fs.existsSync(readme), readme).toBe(true);
      expect(fs.readFileSync(readme, "utf8").trim().split("\n")).toHaveLength(1);
    }
  });
});
