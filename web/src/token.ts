/**
 * The analyst's write token. Kept in sessionStorage, not localStorage: it dies with the tab, so a
 * shared workstation does not keep edit rights for the next person.
 */
import { signal } from '@preact/signals';

const KEY = 'strikewatch.token';

function read(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return ''; // storage disabled (privacy mode): the token lives for this page only
  }
}

export const token = signal(read());

export function getToken(): string {
  return token.value;
}

export function setToken(value: string): void {
  token.value = value.trim();
  try {
    if (token.value) sessionStorage.setItem(KEY, token.value);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage disabled: keep it in memory only
  }
}
