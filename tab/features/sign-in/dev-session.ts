/**
 * The demo sign-in's session token lives in sessionStorage: it survives a reload but not closing
 * the tab, and another browser tab can sign in as someone else.
 */
const KEY = 'chorus.devToken';

export function readDevToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function writeDevToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // storage blocked: the session lasts until the page is reloaded
  }
}

export function clearDevToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
