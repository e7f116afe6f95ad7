// One HTTP exchange with a deadline over the whole of it, answer body included. An AbortController rather than
// AbortSignal.timeout, which jsdom's globals (the page tests run the server there) lack.
export async function fetchWithin(
  url: string,
  init: RequestInit,
  ms: number,
): Promise<{ status: number; ok: boolean; text: string }> {
  const answered = new AbortController();
  const timer = setTimeout(() => answered.abort(), ms);
  try {
    const response = await fetch(url, { ...init, signal: answered.signal });
    return { status: response.status, ok: response.ok, text: await response.text() };
  } finally {
    clearTimeout(timer);
  }
}
