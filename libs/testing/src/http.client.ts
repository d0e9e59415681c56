/** A response as a frontend sees it: status, headers and parsed JSON body. */
export interface HttpResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as-is when a string (to test malformed JSON), else JSON-encoded. */
  body?: unknown;
}

/** Checks an answer against a contract (see OpenApiResponseValidator); returns how it differs. */
export interface ResponseCheck {
  check(method: string, path: string, status: number, contentType: string | null, body: unknown): string[];
}

/**
 * A tiny fetch wrapper for tests that talk to the gateway over real HTTP. Given several gateways (replicas behind
 * one load balancer), it sends each request to the next one in turn, so every step of a story may land on either.
 */
export class HttpClient {
  private responseCheck?: ResponseCheck;
  readonly baseUrls: readonly string[];
  private turn = 0;

  constructor(baseUrl: string | readonly string[]) {
    this.baseUrls = typeof baseUrl === 'string' ? [baseUrl] : [...baseUrl];
    if (this.baseUrls.length === 0) throw new Error('HttpClient needs at least one base URL');
  }

  /** The first gateway (for raw requests and streams a test opens itself). */
  get baseUrl(): string {
    return this.baseUrls[0]!;
  }

  /** The gateway the next request goes to, advancing the turn. */
  private nextBaseUrl(): string {
    const baseUrl = this.baseUrls[this.turn % this.baseUrls.length]!;
    this.turn += 1;
    return baseUrl;
  }

  /** From now on every answer must match the contract, or the request throws (and the test fails). */
  checkResponsesWith(check: ResponseCheck): void {
    this.responseCheck = check;
  }

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.nextBaseUrl()}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // leave non-JSON bodies as text
    }
    const differences = this.responseCheck?.check(method, path, response.status, response.headers.get('content-type'), parsed) ?? [];
    if (differences.length > 0)
      throw new Error(`The answer differs from the OpenAPI document:\n${differences.join('\n')}\nbody: ${text.slice(0, 2000)}`);
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = any>(path: string, token?: string): Promise<HttpResponse<T>> {
    return this.request<T>('GET', path, { token });
  }

  post<T = any>(path: string, body: unknown, token?: string, headers?: Record<string, string>): Promise<HttpResponse<T>> {
    return this.request<T>('POST', path, { body, token, headers });
  }

  /** POSTs and returns the body, failing the test setup with the response when the status is not `expected`. */
  async postExpecting<T = any>(path: string, body: unknown, token: string | undefined, expected = 201): Promise<T> {
    const response = await this.post<T>(path, body, token);
    if (response.status !== expected) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  patch<T = any>(path: string, body: unknown, token?: string, headers?: Record<string, string>): Promise<HttpResponse<T>> {
    return this.request<T>('PATCH', path, { body, token, headers });
  }

  put<T = any>(path: string, body: unknown, token?: string): Promise<HttpResponse<T>> {
    return this.request<T>('PUT', path, { body, token });
  }

  delete<T = any>(path: string, token?: string): Promise<HttpResponse<T>> {
    return this.request<T>('DELETE', path, { token });
  }
}
