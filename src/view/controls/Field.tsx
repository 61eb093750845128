import { useId, type ReactNode } from 'react';

/**
 * A labelled form control. The label points at the control (`htmlFor`) instead of wrapping it,
 * so a select's accessible name is the label alone, not the label plus the chosen option.
 */
export function Field({ label, className, children }: { label: ReactNode; className?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
