"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * True from the first moment the element comes within `rootMargin` of the viewport, and true
 * from then on (what it gates, once loaded, stays). Where IntersectionObserver is missing, true
 * at once: the page still works, it only loads earlier.
 */
export function useSeenOnScreen(ref: RefObject<Element | null>, rootMargin = "0px 0px 400px 0px"): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (seen) return;
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        setSeen(true);
        observer.disconnect();
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, rootMargin, seen]);
  return seen;
}
