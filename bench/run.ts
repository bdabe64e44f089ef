import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import Table from "cli-table3";
import { Command } from "commander";
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
const RESULTS = path.join(__dirname, "results");
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

function prepare(dir: string, vms: number, renderer: ProviderName, vmSide: boolean): string {
  const config = syntheticStackConfig(vms, renderer, vmSide);
  const model = buildBackupModel(loadConfig(config).config);
  const file = path.join(dir, `estate-${vms}-${renderer}-${vmSide ? "vm-side" : "items"}.json`);
  fs.writeFileSync(file, JSON.stringify({ config, model }));
  return file;
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? (a / b).toFixed(2) : "–");

function find(rows: readonly Row[], r: Row, program: BenchCase["program"]): Row | undefined {
  return rows.find((x) => x.vms === r.vms && x.vmSide === r.vmSide && x.renderer === r.renderer && x.program === program && x.ok);
}

function tableRows(rows: readonly Row[]): string[][] {
  return rows.map((r) => {
    const base = find(rows, r, "baseline");
    const light = r.renderer === "native" ? find(rows, r, "baseline-light") : base;
    const m = r.m;
    const vs = (ref: Row | undefined) =>
      r.program === "project" && m && ref?.m ? `${ratio(r.wallMs, ref.wallMs)} / ${ratio(m.cpuMs, ref.m.cpuMs)} / ${ratio(m.peakRssMb, ref.m.peakRssMb)}` : "";
    return [
      String(r.vms),
      r.vmSide ? "item+ext+cmd" : "item",
      r.renderer,
      r.program,
      m ? String(m.resources) : "",
      r.ok ? s(r.wallMs) : r.error!,
      m ? s(m.cpuMs) : "",
      m ? m.peakRssMb.toFixed(0) : "",
      m ? (m.programMs / r.vms).toFixed(2) : "",
      m ? (((m.peakRssMb - m.rssBeforeProgramMb) / r.vms) * 1024).toFixed(0) : "",
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
    .parse(process.argv);
  const opts = cli.opts<{ sizes: string; renderers: string; repeat: string }>();
  const repeat = Math.max(1, Number(opts.repeat));
  const sizes = opts.sizes.split(",").map(Number);
  const renderers = opts.renderers.split(",") as ProviderName[];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "azure-vm-backup-bench-"));
  const started = performance.now();
  const rows: Row[] = [];
  for (const vms of sizes) {
    for (const renderer of renderers) {
      for (const vmSide of [false, true]) {
        const inputFile = prepare(dir, vms, renderer, vmSide);
        const programs: BenchCase["program"][] = renderer === "native" ? ["project", "baseline", "baseline-light"] : ["project", "baseline"];
        for (const program of programs) {
          // The SDK-only native baseline is the slow reference (several times the project): one run is enough.
          const runs = renderer === "native" && program === "baseline" ? 1 : repeat;
          const row = await measure({ vms, vmSide, renderer, program, inputFile }, runs);
          rows.push(row);
          process.stderr.write(`${vms} VMs ${vmSide ? "item+ext+cmd" : "item"} ${renderer} ${program}: ${row.ok ? `${s(row.wallMs)} s, ${row.m!.peakRssMb.toFixed(0)} MB (median of ${row.runs})` : row.error}\n`);
        }
      }
    }
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
  process.stdout.write(`${table.toString()}\n${meta.join("\n")}\nwhole run: ${s(totalMs)} s\n`);
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, "latest.md"), markdown(cells, meta, totalMs));
  fs.writeFileSync(path.join(RESULTS, "latest.json"), `${JSON.stringify({ meta, totalMs, rows }, null, 2)}\n`);
  process.stdout.write(`results: ${path.relative(ROOT, path.join(RESULTS, "latest.md"))}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
