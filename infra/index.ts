// The Pulumi program (Pulumi.yaml `main: infra/`). Everything lives in stack.ts so that the
// offline engine runs exactly the same code.
import { defineStack } from "./stack";

export = defineStack();
