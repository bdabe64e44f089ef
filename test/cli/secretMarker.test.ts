import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCommand } from "../support/runCommand";

/**
 * Script parameters are the secret-capable settings: a marker planted in each, in plain text (as
 * `pulumi up` gets it decrypted) and as an encrypted `secure:` value, must appear in no output, report,
 * message, or run command script body.
 */
const PLAIN = "mArKeR-plain-7f3a";
const CIPHER = "mArKeR-cipher-91c2";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secret-marker-"));
const inventory = path.join(ROOT, "inventory", "dev.yaml");

function stackFile(name: string, edit: (text: string) => string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, edit(fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8")));
  return file;
}
const planted = stackFile("Pulumi.marker.yaml", (t) =>
  t
    .replace("preScriptParams: [app01]", `preScriptParams: [${PLAIN}, { secure: v1:${CIPHER} }]`)
    .replace("postScriptParams: [app01]", `postScriptParams:\n          - ${PLAIN}-post\n          - secure: v1:${CIPHER}-post`),
);
const outputs: Record<string, string> = {};
const noMarker = (what: string, text: string) => {
  for (const marker of [PLAIN, CIPHER]) expect(text.includes(marker), `${what} shows ${marker}`).toBe(false);
};

describe("a marker in every script parameter appears in no output", () => {
  it("plan: terminal, JSON and Markdown; the run command's script and protected parameters", async () => {
    const md = path.join(tmp, "plan.md");
    const text = await runCommand("plan", ["--config-file", planted, "--inventory", inventory, "--markdown", md]);
    expect(text.status).toBe(0);
    // The encrypted values are placeholders offline: the plan says which checks could not run.
    expect(text.stdout + text.stderr).toContain("vms[2].scripts.preScriptParams[1]: is a secret: offline it is an opaque placeholder, so its content was not checked");
    const json = await runCommand("plan", ["--config-file", planted, "--inventory", inventory, "--json"]);
    expect(json.status).toBe(0);
    noMarker("plan --json stderr", json.stderr);
    Object.assign(outputs, { "plan terminal": text.stdout + text.stderr, "plan JSON": json.stdout, "plan Markdown": fs.readFileSync(md, "utf8") });
    for (const [what, out] of Object.entries(outputs)) noMarker(what, out);

    const doc = JSON.parse(json.stdout) as { steps: Array<{ urn: string; newState: { inputs: Record<string, unknown> } }> };
    const command = doc.steps.find((s) => s.urn.endsWith("::rg-app-prod/vm-app-01-snapshot-scripts"))!.newState.inputs;
    expect(command.protectedParameters).toBe("[secret]");
    const script = (command.source as { script: string }).script;
    noMarker("run command script", script);
    // Nor base64-encoded in the script body.
    for (const marker of [PLAIN, CIPHER]) expect(script).not.toContain(Buffer.from(marker).toString("base64").slice(0, 12));
    const redacted = /^# azure-vm-backup: settings with script parameters redacted: (\S+)$/m.exec(script)![1]!;
    expect(JSON.parse(Buffer.from(redacted, "base64").toString("utf8"))).toMatchObject({ preScriptParams: ["[secret]", "[secret]"], postScriptParams: ["[secret]", "[secret]"] });
    fs.writeFileSync(path.join(tmp, "plan.json"), json.stdout);
  });

  it("review of that plan: terminal, JSON and Markdown", async () => {
    const md = path.join(tmp, "review.md");
    const text = await runCommand("review", ["--preview-json", path.join(tmp, "plan.json"), "--markdown", md]);
    const json = await runCommand("review", ["--preview-json", path.join(tmp, "plan.json"), "--json"]);
    expect([text.status, json.status]).toEqual([0, 0]);
    for (const [what, out] of Object.entries({ "review terminal": text.stdout + text.stderr, "review JSON": json.stdout, "review Markdown": fs.readFileSync(md, "utf8") })) noMarker(what, out);
  });

  it("error messages: a configuration error elsewhere, and a secret where a name goes", async () => {
    const broken = stackFile("Pulumi.broken.yaml", (t) =>
      t
        .replace("preScriptParams: [app01]", `preScriptParams: [${PLAIN}, 42]`)
        .replace("name: rsv-backup-dev", `name: { secure: v1:${CIPHER} }`),
    );
    const { status, stdout, stderr } = await runCommand("plan", ["--config-file", broken, "--inventory", inventory]);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("vault.name: is a secret (secure:) value, which cannot serve here: Azure shows this value to anyone who can read the resource");
    expect(stderr).toContain("vms[2].scripts.preScriptParams[1]: must be a string");
    noMarker("error message", stderr);
  });
});
