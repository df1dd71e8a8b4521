import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../web/api.ts';
import { todoList } from '../todo.schema.ts';

/** The caller's to-do counts; refreshed every minute while the home page is open. */
export function useTodo(enabled = true) {
  return useQuery({
    queryKey: ['todo'],
    queryFn: () => apiGet('/api/todo', todoList),
    enabled,
    staleTime: 0,
    refetchInterval: 60_000,
  });
}
