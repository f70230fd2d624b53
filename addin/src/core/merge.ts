// A three-way merge of a note by paragraph (a line of the note's text): what one person changed since the version both
// started from is kept together with what the other changed, as long as they changed different paragraphs (neighbours
// are fine). Where both
// only added paragraphs at the same place, both additions are kept (theirs first, as they were saved first). Where both
// changed the same paragraph differently there is no merge (null): the person then chooses, and no word is lost.

/** The merged text, or null when both changed the same paragraph in different ways. */
export function mergeParagraphs(base: string, mine: string, theirs: string): string | null {
  if (mine === base || mine === theirs) {
    return theirs;
  }
  if (theirs === base) {
    return mine;
  }
  // An empty note has no paragraph yet (not one empty paragraph), so both people's first words are additions.
  const lines = [base, mine, theirs].map((text) => (text === "" ? [] : text.split("\n"))) as [string[], string[], string[]];
  // Paragraphs before and after every change are the same in all three: merge only what lies between.
  const shortest = Math.min(...lines.map((l) => l.length));
  let head = 0;
  while (head < shortest && lines.every((l) => l[head] === lines[0][head])) {
    head++;
  }
  let tail = 0;
  while (tail < shortest - head && lines.every((l) => l[l.length - 1 - tail] === lines[0][lines[0].length - 1 - tail])) {
    tail++;
  }
  const [b, m, t] = lines.map((l) => l.slice(head, l.length - tail)) as [string[], string[], string[]];
  const middle = mergeLines(b, m, t);
  return middle === null ? null : [...lines[0].slice(0, head), ...middle, ...lines[0].slice(lines[0].length - tail)].join("\n");
}

/** A change of one side: the base's lines [start, end) became `lines` (start = end: lines added before start). */
interface Hunk {
  start: number;
  end: number;
  lines: string[];
  theirs: boolean;
}

function mergeLines(base: string[], mine: string[], theirs: string[]): string[] | null {
  const changes = [...hunks(base, theirs, true), ...hunks(base, mine, false)].sort(
    (x, y) => x.start - y.start || x.end - y.end || (x.theirs === y.theirs ? 0 : x.theirs ? -1 : 1),
  );
  const merged: string[] = [];
  let position = 0;
  let previous: Hunk | null = null;
  for (const change of changes) {
    const sameRange = previous !== null && change.start === previous.start && change.end === previous.end;
    if (sameRange && same(change.lines, previous!.lines)) {
      // Both made the same change (or one side's save came back as the other's version): once.
      continue;
    }
    if (sameRange && change.start === change.end && startsWith(change.lines, previous!.lines)) {
      // Both added here and one addition begins with the other's: the longer one holds both.
      merged.splice(merged.length - previous!.lines.length, previous!.lines.length, ...change.lines);
      previous = change;
      continue;
    }
    if (sameRange && change.start === change.end && startsWith(previous!.lines, change.lines)) {
      continue;
    }
    if (previous && change.start < previous.end) {
      // Both changed the same paragraphs, differently.
      return null;
    }
    merged.push(...base.slice(position, change.start), ...change.lines);
    position = Math.max(position, change.end);
    previous = !previous || change.end >= previous.end ? change : previous;
  }
  merged.push(...base.slice(position));
  return merged;
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, k) => line === b[k]);
}

function startsWith(lines: string[], prefix: string[]): boolean {
  return prefix.length <= lines.length && prefix.every((line, k) => line === lines[k]);
}

/** The changes that turn `base` into `other`, in order. */
function hunks(base: string[], other: string[], theirs: boolean): Hunk[] {
  const kept = matches(base, other);
  const result: Hunk[] = [];
  let [i, j] = [0, 0];
  for (let k = 0; k <= base.length; k++) {
    if (k < base.length && kept[k] === -1) {
      continue;
    }
    const to = k < base.length ? kept[k]! : other.length;
    if (k > i || to > j) {
      result.push({ start: i, end: k, lines: other.slice(j, to), theirs });
    }
    [i, j] = [k + 1, to + 1];
  }
  return result;
}

/**
 * For each line of `base`, the line of `other` it stays as in a shortest edit script (Myers' O((N+M)D) diff), or -1.
 * Cheap where a note changed a little, which is what two people typing at once do.
 */
function matches(base: string[], other: string[]): number[] {
  const [n, m] = [base.length, other.length];
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  // Step d reads only diagonals -d-1 … d+1 of the step before: keep just those (memory grows with the edits, not the note).
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    if (d > maxEdits) {
      return new Array<number>(n).fill(-1);
    }
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && base[x] === other[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  // Walk the edits back from the end, noting the lines kept on the way.
  const result = new Array<number>(n).fill(-1);
  let [x, y] = [n, m];
  for (let d = trace.length - 1; d >= 0; d--) {
    const kept = trace[d]!;
    const at = (k: number) => kept[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      result[--x] = --y;
    }
    [x, y] = [previousX, previousY];
  }
  return result;
}

/** Beyond this many changed paragraphs the comparison is not worth a pane's time: the person chooses instead. */
const maxEdits = 2_000;
