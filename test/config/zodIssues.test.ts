import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SECRET_CANNOT_SERVE, SECRET_VALUE_PLACEHOLDER } from "../../infra/config/secretValue";
import { zodIssues } from "../../infra/config/zodIssues";

describe("zodIssues", () => {
  const schema = z.object({ vms: z.array(z.object({ id: z.string().regex(/^\/sub/, { error: "must be an ID" }) })) });

  it("puts each issue under the prefix with list indexes in brackets", () => {
    const result = schema.safeParse({ vms: [{ id: "/sub/1" }, { id: "nope" }] });
    expect(zodIssues(result.error!, "vaults.weu")).toEqual([{ path: "vaults.weu.vms[1].id", message: "must be an ID" }]);
  });

  it("says a secret cannot serve instead of the failed rule", () => {
    const result = schema.safeParse({ vms: [{ id: SECRET_VALUE_PLACEHOLDER }] }, { reportInput: true });
    expect(zodIssues(result.error!, "")).toEqual([{ path: "vms[0].id", message: SECRET_CANNOT_SERVE }]);
  });
});
