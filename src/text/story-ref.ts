// Short story references: what search results and digest entries show so a reader can type
// `explain g_3fa9c1d2` or `correct g_3fa9c1d2 -carter`. A reference is the story id's rule prefix
// and its first eight hex digits (ingest/story-id.ts: "g_" + 20 hex). Eight hex digits are 32
// bits, so two stories share a reference only in archives of tens of thousands of stories with
// bad luck; the store resolves a reference only when exactly one story starts with it.

const REF_LENGTH = 10; // "g_" + 8 hex digits
const REF_PATTERN = /^[gut]_[0-9a-f]{8,20}$/;

/** The short reference shown for a story id ("g_3fa9c1d2"). */
export function storyRef(storyId: string): string {
  return storyId.slice(0, REF_LENGTH);
}

/** True when the text looks like a story id or a short reference (not a link or a search word). */
export function isStoryRef(text: string): boolean {
  return REF_PATTERN.test(text.trim().toLowerCase());
}
