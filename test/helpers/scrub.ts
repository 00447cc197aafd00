/**
 * A reply's text with what is random or a timestamp taken out (ids, file hashes, ISO times), so a
 * scan for a room number such as "302" finds only real leaks, never a uuid that happens to hold it.
 */
export function withoutIds(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/[0-9a-f]{64}/g, '<hash>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
}
