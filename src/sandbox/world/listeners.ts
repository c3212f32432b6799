/** Subscribers to one kind of world event, called in the order they subscribed. */
export class Listeners<Event> {
  private readonly list: Array<(event: Event) => void> = [];

  /** Subscribes; returns the unsubscribe function. */
  add(listener: (event: Event) => void): () => void {
    this.list.push(listener);
    return () => {
      const index = this.list.indexOf(listener);
      if (index !== -1) this.list.splice(index, 1);
    };
  }

  emit(event: Event): void {
    for (const listener of [...this.list]) listener(event);
  }
}
