import { Command } from "commander";
import { CliError } from "./cliError";
import { runCli } from "./runCli";

/** `npm run review` (CONTRACT section 4): the policy review arrives with the policy pack. */
export function reviewCommand(): Command {
  return new Command("review")
    .description("Review a stack's plan against the policy pack offline.")
    .allowUnknownOption()
    .action(() => {
      throw new CliError("review is not available yet: the policy pack is being built (see issue 4)");
    });
}

if (require.main === module) void runCli(reviewCommand());
