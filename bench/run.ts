import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import Table from "cli-table3";
import { Command } from "commander";
import { resultFiles } from "./resultsFiles";
import type { ProviderName } from "../infra/config/configSchema";
import { loadConfig } from "../infra/validate/loadConfig";
import { buildBackupModel } from "../infra/model/backupModel";
import type { BenchCase, BenchMeasurement } from "./child";
import { syntheticStackConfig } from "./syntheticEstate";

/**
 * `npm run bench`: plans synthetic estates offline, each in a fresh process, for both renderers,
 * beside baselines that declare the same resources with the SDK alone. Prints a table and writes
 * bench/results/latest.md (and .json). Measures only; the tests never assert on time.
 */

const ROOT = path.resolve(__dirname, "..");
const CHILD = path.join(__dirname, "child.ts");
/**
 * The SDK-only baseline keeps every type alias and peaks at about 4 GB at 1,000 VMs with VM-side
 * resources, at the edge of Node's default heap; it gets this much so that there is always a figure to
 * compare with. Project runs always get Node's default heap.
 */
const BASELINE_HEAP_MB = 12288;

interface Row extends BenchCase {
  readonly ok: boolean;
  readonly error?: string;
  readonly wallMs: number;
  readonly m?: BenchMeasurement;
  readonly runs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/**
 * Runs a case `repeat` times and keeps the median of each figure: on 2 cores single runs vary by
 * up to ±30% (GC and scheduling), which would swamp a 10% comparison.
 */
async function measure(c: BenchCase, repeat: number): Promise<Row> {
  const rows: Row[] = [];
  for (let i = 0; i < repeat; i++) {
    const row = await runChild(c);
    if (!row.ok) return row;
    rows.push(row);
  }
  const ms = rows.map((r) => r.m!);
  const pick = (f: (m: BenchMeasurement) => number) => median(ms.map(f));
  return {
    ...c,
    ok: true,
    runs: rows.length,
    wallMs: median(rows.map((r) => r.wallMs)),
    m: {
      resources: ms[0]!.resources,
      aliases: ms[0]!.aliases,
      programMs: pick((m) => m.programMs),
      cpuMs: pick((m) => m.cpuMs),
      peakRssMb: pick((m) => m.peakRssMb),
      rssBeforeProgramMb: pick((m) => m.rssBeforeProgramMb),
    },
  };
}

function runChild(c: BenchCase): Promise<Row> {
  const heap = c.program === "baseline" ? [`--max-old-space-size=${BASELINE_HEAP_MB}`] : [];
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...heap, "--import", "tsx", CHILD, JSON.stringify(c)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (code) => {
      const wallMs = performance.now() - start;
      const line = out.split("\n").find((l) => l.startsWith("BENCH "));
      if (code === 0 && line) resolve({ ...c, ok: true, runs: 1, wallMs, m: JSON.parse(line.slice(6)) as BenchMeasurement });
      else resolve({ ...c, ok: false, runs: 1, wallMs, error: /heap out of memory/i.test(err) ? "out of memory" : (err.trim().split("\n").pop() ?? `exit ${code}`) });
    });
  });
}

function prepare(dir: string, vms: number, renderer: ProviderName, vmSide: boolean, vaults = 1): string {
  const config = syntheticStackConfig(vms, renderer, vmSide, vaults);
  // Baselines (one vault only) declare a prepared model; a stack of several vaults routes its VMs by
  // the regions the look-ups report, which only the program itself does.
  const model = vaults === 1 ? buildBackupModel(loadConfig(config).config) : undefined;
  const file = path.join(dir, `estate-${vaults > 1 ? `${vaults}x` : ""}${vms}-${renderer}-${vmSide ? "vm-side" : "items"}.json`);
  fs.writeFileSync(file, JSON.stringify({ config, model }));
  return file;
}

type CaseSpec = Omit<BenchCase, "inputFile">;

/** A case's name for `--case`: `<vms>-<item|vm-side>-<renderer>-<program>`, `<vaults>x<vms>-...` with several vaults. */
function caseId(c: CaseSpec): string {
  return `${(c.vaults ?? 1) > 1 ? `${c.vaults}x` : ""}${c.vms}-${c.vmSide ? "vm-side" : "item"}-${c.renderer}-${c.program}`;
}

/**
 * Every case of a full run: each size × renderer × VM side × program, and at 1,000 VMs the project on
 * 5 vaults of 1,000 VMs each (item only), which must stay within 5.5 times the one-vault wall time.
 */
function allCases(sizes: readonly number[], renderers: readonly ProviderName[]): CaseSpec[] {
  const cases: CaseSpec[] = [];
  for (const vms of sizes) {
    for (const renderer of renderers) {
      for (const vmSide of [false, true]) {
        const programs: BenchCase["program"][] = renderer === "native" ? ["project", "baseline", "baseline-light"] : ["project", "baseline"];
        for (const program of programs) cases.push({ vms, vmSide, renderer, program });
      }
      if (vms === 1000) cases.push({ vms, vaults: MANY_VAULTS, vmSide: false, renderer, program: "project" });
    }
  }
  return cases;
}

/** The multi-vault case: this many vaults, one region each. */
const MANY_VAULTS = 5;
/** Its wall time may be at most this many times the one-vault case's (linear cost, with start-up to spare). */
const MANY_VAULTS_MAX_RATIO = 5.5;

/** Parses a `--case` id back into a case (see caseId). */
function parseCase(id: string): CaseSpec {
  const m = /^(?:(\d+)x)?(\d+)-(item|vm-side)-(native|classic)-(project|baseline|baseline-light)$/.exec(id.trim());
  if (!m) throw new Error(`--case ${id}: expected <vms>-<item|vm-side>-<native|classic>-<project|baseline|baseline-light>, optionally prefixed <vaults>x (e.g. 1000-item-native-project, 5x1000-item-native-project)`);
  const vaults = m[1] ? Number(m[1]) : 1;
  if (vaults > 1 && m[5] !== "project") throw new Error(`--case ${id}: stacks of several vaults run the project only (the baselines declare one vault)`);
  return { vms: Number(m[2]), ...(vaults > 1 && { vaults }), vmSide: m[3] === "vm-side", renderer: m[4] as ProviderName, program: m[5] as BenchCase["program"] };
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? (a / b).toFixed(2) : "–");

function find(rows: readonly Row[], r: Row, program: BenchCase["program"]): Row | undefined {
  return rows.find((x) => x.vms === r.vms && (x.vaults ?? 1) === 1 && x.vmSide === r.vmSide && x.renderer === r.renderer && x.program === program && x.ok);
}

/** Each multi-vault row against the one-vault row of the same size, renderer and program. */
function scaleLines(rows: readonly Row[]): string[] {
  return rows
    .filter((r) => (r.vaults ?? 1) > 1 && r.ok)
    .map((r) => {
      const one = find(rows, r, r.program);
      const limit = MANY_VAULTS_MAX_RATIO * ((r.vaults ?? 1) / MANY_VAULTS);
      if (!one) return `${caseId(r)}: no one-vault case ${r.vms}-${r.vmSide ? "vm-side" : "item"}-${r.renderer}-${r.program} in this run to compare with`;
      const x = r.wallMs / one.wallMs;
      return `${caseId(r)}: ${s(r.wallMs)} s wall, ${x.toFixed(2)} × the one-vault ${r.vms}-VM case (${s(one.wallMs)} s); limit ${limit.toFixed(1)} ×: ${x <= limit ? "met" : "MISSED"}; peak RSS ${r.m!.peakRssMb.toFixed(0)} MB (default heap)`;
    });
}

function tableRows(rows: readonly Row[]): string[][] {
  return rows.map((r) => {
    const base = find(rows, r, "baseline");
    const light = r.renderer === "native" ? find(rows, r, "baseline-light") : base;
    const m = r.m;
    const vs = (ref: Row | undefined) =>
      r.program === "project" && m && ref?.m ? `${ratio(r.wallMs, ref.wallMs)} / ${ratio(m.cpuMs, ref.m.cpuMs)} / ${ratio(m.peakRssMb, ref.m.peakRssMb)}` : "";
    return [
      (r.vaults ?? 1) > 1 ? `${r.vaults} × ${r.vms}` : String(r.vms),
      r.vmSide ? "item+ext+cmd" : "item",
      r.renderer,
      r.program,
      m ? String(m.resources) : "",
      r.ok ? s(r.wallMs) : r.error!,
      m ? s(m.cpuMs) : "",
      m ? m.peakRssMb.toFixed(0) : "",
      m ? (m.programMs / (r.vms * (r.vaults ?? 1))).toFixed(2) : "",
      m ? (((m.peakRssMb - m.rssBeforeProgramMb) / (r.vms * (r.vaults ?? 1))) * 1024).toFixed(0) : "",
      vs(base),
      r.renderer === "native" ? vs(light) : "",
    ];
  });
}

const HEAD = ["VMs", "per VM", "renderer", "program", "resources", "wall s", "CPU s", "peak RSS MB", "ms/VM", "KB/VM", "× baseline (wall/CPU/RSS)", "× light baseline"];

function markdown(rows: string[][], meta: string[], totalMs: number): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    "# Benchmark results",
    "",
    ...meta.map((m) => `- ${m}`),
    `- whole run: ${s(totalMs)} s`,
    "",
    line(HEAD),
    line(HEAD.map(() => "---")),
    ...rows.map(line),
    "",
    "Each figure is the median of the runs per case (see --repeat; the SDK-only native baseline runs once).",
    "Columns: wall = child process from spawn to exit (Node start, module loading, program, drain); CPU = user+system of the child;",
    "ms/VM = program time / VMs; KB/VM = (peak RSS - RSS before the program) / VMs; ratios are project / baseline.",
    "baseline = the same resources and inputs declared with the SDK alone (no validation, no components), every SDK type alias kept,",
    `run with --max-old-space-size=${BASELINE_HEAP_MB}; light baseline = the same plus the project's light registration (default heap).`,
    "Project runs use Node's default heap.",
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const cli = new Command()
    .option("--sizes <list>", "estate sizes in VMs", "10,100,1000")
    .option("--renderers <list>", "native,classic", "native,classic")
    .option("--repeat <n>", "runs per case (median kept); the SDK-only native baseline runs once", "3")
    .option("--case <ids>", "run only these cases (comma-separated ids such as 1000-item-native-project,5x1000-item-native-project); prints without writing bench/results")
    .option("--save", "replace the committed results (bench/results/latest.*); without it a full run writes bench/results/last-run.* (git-ignored)")
    .parse(process.argv);
  const opts = cli.opts<{ sizes: string; renderers: string; repeat: string; case?: string; save?: boolean }>();
  const repeat = Math.max(1, Number(opts.repeat));
  const cases = opts.case
    ? opts.case.split(",").map(parseCase)
    : allCases(opts.sizes.split(",").map(Number), opts.renderers.split(",") as ProviderName[]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "azure-vm-backup-bench-"));
  const started = performance.now();
  const rows: Row[] = [];
  const inputs = new Map<string, string>();
  for (const c of cases) {
    const inputKey = `${c.vaults ?? 1}/${c.vms}/${c.renderer}/${c.vmSide}`;
    const inputFile = inputs.get(inputKey) ?? prepare(dir, c.vms, c.renderer, c.vmSide, c.vaults ?? 1);
    inputs.set(inputKey, inputFile);
    // The SDK-only native baseline is the slow reference (several times the project): one run is enough.
    const runs = c.renderer === "native" && c.program === "baseline" ? 1 : repeat;
    const row = await measure({ ...c, inputFile }, runs);
    rows.push(row);
    process.stderr.write(`${caseId(c)}: ${row.ok ? `${s(row.wallMs)} s, ${row.m!.peakRssMb.toFixed(0)} MB (median of ${row.runs})` : row.error}\n`);
  }
  const totalMs = performance.now() - started;
  fs.rmSync(dir, { recursive: true, force: true });

  const cells = tableRows(rows);
  const table = new Table({ head: HEAD, style: { head: [], border: [] } });
  for (const c of cells) table.push(c);
  const cpus = os.cpus();
  const meta = [
    `date: ${new Date().toISOString()}`,
    `machine: ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.platform()} ${os.release()}`,
    `Node ${process.version}; default heap limit ${(((await import("node:v8")).getHeapStatistics().heap_size_limit) / 2 ** 20).toFixed(0)} MB`,
  ];
  const scale = scaleLines(rows);
  process.stdout.write(`${table.toString()}\n${[...scale, ...meta].join("\n")}\nwhole run: ${s(totalMs)} s\n`);
  // A partial run must not replace the full run's committed results.
  if (opts.case) return;
  const files = resultFiles(opts.save === true);
  fs.mkdirSync(path.dirname(files.markdown), { recursive: true });
  fs.writeFileSync(files.markdown, markdown(cells, [...scale, ...meta], totalMs));
  fs.writeFileSync(files.json, `${JSON.stringify({ meta, scale, totalMs, rows }, null, 2)}\n`);
  process.stdout.write(`results: ${path.relative(ROOT, files.markdown)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
