import * as fs from "node:fs";
import * as path from "node:path";
import { Command } from "commander";
import { adoptEstate } from "../adopt/adoptEstate";
import type { SourceFile } from "../adopt/armDocuments";
import { inventoryFromArm, locateInventoryIssues, renderInventoryYaml } from "../adopt/inventoryFromArm";
import { inventorySchema } from "../offline/engine/inventory";
import { describeFileError } from "../offline/engine/fileErrors";
import { FileInputError, readInputFile } from "../offline/engine/fileInput";
import { zodIssues } from "../config/zodIssues";
import { renderStackYaml } from "../adopt/stackYaml";
import { ConfigError, formatIssue } from "../config/configError";
import { runCli } from "./runCli";

/** Every `*.json` file of DIR (sorted, so output never depends on the directory's order), or the file itself. */
function readJsonFiles(dir: string): SourceFile[] {
  let names: string[];
  try {
    names = fs.statSync(dir).isDirectory()
      ? fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith(".json")).sort().map((n) => path.join(dir, n))
      : [dir];
  } catch (err) {
    throw new FileInputError([{ path: dir, message: `cannot read Azure's JSON bodies: ${describeFileError(err)}` }], "Cannot adopt");
  }
  if (names.length === 0) throw new FileInputError([{ path: dir, message: "holds no .json file" }], "Cannot adopt");
  return names.map((name) => ({ name: path.relative(process.cwd(), name) || name, text: readInputFile(name, "Azure's JSON body") }));
}

function write(out: string | undefined, text: string): void {
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text);
}

/** `npm run adopt -- --from DIR [--out FILE]` and `--inventory-from DIR --out FILE`. */
export function adoptCommand(): Command {
  return new Command("adopt")
    .description("Write the stack configuration (or the offline inventory) that reproduces what Azure returned.")
    .option("--from <dir>", "JSON bodies of vaults, VM backup policies and protected VM items (az backup ... --output json)")
    .option("--inventory-from <dir>", "JSON bodies of VMs and disks (az vm list --show-details, az disk list, or an Azure Resource Graph result)")
    .option("--out <file>", "write here instead of stdout (nothing is written when adoption fails)")
    .action((opts: { from?: string; inventoryFrom?: string; out?: string }) => {
      if ((opts.from === undefined) === (opts.inventoryFrom === undefined)) {
        throw new ConfigError([{ path: "--from / --inventory-from", message: "give exactly one: --from DIR (stack configuration) or --inventory-from DIR (offline inventory)" }], "Invalid arguments");
      }
      if (opts.from !== undefined) {
        const adopted = adoptEstate(readJsonFiles(opts.from));
        for (const note of adopted.notes) process.stderr.write(`note: ${formatIssue(note)}\n`);
        write(opts.out, renderStackYaml(adopted.config, [`Adopted from ${opts.from} by \`npm run adopt\`: every resource with an importId is imported, not created.`], adopted.notes));
      } else {
        const inventory = inventoryFromArm(readJsonFiles(opts.inventoryFrom!));
        // The inventory's own schema has the last word, so `plan --inventory` reads what is written.
        const checked = inventorySchema.safeParse(inventory.inventory, { reportInput: true });
        if (!checked.success) throw new ConfigError(locateInventoryIssues(zodIssues(checked.error, ""), inventory.sources), "Cannot write the inventory");
        for (const note of inventory.notes) process.stderr.write(`note: ${formatIssue(note)}\n`);
        write(opts.out, renderInventoryYaml(inventory.inventory, opts.inventoryFrom!));
      }
    });
}

if (require.main === module) void runCli(adoptCommand());
