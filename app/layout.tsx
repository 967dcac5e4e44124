import type { Metadata } from "next";
import "@fontsource/noto-naskh-arabic/400.css";
import "@fontsource/noto-naskh-arabic/700.css";
import "@fontsource-variable/inter";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sanad — collaborative fact-checking", template: "%s · Sanad" },
  description: "Sanad (سند): tag claims, attach sources, agree verdicts and publish ClaimReview pages together.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
