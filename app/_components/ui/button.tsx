// Buttons and button-looking links. One place for their colours, so contrast is fixed
// once: white text sits on sky-700 (5.9:1), never on sky-600 (4.0:1, under WCAG AA).
import type { ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "warning" | "danger" | "success";
export type ButtonSize = "sm" | "md" | "lg";

// Every variant has a border (transparent where none shows), so all are the same size.
const BASE =
  "inline-flex items-center justify-center gap-2 rounded-md border font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-60";

const VARIANT: Record<ButtonVariant, string> = {
  primary: "border-sky-700 bg-sky-700 text-white hover:bg-sky-800",
  secondary:
    "border-slate-300 bg-white text-slate-900 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
  ghost: "border-transparent text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
  warning: "border-amber-700 bg-amber-700 text-white hover:bg-amber-800",
  danger:
    "border-rose-600 bg-white text-rose-700 hover:bg-rose-50 dark:border-rose-400 dark:bg-slate-900 dark:text-rose-300 dark:hover:bg-rose-950",
  success: "border-emerald-700 bg-emerald-700 text-white hover:bg-emerald-800",
};

const SIZE: Record<ButtonSize, string> = {
  sm: "px-2.5 py-1 text-sm",
  md: "min-h-9 px-3 py-1.5 text-sm",
  lg: "px-4 py-2",
};

export function buttonClass({ variant = "secondary", size = "md", block = false }: { variant?: ButtonVariant; size?: ButtonSize; block?: boolean } = {}): string {
  return `${BASE} ${VARIANT[variant]} ${SIZE[size]}${block ? " w-full" : ""}`;
}

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize; block?: boolean };

export function Button({ variant, size, block, className, type = "button", ...rest }: Props) {
  return <button type={type} className={`${buttonClass({ variant, size, block })}${className ? ` ${className}` : ""}`} {...rest} />;
}
