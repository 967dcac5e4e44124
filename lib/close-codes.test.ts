import { describe, expect, it } from "vitest";
import { CloseCode, closeOutcome, isFatalCloseCode } from "./close-codes";

describe("close codes as the workspace reads them (useCollab)", () => {
  it("every 44xx code in the table stops reconnecting, every 45xx code reconnects", () => {
    for (const [name, code] of Object.entries(CloseCode)) {
      const fatal = code >= 4400 && code < 4500;
      expect(isFatalCloseCode(code), name).toBe(fatal);
      expect(closeOutcome(code).reconnect, name).toBe(!fatal);
      expect(code >= 4400 && code < 4600, `${name} is in our ranges`).toBe(true);
    }
  });

  it("an ended session sends the person to sign-in; a refusal explains itself and stays", () => {
    expect(closeOutcome(CloseCode.Unauthenticated)).toEqual({ reconnect: false, reason: "session_ended", signIn: true });
    expect(closeOutcome(CloseCode.Forbidden)).toEqual({ reconnect: false, reason: "forbidden", signIn: false });
    expect(closeOutcome(CloseCode.NotFound)).toEqual({ reconnect: false, reason: "not_found", signIn: false });
    expect(closeOutcome(CloseCode.Malformed)).toEqual({ reconnect: false, reason: "refused", signIn: false });
    expect(closeOutcome(CloseCode.ClientIdTaken)).toEqual({ reconnect: false, reason: "client_id_taken", signIn: false });
    expect(closeOutcome(CloseCode.MassDeletion)).toEqual({ reconnect: false, reason: "mass_deletion", signIn: false });
    expect(closeOutcome(CloseCode.DocumentTooLarge)).toEqual({ reconnect: false, reason: "document_too_large", signIn: false });
    expect(closeOutcome(CloseCode.AwarenessTooLarge)).toEqual({ reconnect: false, reason: "awareness_too_large", signIn: false });
    expect(closeOutcome(CloseCode.MessageTooLarge)).toMatchObject({ reconnect: false, signIn: false });
  });

  it("a role change reloads the page (to render the new role) instead of reconnecting as before", () => {
    expect(closeOutcome(CloseCode.RoleChanged)).toEqual({ reconnect: false, reason: "role_changed", signIn: false, reload: true });
  });

  it("rate limiting, shutdown, load failures and plain network closes reconnect", () => {
    for (const code of [CloseCode.RateLimited, CloseCode.ServerShutdown, CloseCode.LoadFailed, 1000, 1001, 1006, 1011]) {
      expect(closeOutcome(code)).toEqual({ reconnect: true });
    }
  });
});
