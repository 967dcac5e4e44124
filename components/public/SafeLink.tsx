/** An external link to a user-supplied URL: only http(s) becomes a link; anything else is plain text. */
export function SafeLink({ href, children, className }: { href: string; children: React.ReactNode; className?: string }) {
  let ok = false;
  try {
    const u = new URL(href);
    ok = u.protocol === "http:" || u.protocol === "https:";
  } catch {
    ok = false;
  }
  if (!ok) return <span className={className}>{children}</span>;
  return (
    <a href={href} rel="nofollow noopener noreferrer" target="_blank" className={className}>
      {children}
    </a>
  );
}
