import Link from "next/link";
import { textLinkClass } from "@/app/_components/ui/nav-link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">That page does not exist, or its lesson is still being written.</p>
      <Link href="/" className={`mt-6 inline-block ${textLinkClass}`}>
        Back to the concepts
      </Link>
    </div>
  );
}
