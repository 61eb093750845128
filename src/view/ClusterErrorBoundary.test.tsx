// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClusterErrorBoundary } from './ClusterErrorBoundary';

function Broken(): never {
  throw new RangeError('Maximum call stack size exceeded');
}

afterEach(cleanup);

describe('ClusterErrorBoundary', () => {
  it('turns an exception while drawing into the load-error panel, with the example one click away', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onOpenExample = vi.fn();
    render(<ClusterErrorBoundary onOpenExample={onOpenExample}><Broken /></ClusterErrorBoundary>);
    const panel = screen.getByTestId('load-error');
    expect(panel.textContent).toContain('RangeError: Maximum call stack size exceeded');
    fireEvent.click(screen.getByRole('button'));
    expect(onOpenExample).toHaveBeenCalledTimes(1);
    quiet.mockRestore();
  });

  it('draws its children when nothing throws', () => {
    render(<ClusterErrorBoundary onOpenExample={() => undefined}><p>cluster</p></ClusterErrorBoundary>);
    expect(screen.getByText('cluster')).toBeTruthy();
    expect(screen.queryByTestId('load-error')).toBeNull();
  });
});
