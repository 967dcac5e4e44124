/**
 * Personal API tokens: what a token may be used for. The token itself never carries a role;
 * every request is held to the scope AND to the user's current role (lib/policies).
 */
export const TOKEN_PREFIX = "sanad_";

export const API_SCOPES = ["read", "write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** The two scope sets a person can choose: read only, or read and write. */
export const TOKEN_SCOPE_CHOICES = ["read", "read write"] as const;
export type TokenScopeChoice = (typeof TOKEN_SCOPE_CHOICES)[number];

/** Parse a stored scope string; unknown words are ignored, so a bad row grants nothing extra. */
export function parseScopes(value: string): ApiScope[] {
  return value.split(/\s+/).filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));
}

export function hasScope(scopes: readonly ApiScope[], wanted: ApiScope): boolean {
  return scopes.includes(wanted);
}
