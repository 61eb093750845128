// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../i18n';

const i18n = createI18n('en');
import { PLAIN_LIMIT, ProblemLines, ROW_HEIGHT } from './ProblemLines';

afterEach(cleanup);

const many = (n: number) => Array.from({ length: n }, (_, i) => `steps[${i}].broker: 9 is not a broker in cluster.brokers`);

describe('ProblemLines', () => {
  it('draws a short list whole', () => {
    render(<ProblemLines lines={many(12)} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(12);
    expect(screen.getByTestId('problem-count').textContent).toBe('12 problems');
  });

  it('draws 100,000 lines in under 5 s with only the visible window in the DOM, and reaches the last', () => {
    const lines = many(100_000);
    const start = performance.now();
    render(<ProblemLines lines={lines} />);
    expect(performance.now() - start).toBeLessThan(5000);
    const items = screen.getAllByRole('listitem');
    // Far fewer than the limit of a plain list: the window plus overscan.
    expect(items.length).toBeLessThan(50);
    expect(items[0].getAttribute('aria-setsize')).toBe('100000');
    const region = screen.getByRole('region');
    expect(region.getAttribute('aria-label')).toContain('100000');
    // jsdom has no layout: scrollHeight is 0, so End is checked through a scroll event instead.
    act(() => {
      region.scrollTop = (lines.length - 1) * ROW_HEIGHT;
      fireEvent.scroll(region);
    });
    const last = screen.getAllByRole('listitem').at(-1)!;
    expect(last.getAttribute('aria-posinset')).toBe('100000');
    expect(last.textContent).toBe(lines[99_999]);
  });

  it('windows only past the plain limit', () => {
    render(<ProblemLines lines={many(PLAIN_LIMIT)} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(PLAIN_LIMIT);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('copies every line, not only the drawn ones', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const lines = many(5000);
    render(<ProblemLines lines={lines} />);
    await act(async () => { fireEvent.click(screen.getByTestId('problem-copy')); });
    expect(writeText).toHaveBeenCalledWith(lines.join('\n'));
    // Said politely, not as a second `status` inside a notice that already is one.
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByTestId('problem-lines').querySelector('[aria-live="polite"]')?.textContent).toContain('5000');
  });

  it('shows the reason in Chinese for a Chinese reader, keeping the path; copy all copies what is shown', async () => {
    await act(async () => { await i18n.changeLanguage('zh'); });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<ProblemLines lines={['steps[0]: a step must be an object with an "op"', '$: something without a code']} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['steps[0]: 每一步都必须是带有 "op" 的对象', '$: something without a code']);
    expect(screen.getByTestId('problem-count').textContent).toBe('2 个问题');
    await act(async () => { fireEvent.click(screen.getByTestId('problem-copy')); });
    expect(writeText).toHaveBeenCalledWith('steps[0]: 每一步都必须是带有 "op" 的对象\n$: something without a code');
    await act(async () => { await i18n.changeLanguage('en'); });
  });
});
