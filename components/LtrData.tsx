/**
 * Left-to-right data (a hash, an address) inside text of either direction. Isolated from the
 * surrounding bidi run and laid out as its own box, so when it wraps (break-all: a hash has no
 * spaces) every line starts at the left, as the value reads; an inline span in an Arabic line
 * would align its wrapped lines to the right. Short values still sit at the line's start.
 */
export function LtrData({ children, className = "", ...rest }: { children: React.ReactNode; className?: string; "data-testid"?: string }) {
  return (
    <span dir="ltr" className={`inline-block max-w-full break-all text-left [unicode-bidi:isolate] ${className}`} {...rest}>
      {children}
    </span>
  );
}
