// Smoke test of the TypeScript types generated from docs/openapi/v1.json (openapi-typescript) with openapi-fetch,
// against a running CleanApp: register, log in, create and read an article, list with paging, and read a 404 and a
// 422 back as typed errors. Usage: CLEANAPP_URL=http://127.0.0.1:5080 node dist/smoke.js
// Prints one line per check and, last, "N passed, N failed"; exits non-zero on any failure.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

type ErrorBody = components["schemas"]["ErrorBody"];

const baseUrl = process.env.CLEANAPP_URL ?? "http://127.0.0.1:5080";
let passed = 0;
let failed = 0;

async function check(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
    passed++;
    console.log(`  ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`  FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

function firstError(error: ErrorBody | undefined, key: string): string | undefined {
  return error?.errors[key]?.[0];
}

let token: string | undefined;
const auth: Middleware = {
  onRequest({ request }) {
    if (token) {
      request.headers.set("Authorization", `Token ${token}`);
    }
    return request;
  },
};

const client = createClient<paths>({ baseUrl });
client.use(auth);

const name = `ts${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const email = `${name}@example.com`;
const password = "password123";
const slugs: string[] = [];

await check("register", async () => {
  const { data, error, response } = await client.POST("/api/users", {
    body: { user: { username: name, email, password } },
  });
  expect(response.status === 201, `status ${response.status}: ${JSON.stringify(error)}`);
  expect(data?.user.username === name, "username");
  expect(data.user.bio === null, "bio is null");
});

await check("log in", async () => {
  const { data, response } = await client.POST("/api/users/login", { body: { user: { email, password } } });
  expect(response.status === 200 && data !== undefined, `status ${response.status}`);
  token = data.user.token;
  const me = await client.GET("/api/user");
  expect(me.data?.user.email === email, "GET /api/user");
});

await check("create and read an article", async () => {
  for (let i = 0; i < 3; i++) {
    const { data, response } = await client.POST("/api/articles", {
      body: { article: { title: `TS smoke ${name} ${i}`, description: "from openapi-fetch", body: `Body ${i}`, tagList: [name] } },
    });
    expect(response.status === 201 && data !== undefined, `create status ${response.status}`);
    slugs.push(data.article.slug);
  }
  const slug = slugs[0];
  expect(slug !== undefined, "a slug");
  const { data } = await client.GET("/api/articles/{slug}", { params: { path: { slug } } });
  expect(data?.article.body === "Body 0", "body read back");
  expect(data.article.author.username === name, "author");
});

await check("list with paging", async () => {
  const page1 = await client.GET("/api/articles", { params: { query: { tag: name, limit: 2, offset: 0 } } });
  const page2 = await client.GET("/api/articles", { params: { query: { tag: name, limit: 2, offset: 2 } } });
  expect(page1.data?.articlesCount === 3, `articlesCount ${page1.data?.articlesCount}`);
  expect(JSON.stringify(page1.data.articles.map((a) => a.slug)) === JSON.stringify([slugs[2], slugs[1]]), "page 1");
  expect(JSON.stringify(page2.data?.articles.map((a) => a.slug)) === JSON.stringify([slugs[0]]), "page 2");
  expect(page1.data.articles.every((a) => !("body" in a)), "list items have no body");
});

await check("404 as a typed error", async () => {
  const { data, error, response } = await client.GET("/api/articles/{slug}", {
    params: { path: { slug: `no-such-article-${name}` } },
  });
  expect(response.status === 404 && data === undefined, `status ${response.status}`);
  expect(firstError(error, "article") === "not found", JSON.stringify(error));
});

await check("422 as a typed error", async () => {
  const { error, response } = await client.POST("/api/articles", {
    body: { article: { title: "", description: "d", body: "b" } },
  });
  expect(response.status === 422, `status ${response.status}`);
  expect(firstError(error, "title") === "can't be blank", JSON.stringify(error));
  const paging = await client.GET("/api/articles", { params: { query: { limit: 0 } } });
  expect(paging.response.status === 422 && firstError(paging.error, "limit") !== undefined, JSON.stringify(paging.error));
});

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
