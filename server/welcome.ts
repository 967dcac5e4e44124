import type { RunningServer } from "./main";
import { DEMO_USERS, demoPassword } from "./seed";

/** What a newcomer needs after `npm start`: where to open, how to sign in. */
export async function printWelcome(running: RunningServer, opts: { demo: boolean; ms: number }) {
  const lines = [
    "",
    `  Sanad is running: ${running.url}   (ready in ${(opts.ms / 1000).toFixed(1)} s)`,
  ];
  if (opts.demo) {
    lines.push("", `  Demo sign-in (password for all: ${demoPassword()}):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.role.padEnd(9)} ${u.email}`);
    const published = await running.db.publication.findFirst({ where: { kind: "publish" }, orderBy: { publishedAt: "desc" } });
    if (published) lines.push("", `  A published verdict page (no sign-in needed): ${running.url}/v/${published.slug}`);
  }
  lines.push("", "  Stop with Ctrl+C.", "");
  console.log(lines.join("\n"));
}
