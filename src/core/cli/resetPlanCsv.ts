/**
 * The CSV of `kafka-consumer-groups.sh --reset-offsets`: `--export` writes it, `--from-file` reads
 * it back (`ConsumerGroupService.exportOffsetsToCsv`, `parseResetPlan` and `CsvUtils`, 3.6.2 and
 * 2.8.2 `ConsumerGroupCommand.scala`; Jackson's `CsvMapper` underneath).
 *
 * Two layouts: `topic,partition,offset` when exactly one `--group` is given (and, reading, when
 * the file's first line parses so), otherwise `group,topic,partition,offset`. Each row ends with
 * `\n` (Jackson's line separator) and the rows are joined with nothing; the tool then `println`s
 * the whole, hence an empty line at the end.
 *
 * In the simulator the file is the `cli` step's `input`: its lines are the file's lines (one
 * `\n` after each); a step without `input` names a file that does not exist.
 */
import type { ParsedOptions } from './optionParser';
import { JavaException } from './javaException';

/** `CsvEncoder._needsQuotingLoose`: any character below ',' + 1 (space, `"`, `#`, `,` …) quotes the value, `"` doubled. */
function csvValue(value: string): string {
  return [...value].some((c) => c.charCodeAt(0) < 45) ? `"${value.replace(/"/g, '""')}"` : value;
}

function singleGroup(o: ParsedOptions): boolean {
  return o.values('group').length === 1;
}

/** `exportOffsetsToCsv`: one row per group and partition of the plan. */
export function exportOffsetsToCsv(o: ParsedOptions, plan: [string, [string, number][]][]): string {
  const single = singleGroup(o);
  const rows: string[] = [];
  for (const [group, prepared] of plan) {
    for (const [tp, offset] of prepared) {
      const dash = tp.lastIndexOf('-');
      const topic = tp.slice(0, dash);
      const partition = tp.slice(dash + 1);
      rows.push(`${single ? '' : `${csvValue(group)},`}${csvValue(topic)},${partition},${offset}\n`);
    }
  }
  return rows.join('');
}

/** One CSV line's fields (RFC 4180 quoting, as Jackson's CSV parser reads it). */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') { value += '"'; i += 2; } else if (line[i] === '"') { i++; break; } else value += line[i++];
      }
      while (i < line.length && line[i] !== ',') value += line[i++];
    } else {
      while (i < line.length && line[i] !== ',') value += line[i++];
    }
    out.push(value);
    if (i >= line.length) return out;
    i++;
  }
}

/**
 * `csvReader.readValue[CsvRecord…](line)`: Jackson binds the columns by position; a number column
 * takes a Java `int`/`long` (surrounding spaces trimmed), a missing one is 0. Throws Jackson's
 * exception (its first line: the location lines that follow in Java are not modelled).
 */
function readRecord(line: string, columns: 3 | 4): { group: string; topic: string; partition: number; offset: number } {
  if (line === '') throw new JavaException('com.fasterxml.jackson.databind.exc.MismatchedInputException', 'No content to map due to end-of-input');
  const values = fields(line);
  if (values.length > columns) {
    const extra = values[columns];
    throw new JavaException('com.fasterxml.jackson.dataformat.csv.CsvReadException', `Too many entries: expected at most ${columns} (value #${columns} (${extra.length} chars) "${extra}")`);
  }
  const names = columns === 4 ? ['group', 'topic', 'partition', 'offset'] : ['topic', 'partition', 'offset'];
  const get = (name: string) => values[names.indexOf(name)];
  const number = (name: 'partition' | 'offset') => {
    const raw = get(name);
    if (raw === undefined) return 0;
    const text = raw.trim();
    const type = name === 'partition' ? 'int' : 'long';
    const max = name === 'partition' ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER;
    if (!/^[+-]?\d+$/.test(text) || Math.abs(Number(text)) > max) {
      throw new JavaException('com.fasterxml.jackson.databind.exc.InvalidFormatException', `Cannot deserialize value of type \`${type}\` from String "${raw}": not a valid \`${type}\` value`);
    }
    return Number(text);
  };
  const text = (name: string) => {
    const value = get(name);
    // A missing string column binds null; `new TopicPartition(null, …)` then fails where it is used.
    if (value === undefined) throw new JavaException('java.lang.NullPointerException', `${name} is missing in "${line}"`);
    return value;
  };
  return { group: columns === 4 ? text('group') : '', topic: text('topic'), partition: number('partition'), offset: number('offset') };
}

/**
 * `parseResetPlan`: group → [topic-partition, offset] in the file's order (a partition named twice
 * keeps its first place and its last offset, as `Map.updated` does).
 */
export function parseResetPlan(o: ParsedOptions, csv: string): Map<string, Map<string, number>> {
  // String.split("\n"): trailing empty strings dropped, but "" splits into [""].
  const lines = csv.split('\n');
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  // `isOldCsvFormat`: `Try(readValue[CsvRecordNoGroup](firstLine))`.
  let oldFormat: boolean;
  try {
    readRecord(lines[0], 3);
    oldFormat = true;
  } catch {
    oldFormat = false;
  }
  const plan = new Map<string, Map<string, number>>();
  const single = singleGroup(o);
  for (const line of lines) {
    const record = single && oldFormat ? { ...readRecord(line, 3), group: o.values('group')[0] } : readRecord(line, 4);
    const forGroup = plan.get(record.group) ?? new Map<string, number>();
    forGroup.set(`${record.topic}-${record.partition}`, record.offset);
    plan.set(record.group, forGroup);
  }
  return plan;
}
