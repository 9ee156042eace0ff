// Which checkpoint rows feed the charts: a flat budget however long the task runs.
const SAMPLE_ROWS = 900;
const NEWEST_ROWS = 50;

/** Evenly spaced seqs across 1..last, always including the newest ones. */
export function sampleSeqs(last: number, budget = SAMPLE_ROWS, newest = NEWEST_ROWS): number[] {
  if (last <= budget) return Array.from({ length: last }, (_, i) => i + 1);
  const seqs = new Set<number>();
  const spread = budget - newest;
  for (let i = 0; i < spread; i++) seqs.add(1 + Math.floor((i * (last - newest)) / spread));
  for (let seq = last - newest + 1; seq <= last; seq++) seqs.add(seq);
  return [...seqs].sort((a, b) => a - b);
}
