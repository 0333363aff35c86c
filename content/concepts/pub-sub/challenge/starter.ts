type Handler = (topic: string, message: string) => void;

/**
 * An in-process publish/subscribe broker with MQTT topic filters.
 * - levels split on "/"; "+" matches exactly one level; "#" matches the rest and must be last
 *   ("sport/#" also matches "sport"); wildcards at the start never match topics beginning with "$".
 * - one delivery per matching subscription, in subscription order; a throwing handler
 *   does not stop the others.
 * - who receives a message is fixed when it is published; a publish from inside a handler
 *   is delivered after the current message has reached every subscriber.
 */
export class Broker {
  subscribe(pattern: string, handler: Handler): () => void {
    void pattern;
    void handler;
    return () => {};
  }

  /** Returns the number of deliveries attempted. */
  publish(topic: string, message: string): number {
    void topic;
    void message;
    return 0;
  }

  /** Stores the last message for the topic for future subscribers; delivers nothing now. */
  retain(topic: string, message: string): void {
    void topic;
    void message;
  }
}
