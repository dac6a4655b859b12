// Text generated into README.md (the role table, the policy table): a table cell's escape,
// and the block between two marker comments that a generator rewrites and a test compares.

/** Markdown table cell text: a `|` inside would end the cell. */
export const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');

export interface BlockMarkers {
  start: string;
  end: string;
}

/** `text` with the block between the markers replaced by `block`; throws when the markers are missing or out of order. */
export function replaceMarkedBlock(text: string, markers: BlockMarkers, block: string): string {
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${markers.start} and ${markers.end}, in that order`);
  return `${text.slice(0, start + markers.start.length)}\n${block}\n${text.slice(end)}`;
}

/** The block `text` holds between the markers, or null without them. */
export function markedBlock(text: string, markers: BlockMarkers): string | null {
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  if (start < 0 || end < start) return null;
  return text.slice(start + markers.start.length, end).replace(/^\n/, '').replace(/\n$/, '');
}
