/** The student's answers in this page (per lesson and question position); not saved. */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

const answers = createStore<{ chosen: Record<string, string> }>()(() => ({ chosen: {} }));

export function useAnswer(lesson: string, position: number): string | undefined {
  return useStore(answers, (s) => s.chosen[`${lesson}:${position}`]);
}

export function answer(lesson: string, position: number, choice: string): void {
  answers.setState((s) => ({ chosen: { ...s.chosen, [`${lesson}:${position}`]: choice } }));
}
