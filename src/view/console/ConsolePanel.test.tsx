// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import ConsolePanel from './ConsolePanel';

createI18n('en');
afterEach(cleanup);

/** `fireEvent` returns false when a handler called preventDefault: Tab was kept by the prompt. */
const tab = (input: HTMLElement) => fireEvent.keyDown(input, { key: 'Tab' });
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

// The tests share the module's state: the first runs before the completion tables are loaded.
describe('ConsolePanel: Tab completion, whose tables load on demand', () => {
  it('a Tab pressed before the tables arrive waits for them, then completes, unless the line was edited meanwhile', async () => {
    render(<><ConsolePanel entries={[]} topics={['orders', 'payments']} era="kraft" /><ConsolePanel entries={[]} topics={['orders']} era="kraft" /></>);
    const [first, second] = screen.getAllByTestId('cli-input') as HTMLInputElement[];
    type(first, 'kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic ord');
    expect(tab(first)).toBe(false);
    type(second, 'kafka-topics.sh --describe --topic ord');
    expect(tab(second)).toBe(false);
    type(second, 'kafka-topics.sh --list');
    await waitFor(() => expect(first.value).toBe('kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic orders '));
    expect(second.value).toBe('kafka-topics.sh --list');
  });

  it('once loaded, Tab completes at once, and moves focus on when nothing fits or the line is empty', () => {
    render(<ConsolePanel entries={[]} topics={['orders', 'payments']} era="kraft" />);
    const input = screen.getByTestId('cli-input') as HTMLInputElement;
    type(input, 'kafka-console-prod');
    expect(tab(input)).toBe(false);
    expect(input.value).toBe('kafka-console-producer.sh ');
    type(input, 'kafka-topics.sh --describe --topic zzz');
    expect(tab(input)).toBe(true);
    expect(input.value).toBe('kafka-topics.sh --describe --topic zzz');
    type(input, '');
    expect(tab(input)).toBe(true);
  });
});
