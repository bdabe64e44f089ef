// `npm run schema`: regenerates schema.json, the component package's schema (a drift test compares it).
import * as fs from "node:fs";
import { formatSchema, packageSchema, SCHEMA_FILE } from "../package/packageSchema";

packageSchema()
  .then((schema) => {
    fs.writeFileSync(SCHEMA_FILE, formatSchema(schema));
    console.log(`wrote ${SCHEMA_FILE}`);
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
