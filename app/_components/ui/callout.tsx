// Boxed messages: a notice, a warning, an error, a success. The tone sets colours that
// keep 4.5:1 contrast in light and dark mode; `role` says whether it interrupts.
import type { HTMLAttributes } from "react";

export type CalloutTone = "info" | "warning" | "error" | "success";

const TONE: Record<CalloutTone, string> = {
  info: "border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/50 dark:text-sky-50",
  warning: "border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-50",
  error: "border-rose-400 bg-rose-50 text-rose-950 dark:border-rose-700 dark:bg-rose-950/50 dark:text-rose-50",
  success: "border-emerald-400 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950/50 dark:text-emerald-50",
};

/** A tone's border, background and text colours alone, for a box of another size (a verdict's headline). */
export function calloutToneClass(tone: CalloutTone): string {
  return TONE[tone];
}

export function calloutClass(tone: CalloutTone = "info"): string {
  return `rounded-md border px-3 py-2 text-sm ${TONE[tone]}`;
}

/** `as="p"` for a message that is one paragraph (a line of text and perhaps a button); a div otherwise. */
type Props = HTMLAttributes<HTMLElement> & { tone?: CalloutTone; as?: "div" | "p" };

export function Callout({ tone = "info", as: Tag = "div", className, ...rest }: Props) {
  return <Tag className={`${calloutClass(tone)}${className ? ` ${className}` : ""}`} {...rest} />;
}

/** The colour of an error said in the flow of a page (under a form, in a panel): 4.5:1 on white and on slate-950. */
export const errorTextClass = "text-rose-700 dark:text-rose-300";

type ErrorTextProps = HTMLAttributes<HTMLElement> & { inline?: boolean };

/** A short error in the flow of the page, read out as it appears (role="alert"); `inline` for one inside a line of text. */
export function ErrorText({ inline = false, className, ...rest }: ErrorTextProps) {
  const classes = `${inline ? "" : "text-sm "}${errorTextClass}${className ? ` ${className}` : ""}`;
  return inline ? <span role="alert" className={classes} {...rest} /> : <p role="alert" className={classes} {...rest} />;
}
