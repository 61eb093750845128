import { Component, type ReactNode } from 'react';
import { LoadErrorPanel } from './LoadErrorPanel';

interface Props {
  children: ReactNode;
  onOpenExample: () => void;
}

/**
 * Any exception while drawing the cluster becomes the load-error panel, with the built-in example
 * one click away, never a blank page. Keyed by the store's `loadSerial` where it is used, so the
 * next scenario opened starts afresh.
 */
export class ClusterErrorBoundary extends Component<Props, { error: string | null }> {
  state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }

  render() {
    if (this.state.error !== null) {
      return <LoadErrorPanel error={{ kind: 'crashed', message: this.state.error }} onOpenExample={this.props.onOpenExample} />;
    }
    return this.props.children;
  }
}
