/** The "find a file" box of a windowed tree (context and final-image panels, above 2,000 files). */
export interface FindBoxProps {
  /** what the box searches, for its accessible name: "the context", "the final image" */
  within: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** shown beside the box: how many rows match, or how the rows are drawn */
  summary: string;
  /** the number of matching rows, exposed as data-count when given */
  count?: number;
  className?: string;
}

export function FindBox({ within, value, onChange, testId, summary, count, className }: FindBoxProps) {
  return (
    <div className={`tree-find${className ? ` ${className}` : ''}`}>
      <input
        type="search"
        aria-label={`find a file in ${within} by its path`}
        placeholder="find a file: part of its path"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        data-testid={testId}
      />
      <span className="muted" data-testid={`${testId}-count`} data-count={count}>
        {summary}
      </span>
    </div>
  );
}

/** "12 of 3,000 files", or how the rows are drawn while nothing narrows them. */
export function findSummary(narrowed: boolean, shown: number, total: number): string {
  return narrowed ? `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} files` : 'rows are drawn as you scroll';
}
