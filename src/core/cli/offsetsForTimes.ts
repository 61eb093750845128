/**
 * What `--to-datetime` and `--by-duration` of kafka-consumer-groups.sh need: Kafka's two parsers
 * and the broker's ListOffsets by timestamp.
 *
 * The simulated clock is the wall clock: simulated time 0 is 1970-01-01T00:00:00Z (the Unix
 * epoch), as the tools' log lines already print it (`logTimestamp`), so a record produced at
 * t = 5,000 ms carries the timestamp 5000 (CreateTime) and `--to-datetime 1970-01-01T00:00:05.000`
 * names it. "Now" for `--by-duration` is the simulated time of the `cli` step.
 *
 * Sources (apache/kafka, the same in 2.8.2 and 3.6.2): `clients/.../common/utils/Utils.java`
 * (`getDateTime`), `ConsumerGroupCommand.scala` (`prepareOffsetsToReset`: `Duration.parse`, then
 * `now.minus(duration).toEpochMilli`), `core/.../log/UnifiedLog.scala` 3.6.2 / `Log.scala` 2.8.2
 * (`fetchOffsetByTimestamp`) and `cluster/Partition.scala` (`fetchOffsetForTimestamp`: only an
 * offset below the HW is answered to a read_uncommitted client).
 */
import type { SimContext } from '../simContext';
import { findTopic } from '../simContext';
import { firstOffset } from '../model/world';
import { JavaException } from './javaException';
import { servingLeader } from '../protocol/groups/consumerClient';
import { parseTopicPartition } from '../protocol/groups/topicPartition';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days from 1970-01-01 to year-month-day, proleptic Gregorian (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * One `SimpleDateFormat.parse` attempt, non-lenient, with the pattern
 * `yyyy-MM-dd'T'HH:mm:ss.SSS` followed by `XXX` (`Z` or `±HH:MM`) or `X` (`Z` or `±HH`).
 * Numeric fields take as many digits as are there (SimpleDateFormat counts pattern letters only
 * between abutting numbers), so `.5` is 5 ms; what follows a parsed date is ignored
 * (`DateFormat.parse(String)` does not ask for the whole text). Null when it does not parse.
 */
function simpleDateFormat(text: string, zone: 'XXX' | 'X'): number | null {
  const zonePattern = zone === 'XXX' ? '(Z|[+-]\\d{2}:\\d{2})' : '(Z|[+-]\\d{2})';
  const m = new RegExp(`^(\\d+)-(\\d+)-(\\d+)T(\\d+):(\\d+):(\\d+)\\.(\\d+)${zonePattern}`).exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second, millis] = m.slice(1, 8).map(Number);
  // setLenient(false): every field within its calendar range (GregorianCalendar, era AD).
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1])) return null;
  if (hour > 23 || minute > 59 || second > 59 || millis > 999) return null;
  let offsetMin = 0;
  if (m[8] !== 'Z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    const hours = Number(m[8].slice(1, 3));
    const minutes = zone === 'XXX' ? Number(m[8].slice(4, 6)) : 0;
    if (hours > 23 || minutes > 59) return null;
    offsetMin = sign * (hours * 60 + minutes);
  }
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis - offsetMin * 60_000;
}

/**
 * `Utils.getDateTime`: `YYYY-MM-DDTHH:mm:SS.sss` with an optional zone (`Z`, `+01:00`, `-05`);
 * without one (no `+`, `-` or `Z` after the `T`) the time is UTC. Throws `ParseException`s with
 * Kafka's and the JDK's messages.
 */
export function getDateTime(timestamp: string): number {
  // String.split("T"), which drops trailing empty strings.
  const parts = timestamp.split('T');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length < 2) {
    throw new JavaException('java.text.ParseException', "Error parsing timestamp. It does not contain a 'T' according to ISO8601 format");
  }
  const second = parts[1];
  const text = second.includes('+') || second.includes('-') || second.includes('Z') ? timestamp : `${timestamp}Z`;
  const parsed = simpleDateFormat(text, 'XXX') ?? simpleDateFormat(text, 'X');
  if (parsed === null) throw new JavaException('java.text.ParseException', `Unparseable date: "${text}"`);
  return parsed;
}

/**
 * `java.time.Duration.parse` (`PnDTnHnMn.nS`, case-insensitive, signs allowed on the whole and on
 * each number, a fraction of up to 9 digits on the seconds) as nanoseconds. Throws
 * `DateTimeParseException` ("Text cannot be parsed to a Duration").
 */
export function parseDurationNanos(text: string): bigint {
  const m = /^([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?$/i.exec(text);
  const fail = () => new JavaException('java.time.format.DateTimeParseException', 'Text cannot be parsed to a Duration');
  // A bare `T` (nothing after it) and a `P` with nothing are not durations.
  if (!m || m[3]?.toUpperCase() === 'T' || (m[2] === undefined && m[4] === undefined && m[5] === undefined && m[6] === undefined)) throw fail();
  const n = (s: string | undefined) => (s === undefined ? 0n : BigInt(s.replace('+', '')));
  const secondsNegative = m[6]?.startsWith('-') ?? false;
  const fraction = m[7] === undefined || m[7] === '' ? 0n : BigInt(m[7].padEnd(9, '0'));
  let nanos = ((n(m[2]) * 24n + n(m[4])) * 60n + n(m[5])) * 60n * 1_000_000_000n + n(m[6]) * 1_000_000_000n + (secondsNegative ? -fraction : fraction);
  if (m[1] === '-') nanos = -nanos;
  return nanos;
}

/** `Instant.ofEpochMilli(now).minus(duration).toEpochMilli()`: the instant floored to a millisecond. */
export function timestampBefore(nowMs: number, durationNanos: bigint): number {
  const nanos = BigInt(nowMs) * 1_000_000n - durationNanos;
  const ms = nanos / 1_000_000n;
  return Number(nanos < 0n && ms * 1_000_000n !== nanos ? ms - 1n : ms);
}

/** ListOffsets' special timestamps (`ListOffsetsRequest.LATEST_TIMESTAMP`, `EARLIEST_TIMESTAMP`). */
const LATEST_TIMESTAMP = -1;
const EARLIEST_TIMESTAMP = -2;

/**
 * ListOffsets by timestamp for a read_uncommitted client (what `OffsetSpec.forTimestamp` asks the
 * leader): the first offset from the log start whose record's timestamp is at or after
 * `timestamp`, if it lies below the HW; null (`UNKNOWN_OFFSET`) otherwise. -1 and -2 keep their
 * protocol meaning (the HW, the log start), which a datetime just before the epoch can produce.
 * `undefined` when no serving leader answers.
 */
export function offsetForTimestamp(ctx: SimContext, tp: string, timestamp: number): number | null | undefined {
  const { topic, partition } = parseTopicPartition(tp);
  const p = findTopic(ctx.world, topic)?.partitions[partition];
  const leader = p && servingLeader(ctx, p);
  if (!leader) return undefined;
  if (timestamp === LATEST_TIMESTAMP) return leader.highWatermark;
  if (timestamp === EARLIEST_TIMESTAMP) return leader.logStartOffset;
  const first = firstOffset(leader);
  for (let offset = Math.max(first, leader.logStartOffset); offset < leader.highWatermark; offset++) {
    const record = leader.log[offset - first];
    if (record && record.timestampMs >= timestamp) return offset;
  }
  return null;
}
