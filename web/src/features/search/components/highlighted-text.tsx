// A borehole name with the parts the query matched in <mark>, so a reader sees why it was found.
import { splitByRanges, type HighlightRange } from '../utils/highlight-ranges.js';

export function HighlightedText({ text, ranges }: { text: string; ranges?: readonly HighlightRange[] }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  return (
    <>
      {splitByRanges(text, ranges).map((piece, index) =>
        piece.marked ? (
          <mark key={index} className="search-match" data-testid="search-match">
            {piece.text}
          </mark>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
