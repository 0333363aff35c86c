// A scrollable block of code. A region that scrolls must be reachable by keyboard
// (axe's scrollable-region-focusable), so it takes focus and says what it holds.
import type { HTMLAttributes } from "react";

export const codeBlockClass =
  "overflow-x-auto rounded-lg bg-slate-900 p-4 text-sm leading-6 text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-slate-950";

type Props = HTMLAttributes<HTMLPreElement> & { label?: string };

export function CodeBlock({ label = "Code", className, ...rest }: Props) {
  return <pre tabIndex={0} role="region" aria-label={label} className={`${codeBlockClass}${className ? ` ${className}` : ""}`} {...rest} />;
}
