// Links in navigation (header, breadcrumbs): told apart by position, so no underline.
export const navLinkClass = "text-slate-700 hover:text-slate-900 hover:underline dark:text-slate-300 dark:hover:text-white";

// Links inside running text: underlined, because colour alone does not tell them apart
// (axe's link-in-text-block), and dark enough on both backgrounds.
export const textLinkClass =
  "font-medium text-sky-800 underline decoration-sky-800/40 underline-offset-2 hover:decoration-sky-800 dark:text-sky-300 dark:decoration-sky-300/50 dark:hover:decoration-sky-300";
