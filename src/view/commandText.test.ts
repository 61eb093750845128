import { describe, expect, it } from 'vitest';
import { splitCommandWords } from './commandText';

const commands = (text: string) => splitCommandWords(text).filter((p) => p.command).map((p) => p.text);

describe('command words kept whole', () => {
  it('finds options, scripts and KIP numbers, never a sentence\'s full stop', () => {
    expect(commands('--bootstrap-server arrived in 2.2 (KIP-377) and --zookeeper was removed from kafka-topics.sh in 3.0.'))
      .toEqual(['--bootstrap-server', 'KIP-377', '--zookeeper', 'kafka-topics.sh']);
    expect(commands('then run --reset-offsets. Done')).toEqual(['--reset-offsets']);
    expect(commands('kafka-console-consumer.sh --topic first --from-beginning')).toEqual(['kafka-console-consumer.sh', '--topic', '--from-beginning']);
    expect(commands('工具报错，--group g1 的位移（--to-datetime）')).toEqual(['--group', '--to-datetime']);
    expect(commands('Since Kafka 2.5 (KIP-499); KAFKA-12670 made it work in 4.0, KIP-101 and KIP-279.')).toEqual(['KIP-499', 'KAFKA-12670', 'KIP-101', 'KIP-279']);
  });

  it('leaves other hyphens and dotted names alone, and the text unchanged', () => {
    expect(commands('acks=-1, a well-known leader-epoch, replica.lag.time.max.ms, t = 0 -- 5')).toEqual([]);
    const text = 'Use --describe on kafka-topics.sh, then --list.';
    expect(splitCommandWords(text).map((p) => p.text).join('')).toBe(text);
  });
});
