import "server-only";
import { redirect } from "next/navigation";
import type { Actor } from "../../lib/policies";
import { currentActor } from "./session";

/** For pages: the signed-in actor, or a redirect to sign-in that comes back here. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
