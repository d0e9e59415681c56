import { eventually } from '@warden/testing';

/** A Server-Sent Events reader over fetch, as a browser's EventSource would see `GET /api/v1/realtime`. */
export class SseStream {
  readonly events: Array<{ event: string; data: any }> = [];
  /** True once the server has ended the stream (not when close() aborted it). */
  endedByServer = false;
  private readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();

  static async open(
    baseUrl: string,
    token: string,
    via: 'header' | 'query' = 'header',
  ): Promise<{ status: number; stream: SseStream; body?: any }> {
    const stream = new SseStream();
    const url = `${baseUrl}/api/v1/realtime${via === 'query' ? `?access_token=${encodeURIComponent(token)}` : ''}`;
    const response = await fetch(url, {
      headers: via === 'header' ? { authorization: `Bearer ${token}` } : {},
      signal: stream.abort.signal,
    });
    if (response.status !== 200) return { status: response.status, stream, body: await response.json() };
    stream.done = stream.read(response.body!);
    await eventually(() => expect(stream.events.some((event) => event.event === 'ready')).toBe(true));
    return { status: 200, stream };
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          this.endedByServer = true;
          return;
        }
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) this.events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted by close()
    }
  }

  of(type: string, predicate: (data: any) => boolean = () => true): any[] {
    return this.events.filter((event) => event.event === type && predicate(event.data)).map((event) => event.data);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}
