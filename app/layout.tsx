import "@fontsource/noto-naskh-arabic/400.css";
import "@fontsource/noto-naskh-arabic/700.css";
import "@fontsource-variable/inter";
import "./globals.css";

/**
 * The root layout only loads fonts and styles. `<html lang dir>` is rendered one level down,
 * because it follows the person's language on app pages (app/app-document.tsx, dynamic) but
 * the ARTICLE's language on the public pages (app/v/[slug]/layout.tsx, static).
 */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
