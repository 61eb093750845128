/**
 * Whether the course (the list of lessons) is showing: at `/` with nothing saved, or from the
 * toolbar's "Course". Eager and tiny: the course page itself is a lazy chunk.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export const courseView = createStore<{ open: boolean }>()(() => ({ open: false }));

export function useCourseOpen(): boolean {
  return useStore(courseView, (s) => s.open);
}

export function showCourse(open: boolean): void {
  courseView.setState({ open });
}
