import type { Metadata } from "next";
import Link from "next/link";
import Script from "next/script";
import { AccountMenu } from "./_components/auth/account-menu";
import { SearchPalette } from "./_components/search/search-palette";
import { THEME_SCRIPT } from "./_components/ui/theme-script";
import { navLinkClass } from "./_components/ui/nav-link";
import { ThemeToggle } from "./_components/ui/theme-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Blueprint: learn system design by building it", template: "%s · Blueprint" },
  description: "Twenty system-design concepts, each with a lesson, an interactive model and a judged TypeScript challenge.",
};

const NAV_LINKS = [
  { href: "/", label: "Concepts" },
  { href: "/drill", label: "Drill" },
  { href: "/cheat-sheet", label: "Cheat sheet" },
  { href: "/architectures", label: "Architectures" },
  { href: "/interviews", label: "Interviews" },
  { href: "/review", label: "Review" },
] as const;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* beforeInteractive: runs before first paint, and React does not render the tag itself. */}
        <Script id="theme" strategy="beforeInteractive">
          {THEME_SCRIPT}
        </Script>
      </head>
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900">
          Skip to content
        </a>
        <header data-site-header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
          {/* Two rows below 768px (brand and tools, then links that wrap); one row above. */}
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2 md:h-14 md:flex-nowrap md:py-0">
            <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
              <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-sky-700 dark:text-sky-400">
                <path fill="none" stroke="currentColor" strokeWidth="2" d="M3 3h18v18H3zM3 9h18M9 9v12M15 15h6" />
              </svg>
              Blueprint
            </Link>
            <nav aria-label="Main" className="order-last w-full md:order-none md:w-auto">
              <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
                {NAV_LINKS.map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className={navLinkClass}>
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="flex items-center gap-2">
              <SearchPalette />
              <ThemeToggle />
              {/* A client component reading GET /api/me: the layout calls no request API, so pages can be static. */}
              <AccountMenu />
            </div>
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
