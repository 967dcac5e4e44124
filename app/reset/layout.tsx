import { AppDocument, appMetadata } from "../app-document";

export const generateMetadata = appMetadata;

/** The app document (html lang/dir of the person's language). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <AppDocument>{children}</AppDocument>;
}
