// Accepted messages kept in arrival order, with bulky content kept only for the most recent ones.

/**
 * Stores messages by id in arrival order. Only the newest `retainContent` keep their content: older ones are
 * passed once to `dropContent` (which strips bodies in place), so 100,000 emails cost metadata, not megabytes of HTML.
 */
export class MessageStore<T extends { id: string }> {
  private readonly byId = new Map<string, T>();
  private order: T[] = [];
  private withContentFrom = 0;

  constructor(
    private readonly retainContent: number,
    private readonly dropContent: (message: T) => void,
  ) {}

  add(message: T): void {
    this.byId.set(message.id, message);
    this.order.push(message);
    while (this.order.length - this.withContentFrom > this.retainContent) {
      const oldest = this.order[this.withContentFrom];
      if (oldest) this.dropContent(oldest);
      this.withContentFrom += 1;
    }
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** Every stored message, oldest first (the live array: do not mutate). */
  all(): readonly T[] {
    return this.order;
  }

  get size(): number {
    return this.order.length;
  }

  /** How many messages lost their content to the retention limit. */
  get contentDropped(): number {
    return this.withContentFrom;
  }

  clear(): void {
    this.byId.clear();
    this.order = [];
    this.withContentFrom = 0;
  }
}
