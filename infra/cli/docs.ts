import * as fs from "node:fs";
import * as path from "node:path";
import { renderConfigurationDocs } from "../config/configDocs";
import { PROJECT_ROOT } from "../offline/engine/stackConfig";

/** `npm run docs`: regenerates docs/configuration.md from the configuration schema. */
const target = path.join(PROJECT_ROOT, "docs", "configuration.md");
fs.writeFileSync(target, renderConfigurationDocs());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
