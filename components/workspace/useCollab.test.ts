import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useCollab } from "./useCollab";

function Probe() {
  const collab = useCollab("server-render-probe", { id: "u1", name: "Probe", role: "editor" });
  return createElement("span", null, collab.provider ? "provider" : "none");
}

describe("the workspace's collaboration hook on the server", () => {
  it("makes no WebSocket provider during a server render (no exit listener, no interval left behind)", () => {
    const before = process.listenerCount("exit");
    for (let i = 0; i < 12; i++) expect(renderToString(createElement(Probe))).toContain("none");
    // y-websocket's provider adds a process "exit" listener in Node; twelve renders were twelve listeners.
    expect(process.listenerCount("exit")).toBe(before);
  });
});
