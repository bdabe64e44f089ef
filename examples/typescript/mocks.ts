// Runs index.ts on Pulumi's mocks and prints what it registered (type, name, inputs) as JSON.
import * as pulumi from "@pulumi/pulumi";

const SUBSCRIPTION = "11111111-1111-1111-1111-111111111111";
const registered: Array<{ type: string; name: string; inputs: Record<string, unknown> }> = [];

pulumi.runtime.setAllConfig({ "azure-native:location": "westeurope", "azure-native:subscriptionId": SUBSCRIPTION });
pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      const i = args.inputs as Record<string, string | undefined>;
      // Azure's IDs for the VM (the component checks it is a VM resource ID) and names as outputs.
      const id = args.type === "azure-native:compute:VirtualMachine"
        ? `/subscriptions/${SUBSCRIPTION}/resourceGroups/${i.resourceGroupName}/providers/Microsoft.Compute/virtualMachines/${i.vmName}`
        : `${args.name}_id`;
      return { id, state: { ...args.inputs, name: i.vaultName ?? i.policyName ?? i.resourceGroupName ?? args.name } };
    },
    call: (args) => args.inputs,
  },
  "backup-typescript",
  "dev",
  true,
);

process.on("beforeExit", () => {
  if (registered.length > 0) console.log(JSON.stringify(registered));
  registered.length = 0;
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
require("./index");
