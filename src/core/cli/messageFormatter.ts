/**
 * `kafka.tools.DefaultMessageFormatter.writeTo` (3.6.2 and 2.8.2
 * `core/src/main/scala/kafka/tools/ConsoleConsumer.scala`, the same in both): one record as the
 * console consumer prints it. Fields in a fixed order — timestamp, partition, offset, headers,
 * key, value — each followed by `key.separator` when another field follows, the last by
 * `line.separator`. A null key prints `null.literal`. Properties are taken as typed (Kafka does
 * not unescape `\t` in them); booleans are `"true"` ignoring case and spaces (`getBoolProperty`).
 */

export interface FormatterConfig {
  printTimestamp: boolean;
  printKey: boolean;
  printValue: boolean;
  printPartition: boolean;
  printOffset: boolean;
  printHeaders: boolean;
  keySeparator: string;
  lineSeparator: string;
  nullLiteral: string;
}

/** `DefaultMessageFormatter.configure` from the `--property` pairs. */
export function formatterConfig(props: Map<string, string>): FormatterConfig {
  const bool = (name: string, fallback: boolean) => {
    const text = props.get(name);
    return text === undefined ? fallback : text.trim().toLowerCase() === 'true';
  };
  return {
    printTimestamp: bool('print.timestamp', false),
    printKey: bool('print.key', false),
    printValue: bool('print.value', true),
    printPartition: bool('print.partition', false),
    printOffset: bool('print.offset', false),
    printHeaders: bool('print.headers', false),
    keySeparator: props.get('key.separator') ?? '\t',
    lineSeparator: props.get('line.separator') ?? '\n',
    nullLiteral: props.get('null.literal') ?? 'null',
  };
}

export interface FormattedRecord {
  partition: number;
  offset: number;
  /** CreateTime in ms (the simulated time of the produce step). */
  timestamp: number;
  key: string | null;
  value: string;
}

/** `writeTo`: the text the record adds to stdout (the simulated records carry no headers). */
export function writeTo(f: FormatterConfig, r: FormattedRecord): string {
  const parts: [boolean, string][] = [
    [f.printTimestamp, `CreateTime:${r.timestamp}`],
    [f.printPartition, `Partition:${r.partition}`],
    [f.printOffset, `Offset:${r.offset}`],
    [f.printHeaders, 'NO_HEADERS'],
    [f.printKey, r.key ?? f.nullLiteral],
  ];
  let out = '';
  const shown = parts.filter(([on]) => on);
  shown.forEach(([, text], i) => {
    // writeSeparator(columnSeparator = a later field or the value is printed)
    const more = i < shown.length - 1 || f.printValue;
    out += text + (more ? f.keySeparator : f.lineSeparator);
  });
  if (f.printValue) out += r.value + f.lineSeparator;
  return out;
}
