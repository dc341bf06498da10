// A local fake of the GitHub REST API for issue comments (list, create, update), enough for the
// pull-request plan comment: @actions/github's Octokit reaches it through GITHUB_API_URL. It checks
// the token, pages like GitHub (Link header), and rejects bodies over GitHub's 65,536 characters.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GITHUB_COMMENT_MAX_CHARS } from './github-limits.js';

export interface FakeComment {
  readonly id: number;
  readonly issue: number;
  body: string;
  readonly user: { readonly login: string; readonly type: 'Bot' | 'User' };
}

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
}

export interface FakeGitHubApi {
  readonly url: string;
  readonly token: string;
  readonly comments: FakeComment[];
  readonly requests: FakeRequest[];
  /** Answer every request with this status (e.g. 403 for a read-only token); null to behave. */
  failWith(status: number | null): void;
  /** A comment someone else wrote. */
  addComment(issue: number, body: string, login?: string): FakeComment;
  close(): Promise<void>;
}

export async function startFakeGitHubApi(options: { token?: string; owner?: string; repo?: string } = {}): Promise<FakeGitHubApi> {
  const token = options.token ?? 'ghs_fake-workflow-token';
  const base = `/repos/${options.owner ?? 'acme'}/${options.repo ?? 'hr-sync'}`;
  const comments: FakeComment[] = [];
  const requests: FakeRequest[] = [];
  let forced: number | null = null;
  let nextId = 1000;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const render = (c: FakeComment) => ({
    id: c.id,
    body: c.body,
    user: c.user,
    html_url: `https://github.com${base}/pull/${c.issue}#issuecomment-${c.id}`,
  });
  const readJson = async (req: IncomingMessage): Promise<unknown> => {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    return JSON.parse(text) as unknown;
  };
  const bodyOf = (value: unknown): string | null => {
    const body = (value as { body?: unknown } | null)?.body;
    return typeof body === 'string' ? body : null;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push({ method: req.method ?? 'GET', path: url.pathname });
      if (forced !== null) return send(res, forced, { message: 'Resource not accessible by integration' });
      if (req.headers.authorization !== `token ${token}`) return send(res, 401, { message: 'Bad credentials' });

      const list = new RegExp(`^${base}/issues/(\\d+)/comments$`).exec(url.pathname);
      const one = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(url.pathname);
      if (list && req.method === 'GET') {
        const issue = Number(list[1]);
        const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
        const page = Number(url.searchParams.get('page') ?? 1);
        const all = comments.filter((c) => c.issue === issue);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length) {
          const next = new URL(url.href.replace('http://localhost', `http://${req.headers.host ?? 'localhost'}`));
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next.href}>; rel="next"`;
        }
        return send(res, 200, slice.map(render), headers);
      }
      if (list && req.method === 'POST') {
        const body = bodyOf(await readJson(req));
        if (body === null || body.length > GITHUB_COMMENT_MAX_CHARS)
          return send(res, 422, { message: 'Validation Failed', errors: [{ message: 'Body is too long (maximum is 65536 characters)' }] });
        const comment: FakeComment = { id: nextId++, issue: Number(list[1]), body, user: { login: 'github-actions[bot]', type: 'Bot' } };
        comments.push(comment);
        return send(res, 201, render(comment));
      }
      if (one && req.method === 'PATCH') {
        const comment = comments.find((c) => c.id === Number(one[1]));
        if (!comment) return send(res, 404, { message: 'Not Found' });
        const body = bodyOf(await readJson(req));
        if (body === null || body.length > GITHUB_COMMENT_MAX_CHARS)
          return send(res, 422, { message: 'Validation Failed', errors: [{ message: 'Body is too long (maximum is 65536 characters)' }] });
        comment.body = body;
        return send(res, 200, render(comment));
      }
      return send(res, 404, { message: 'Not Found' });
    })().catch(() => send(res, 500, { message: 'fake failed' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    comments,
    requests,
    failWith: (status) => {
      forced = status;
    },
    addComment: (issue, body, login = 'octocat') => {
      const comment: FakeComment = { id: nextId++, issue, body, user: { login, type: 'User' } };
      comments.push(comment);
      return comment;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
