import "server-only";
import { evaluate } from "@mdx-js/mdx";
import type { MDXContent } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { headingId } from "./lessons";

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function hastText(node: HastNode): string {
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(hastText).join("");
}

/** Gives h2/h3 the ids the table of contents and #links use. */
function rehypeHeadingIds() {
  return (tree: HastNode) => {
    const walk = (node: HastNode) => {
      if (node.type === "element" && (node.tagName === "h2" || node.tagName === "h3")) {
        node.properties = { ...node.properties, id: headingId(hastText(node)) };
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
  };
}

/** The one way content MDX becomes a React component (lessons, interview reference answers). */
export async function evaluateMdx(source: string): Promise<MDXContent> {
  const compiled = await evaluate(source, { ...runtime, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeHeadingIds] });
  return compiled.default;
}
