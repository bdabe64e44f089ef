import { describe, expect, it } from "vitest";
import { clipMessage, quote, QUOTE_LIMIT } from "../../infra/config/quote";

describe("quote", () => {
  it("quotes short values as JSON, and what JSON cannot write as text", () => {
    expect(quote("westeurop")).toBe('"westeurop"');
    expect(quote({ a: 1 })).toBe('{"a":1}');
    expect(quote(undefined)).toBe("undefined");
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(quote(cyclic)).toBe("[object Object]");
  });

  it("cuts a string longer than the limit, giving its length", () => {
    expect(quote("x".repeat(QUOTE_LIMIT))).toBe(`"${"x".repeat(100)}"`);
    expect(quote("y".repeat(101))).toBe(`"${"y".repeat(100)}"... (101 characters)`);
  });

  it("cuts any other value whose JSON runs past the limit and its quotes", () => {
    const list = Array.from({ length: 40 }, (_, i) => i);
    const json = JSON.stringify(list);
    expect(json.length).toBe(111);
    expect(quote(list)).toBe(`${json.slice(0, 100)}... (111 characters)`);
    const fits = { a: "x".repeat(94) };
    expect(JSON.stringify(fits).length).toBe(QUOTE_LIMIT + 2);
    expect(quote(fits)).toBe(JSON.stringify(fits));
  });
});

describe("clipMessage", () => {
  it("leaves a message of up to 400 characters as it is", () => {
    const message = "a".repeat(400);
    expect(clipMessage(message)).toBe(message);
  });

  it("cuts overlong quoted strings and unbroken runs in a longer message", () => {
    const quoted = `"${"q".repeat(150)}"`;
    const run = "r".repeat(130);
    const message = `got ${quoted} and ${run} and ${"s ".repeat(100)}end`;
    expect(clipMessage(message)).toBe(`got ${quoted.slice(0, 100)}... (152 characters) and ${"r".repeat(100)}... (130 characters) and ${"s ".repeat(100)}end`);
  });

  it("keeps shorter runs whole in a long message", () => {
    const message = `${"w".repeat(119)} ${"t ".repeat(200)}"${"z".repeat(98)}"`;
    expect(clipMessage(message)).toBe(message);
  });
});
