import { PublicFrame } from "@/components/public/PublicFrame";
import { organisation } from "@/server/publication/organisation";

/** Public verdict pages: no sign-in, the organisation's masthead. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return <PublicFrame organisation={organisation()}>{children}</PublicFrame>;
}
