import { route } from "@/lib/http/route";
import { searchIndex } from "@/lib/search/build-index";

// GET -> the prebuilt search index; the palette fetches it once and searches locally.
export const GET = route({}, async ({ request }) => {
  const { index, body } = searchIndex();
  const etag = `"${index.version}"`;
  const headers = { "content-type": "application/json", etag, "cache-control": "public, max-age=300, stale-while-revalidate=86400" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
});
