"use client";

import { useDarkMode } from "./use-dark-mode";

/** Switches between light and dark; the choice is remembered, the system setting is the default. */
export function ThemeToggle() {
  const dark = useDarkMode();
  const next = dark ? "light" : "dark";
  return (
    <button
      type="button"
      onClick={() => {
        document.documentElement.classList.toggle("dark", next === "dark");
        localStorage.setItem("theme", next);
      }}
      className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      aria-label={`Switch to ${next} mode`}
    >
      {dark ? "Light" : "Dark"}
    </button>
  );
}
