import type { Metadata } from "next";
import Link from "next/link";
import { THEME_SCRIPT } from "./_components/ui/theme-script";
import { ThemeToggle } from "./_components/ui/theme-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Blueprint: learn system design by building it", template: "%s · Blueprint" },
  description: "Twenty system-design concepts, each with a lesson, an interactive model and a judged TypeScript challenge.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900">
          Skip to content
        </a>
        <header data-site-header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
          <nav aria-label="Main" className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4">
            <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
              <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-sky-600 dark:text-sky-400">
                <path fill="none" stroke="currentColor" strokeWidth="2" d="M3 3h18v18H3zM3 9h18M9 9v12M15 15h6" />
              </svg>
              Blueprint
            </Link>
            <div className="flex items-center gap-3 text-sm">
              <Link href="/" className="text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
                Concepts
              </Link>
              <ThemeToggle />
            </div>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
