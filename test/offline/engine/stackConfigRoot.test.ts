import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readStackConfigFile } from "../../../infra/offline/engine/stackConfig";

const write = (text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "avb-root-")), "Pulumi.x.yaml");
  fs.writeFileSync(file, text);
  return file;
};

describe("a stack file without its config: root", () => {
  it("says so, and says where the keys went, instead of planning as 'vault is required'", () => {
    const file = write("azure-vm-backup:vault:\n  name: rsv-x\n");
    expect(() => readStackConfigFile(file)).toThrow(/has no `config:` section; its azure-vm-backup:\* keys sit at the top level: indent them under `config:`/);
  });

  it("an empty file is refused too; an empty config: section is read as empty", () => {
    expect(() => readStackConfigFile(write(""))).toThrow(/has no `config:` section: a stack file holds `config:`/);
    expect(readStackConfigFile(write("config:\n")).secretKeys).toEqual([]);
  });
});
