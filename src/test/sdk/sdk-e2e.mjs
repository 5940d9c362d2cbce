// End-to-end test: the official `supermemory` SDK (npm, pinned in package.json) against a running Hippocamel server.
//
// Used exactly as a new user would: only `baseURL` and `apiKey` differ from talking to api.supermemory.ai.
// Endpoints the 4.25.4 SDK has no method for (chunks, the /v3/memories alias, seed-style user_id) go through the SDK's
// own generic `client.get/post`, still with its auth, headers, retries and error classes.
//
//   HC_BASE_URL=http://127.0.0.1:8080 HC_API_KEY=... [HC_API_KEY_2=<a second tenant's key>] node sdk-e2e.mjs
//
// Every run uses fresh container tags and unique words, so it can run repeatedly against the same server.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Supermemory, {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  toFile,
} from 'supermemory';
import { buildDocx, buildPdf } from './fixtures.mjs';

const BASE_URL = process.env.HC_BASE_URL;
const API_KEY = process.env.HC_API_KEY;
const API_KEY_2 = process.env.HC_API_KEY_2;
if (!BASE_URL || !API_KEY) {
  console.error('HC_BASE_URL and HC_API_KEY must be set (HC_API_KEY_2 optionally, for the tenancy checks)');
  process.exit(2);
}

// Fail at once, with one clear line, when there is no server to test (instead of every step timing out).
try {
  await fetch(new URL('/health', BASE_URL), { signal: AbortSignal.timeout(10_000) });
} catch (err) {
  console.error(`FAIL: no server reachable at ${BASE_URL}: ${err.cause?.message ?? err.message}`);
  process.exit(1);
}

/** How long one document may take from add to `done`. */
const DONE_TIMEOUT_MS = Number(process.env.HC_DONE_TIMEOUT_MS ?? 60_000);
const POLL_MS = 200;
const STEP_TIMEOUT = { timeout: 3 * DONE_TIMEOUT_MS };

const client = new Supermemory({ apiKey: API_KEY, baseURL: BASE_URL });

const STATUSES = ['unknown', 'queued', 'extracting', 'chunking', 'embedding', 'indexing', 'done', 'failed'];
const FINAL = ['done', 'failed'];

// ---------------------------------------------------------------------------------------------------------------
// Unique names for this run: container tags match ^[a-zA-Z0-9_:-]+$, words are letters only (one token for any
// analyzer, never split at a letter/digit boundary, never a dictionary word).

const RUN = (Date.now().toString(36) + Math.random().toString(36).slice(2, 7)).replace(/\d/g, (d) => 'qwxzvkjyhg'[d]);
const TAG = `sdk-e2e-${RUN}`;
const tag = (suffix) => `${TAG}-${suffix}`;
const word = (stem) => `${stem}${RUN}`;

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** Polls GET /v3/documents/{id} until the status is final; fails on `failed`, a 404, or the time limit. */
async function waitForDone(id, timeoutMs = DONE_TIMEOUT_MS) {
  const seen = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = await client.documents.get(id); // a 404 throws NotFoundError: GET after an accepted add must never 404
    assert.ok(STATUSES.includes(doc.status), `document ${id}: unknown status ${JSON.stringify(doc.status)}`);
    if (seen.at(-1) !== doc.status) seen.push(doc.status);
    if (doc.status === 'failed') {
      assert.fail(`document ${id} failed: ${JSON.stringify(doc)}`);
    }
    if (doc.status === 'done') return { doc, seen };
    if (Date.now() > deadline) {
      assert.fail(`document ${id} not done after ${timeoutMs} ms; statuses seen: ${seen.join(' -> ')}`);
    }
    await sleep(POLL_MS);
  }
}

/** Polls until the status is final (`done` or `failed`), whichever; returns the document. */
async function waitForFinal(id, timeoutMs = DONE_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = await client.documents.get(id);
    if (FINAL.includes(doc.status)) return doc;
    if (Date.now() > deadline) assert.fail(`document ${id} still ${doc.status} after ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

/** Waits until every id is `done`; returns a map id -> document. */
async function waitAllDone(ids, timeoutMs = DONE_TIMEOUT_MS * 2) {
  const pending = new Set(ids);
  const docs = new Map();
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0) {
    for (const id of [...pending]) {
      const doc = await client.documents.get(id);
      assert.ok(STATUSES.includes(doc.status), `document ${id}: unknown status ${JSON.stringify(doc.status)}`);
      if (doc.status === 'failed') assert.fail(`document ${id} failed: ${JSON.stringify(doc)}`);
      if (doc.status === 'done') {
        pending.delete(id);
        docs.set(id, doc);
      }
    }
    if (pending.size === 0) break;
    if (Date.now() > deadline) assert.fail(`${pending.size} of ${ids.length} documents not done after ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
  return docs;
}

/** Adds a text document and returns its id after checking the add response. */
async function add(params) {
  const { data, response } = await client.add(params).withResponse();
  assert.equal(response.status, 200, 'POST /v3/documents answers 200');
  assert.equal(typeof data.id, 'string');
  assert.ok(data.id.length > 0, 'add returns a non-empty id');
  assert.equal(data.status, 'queued', `add returns status "queued", got ${JSON.stringify(data)}`);
  return data.id;
}

/** Asserts that `promise` rejects with the SDK error class `Type` and HTTP `status`, with a JSON error body. */
async function expectApiError(promise, Type, status) {
  let caught;
  try {
    const value = await promise;
    assert.fail(`expected ${Type.name} (${status}), but the call succeeded with ${JSON.stringify(value)}`);
  } catch (err) {
    if (err instanceof assert.AssertionError) throw err;
    caught = err;
  }
  assert.ok(
    caught instanceof Type,
    `expected ${Type.name} (${status}), got ${caught?.constructor?.name} status=${caught?.status}: ${caught?.message}`,
  );
  assert.equal(caught.status, status);
  assert.ok(
    caught.error && typeof caught.error === 'object' && 'error' in caught.error,
    `error body should be JSON {"error": ..., "details": ...}, got ${JSON.stringify(caught.error)}`,
  );
  return caught;
}

const textOf = (r) => r.memory ?? r.chunk ?? '';
const v3Chunks = (res) => res.results.flatMap((r) => r.chunks.map((c) => ({ ...c, documentId: r.documentId })));
const sorted = (xs) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Asserts that an object has every key in `keys` (a value of null is fine: the SDK types them as nullable). */
function assertKeys(obj, keys, what) {
  const missing = keys.filter((k) => !(k in obj));
  assert.deepEqual(missing, [], `${what} lacks keys the SDK 4.25.4 types declare required: ${missing.join(', ')}`);
}

function assertIsoDate(value, what) {
  assert.equal(typeof value, 'string', `${what} is a string`);
  assert.ok(!Number.isNaN(Date.parse(value)), `${what} is an ISO-8601 date, got ${value}`);
}

function assertV3Shape(res) {
  assert.ok(Array.isArray(res.results), 'v3 search: results[]');
  assert.equal(typeof res.timing, 'number', 'v3 search: timing is a number');
  assert.equal(typeof res.total, 'number', 'v3 search: total is a number');
  for (const r of res.results) {
    assertKeys(r, ['documentId', 'chunks', 'createdAt', 'metadata', 'score', 'title', 'type', 'updatedAt'], 'v3 result');
    assert.ok(r.score >= 0 && r.score <= 1, `v3 score in [0,1], got ${r.score}`);
    assert.ok(Array.isArray(r.chunks), 'v3 result chunks[]');
    for (const c of r.chunks) {
      assert.equal(typeof c.content, 'string');
      assert.equal(typeof c.isRelevant, 'boolean', 'chunk.isRelevant is a boolean');
      assert.ok(c.score >= 0 && c.score <= 1, `chunk score in [0,1], got ${c.score}`);
    }
  }
}

function assertV4Shape(res) {
  assert.ok(Array.isArray(res.results), 'v4 search: results[]');
  assert.equal(typeof res.timing, 'number', 'v4 search: timing is a number');
  assert.equal(typeof res.total, 'number', 'v4 search: total is a number');
  for (const r of res.results) {
    assertKeys(r, ['id', 'metadata', 'similarity', 'updatedAt'], 'v4 result');
    assert.equal(typeof textOf(r), 'string');
    assert.ok(textOf(r).length > 0, `v4 result carries "memory" or "chunk" text: ${JSON.stringify(r)}`);
    assert.ok(r.similarity >= 0 && r.similarity <= 1, `v4 similarity in [0,1], got ${r.similarity}`);
  }
}

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-sdk-e2e-'));
after(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------------------------

describe('server and auth', () => {
  it('GET /health answers 200 {"status":"UP"} without a key', async () => {
    const res = await fetch(new URL('/health', BASE_URL));
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.status, 'UP');
  });

  it('a wrong API key -> AuthenticationError (401) with a JSON error body', async () => {
    const wrong = new Supermemory({ apiKey: `sm_wrong_${RUN}`, baseURL: BASE_URL, maxRetries: 0 });
    await expectApiError(wrong.documents.list({}), AuthenticationError, 401);
    await expectApiError(wrong.search({ q: 'anything' }), AuthenticationError, 401);
    await expectApiError(wrong.add({ content: 'must not be stored', containerTag: tag('auth') }), AuthenticationError, 401);
    const page = await client.documents.list({ containerTags: [tag('auth')] });
    assert.equal(page.pagination.totalItems, 0, 'a request with a wrong key stored nothing');
  });

  it('no Authorization header -> 401 JSON', async () => {
    const res = await fetch(new URL('/v3/documents/list', BASE_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(res.status, 401);
    const body = await res.json();
    assert.equal(typeof body.error, 'string');
  });
});

describe('validation errors', () => {
  it('containerTag "has space" -> BadRequestError (400)', async () => {
    await expectApiError(client.add({ content: 'bad tag', containerTag: 'has space' }), BadRequestError, 400);
  });

  it('missing content -> 400', async () => {
    await expectApiError(client.add({ containerTag: tag('val') }), BadRequestError, 400);
  });

  it('nested object in metadata -> 400', async () => {
    await expectApiError(
      client.add({ content: 'nested metadata', containerTag: tag('val'), metadata: { nested: { no: 'objects' } } }),
      BadRequestError,
      400,
    );
  });

  it('empty search query -> 400 (v3 and v4)', async () => {
    await expectApiError(client.search.documents({ q: '' }), BadRequestError, 400);
    await expectApiError(client.search({ q: '' }), BadRequestError, 400);
  });

  it('v4 search limit 101 (max 100) -> 400', async () => {
    await expectApiError(client.search({ q: 'limits', limit: 101 }), BadRequestError, 400);
  });

  it('malformed filter (condition without value) -> 400', async () => {
    await expectApiError(
      client.search.documents({ q: 'filters', filters: { AND: [{ key: 'category' }] } }),
      BadRequestError,
      400,
    );
  });

  it('batch of 601 documents (max 600) -> 400', async () => {
    const documents = Array.from({ length: 601 }, (_, i) => `too many ${i}`);
    await expectApiError(client.documents.batchAdd({ documents, containerTag: tag('val') }), BadRequestError, 400);
  });

  it('containerTag longer than 100 characters -> 400; content of the wrong type -> 400', async () => {
    await expectApiError(client.add({ content: 'long tag', containerTag: 'a'.repeat(101) }), BadRequestError, 400);
    await expectApiError(client.add({ content: 12345, containerTag: tag('val') }), BadRequestError, 400);
  });

  it('filters: more than 8 levels of nesting -> 400, more than 200 conditions -> 400, unknown filterType -> 400', async () => {
    let deep = { key: 'a', value: 'b' };
    for (let i = 0; i < 9; i++) deep = { AND: [deep] };
    await expectApiError(client.search.documents({ q: 'deep', filters: deep }), BadRequestError, 400);
    const wide = { OR: Array.from({ length: 201 }, (_, i) => ({ key: 'k', value: String(i) })) };
    await expectApiError(client.search({ q: 'wide', filters: wide }), BadRequestError, 400);
    await expectApiError(
      client.documents.list({ filters: { AND: [{ key: 'a', value: '1', filterType: 'regex' }] } }),
      BadRequestError,
      400,
    );
  });

  it('filters: a numericOperator outside > < >= <= = -> 400', async () => {
    await expectApiError(
      client.search.documents({ q: 'op', filters: { AND: [{ key: 'a', value: '1', filterType: 'numeric', numericOperator: '!=' }] } }),
      BadRequestError,
      400,
    );
  });

  it('malformed JSON -> 400 JSON error', async () => {
    const res = await fetch(new URL('/v3/documents', BASE_URL), {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: '{"content": "unterminated',
    });
    assert.equal(res.status, 400);
    assert.equal(typeof (await res.json()).error, 'string');
  });

  it('a JSON body sent as form data (curl -d without -H) -> 4xx JSON error, not a 500 page', async () => {
    const res = await fetch(new URL('/v3/documents', BASE_URL), {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: JSON.stringify({ content: 'sent as a form', containerTag: tag('val') }),
    });
    const text = await res.text();
    assert.ok([400, 415].includes(res.status), `expected 400 or 415, got ${res.status}: ${text.slice(0, 300)}`);
    assert.equal(typeof JSON.parse(text).error, 'string', 'a JSON error body');
  });

  it('unknown endpoint -> 404 JSON error', async () => {
    const res = await fetch(new URL('/v4/no-such-endpoint', BASE_URL), { headers: { authorization: `Bearer ${API_KEY}` } });
    assert.equal(res.status, 404);
    assert.equal(typeof (await res.json()).error, 'string');
  });

  it('an SDK method whose endpoint is not implemented (settings.get -> GET /v3/settings) is 404/501, not a 401', async () => {
    let err;
    try {
      await client.settings.get({ maxRetries: 0 });
    } catch (e) {
      err = e;
    }
    if (err === undefined) return; // implemented: fine
    assert.ok(!(err instanceof AuthenticationError), `a valid key gets AuthenticationError: ${err.message}`);
    assert.ok(err instanceof APIError && [404, 501].includes(err.status), `expected 404 or 501, got ${err}`);
  });

  it('nothing was stored by the rejected requests', async () => {
    const page = await client.documents.list({ containerTags: [tag('val')] });
    assert.equal(page.pagination.totalItems, 0, JSON.stringify(page.memories));
  });

  it('unknown id -> NotFoundError (404) for get, update and delete', async () => {
    const missing = `missing${RUN}`;
    await expectApiError(client.documents.get(missing), NotFoundError, 404);
    await expectApiError(client.documents.update(missing, { metadata: { a: 'b' } }), NotFoundError, 404);
    await expectApiError(client.documents.delete(missing), NotFoundError, 404);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('add -> get -> search (v3 and v4)', () => {
  const MAIN_TAG = tag('main');
  const W = word('lighthousezorb');
  const CUSTOM_ID = `main-${RUN}`;
  const MAIN_TEXT =
    `The lighthouse keeper on Vorbrook island feeds seventeen stray cats every morning before sunrise. ` +
    `Her logbook codeword is ${W}. She repaints the lamp room each spring with white marine paint.`;
  const METADATA = { source: 'sdk-e2e', priority: 3, reviewed: true, topics: ['cats', 'islands'] };
  let id;

  it('client.add(text, containerTag, customId, metadata) -> 200 {id, status:"queued"}', async () => {
    id = await add({ content: MAIN_TEXT, containerTag: MAIN_TAG, customId: CUSTOM_ID, metadata: METADATA });
  });

  it('documents.get right after add never 404s and shows what was sent', async () => {
    assert.ok(id, 'add must have succeeded');
    const doc = await client.documents.get(id);
    assert.equal(doc.id, id);
    assert.ok(STATUSES.includes(doc.status), doc.status);
    assert.equal(doc.content, MAIN_TEXT);
    assert.equal(doc.customId, CUSTOM_ID);
    assert.deepEqual(doc.metadata, METADATA);
    assert.ok(Array.isArray(doc.containerTags) && doc.containerTags.includes(MAIN_TAG), `containerTags: ${doc.containerTags}`);
    assertIsoDate(doc.createdAt, 'createdAt');
    assertIsoDate(doc.updatedAt, 'updatedAt');
  });

  it(`documents.get polling: status reaches "done" within ${DONE_TIMEOUT_MS / 1000} s`, STEP_TIMEOUT, async (t) => {
    const { doc, seen } = await waitForDone(id);
    t.diagnostic(`statuses seen: ${seen.join(' -> ')}`);
    assert.equal(doc.status, 'done');
    assert.equal(doc.type, 'text');
    assert.ok(Date.parse(doc.updatedAt) >= Date.parse(doc.createdAt), 'updatedAt >= createdAt');
  });

  it('GET has every key the SDK types as required', async () => {
    const doc = await client.documents.get(id);
    assertKeys(
      doc,
      ['id', 'connectionId', 'content', 'createdAt', 'customId', 'filepath', 'metadata', 'ogImage', 'raw', 'source',
        'status', 'summary', 'taskType', 'title', 'type', 'updatedAt'],
      'GET /v3/documents/{id}',
    );
  });

  it('documents.get by customId returns the same document', async () => {
    const doc = await client.documents.get(CUSTOM_ID);
    assert.equal(doc.id, id);
  });

  it('legacy alias GET /v3/memories/{id} returns the same document', async () => {
    const doc = await client.get(`/v3/memories/${id}`);
    assert.equal(doc.id, id);
    assert.equal(doc.content, MAIN_TEXT);
  });

  it('GET /v3/documents/{id}/chunks lists the chunks by position', async () => {
    const res = await client.get(`/v3/documents/${id}/chunks`);
    assert.equal(res.documentId, id);
    assert.ok(res.chunks.length >= 1);
    assert.equal(res.total, res.chunks.length);
    assert.ok(res.chunks.some((c) => c.content.includes(W)), 'a chunk holds the text');
    const positions = res.chunks.map((c) => c.position);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'ordered by position');
  });

  it('search.documents (v3, POST /v3/search) finds it with its matching chunk', async () => {
    const res = await client.search.documents({ q: `lighthouse keeper codeword ${W}`, containerTag: MAIN_TAG });
    assertV3Shape(res);
    assert.ok(res.results.length >= 1, 'at least one result');
    const hit = res.results.find((r) => r.documentId === id);
    assert.ok(hit, `document ${id} in ${JSON.stringify(res.results.map((r) => r.documentId))}`);
    assert.equal(res.results[0].documentId, id, 'it is the top result');
    assert.ok(hit.chunks.some((c) => c.content.includes(W)), 'its matching chunk holds the codeword');
    assert.deepEqual(hit.metadata, METADATA);
    assert.ok(res.total >= 1);
  });

  it('search.documents: containerTags array, docId, includeFullDocs, limit', async () => {
    const byTags = await client.search.documents({ q: `stray cats ${W}`, containerTags: [MAIN_TAG] });
    assert.ok(byTags.results.some((r) => r.documentId === id), 'found with containerTags:[tag]');

    const byDoc = await client.search.documents({ q: 'marine paint', docId: id });
    assert.ok(byDoc.results.length >= 1, 'docId search finds a chunk of that document');
    assert.ok(byDoc.results.every((r) => r.documentId === id), 'docId scopes the search to one document');

    const full = await client.search.documents({ q: `lighthouse ${W}`, containerTag: MAIN_TAG, includeFullDocs: true });
    const hit = full.results.find((r) => r.documentId === id);
    assert.ok(hit, 'found');
    assert.equal(hit.content, MAIN_TEXT, 'includeFullDocs returns the full content');

    const one = await client.search.documents({ q: 'lighthouse', limit: 1 });
    assert.ok(one.results.length <= 1, `limit 1 -> at most 1 result, got ${one.results.length}`);
  });

  it('search.documents in another container tag does not see it', async () => {
    const res = await client.search.documents({ q: `lighthouse keeper codeword ${W}`, containerTag: tag('elsewhere') });
    assertV3Shape(res);
    assert.ok(!res.results.some((r) => r.documentId === id), 'container tag scoping');
    assert.ok(!v3Chunks(res).some((c) => c.content.includes(W)));
  });

  it('client.search (v4, searchMode hybrid) finds it', async () => {
    const res = await client.search({ q: `lighthouse keeper codeword ${W}`, containerTag: MAIN_TAG, searchMode: 'hybrid' });
    assertV4Shape(res);
    const hit = res.results.find((r) => textOf(r).includes(W));
    assert.ok(hit, `no v4 hybrid result holds the codeword: ${JSON.stringify(res.results)}`);
    assert.deepEqual(hit.metadata, METADATA, 'v4 result carries the document metadata');
    assertIsoDate(hit.updatedAt, 'v4 updatedAt');
    assert.ok(res.total >= 1);
  });

  it('search.memories (v4, default mode, default threshold 0.6) finds it by meaning alone', async () => {
    const res = await client.search({ q: 'who feeds the cats on the island?', containerTag: MAIN_TAG });
    assertV4Shape(res);
    assert.ok(res.results.some((r) => textOf(r).includes(W)), `not found: ${JSON.stringify(res.results)}`);
    for (const r of res.results) assert.ok(r.similarity >= 0.6, `similarity ${r.similarity} below the default threshold 0.6`);
  });

  it('client.search: searchMode documents, include.documents, threshold', async () => {
    const docs = await client.search({ q: `lighthouse ${W}`, containerTag: MAIN_TAG, searchMode: 'documents' });
    assertV4Shape(docs);
    assert.ok(docs.results.some((r) => textOf(r).includes(W)), 'documents mode finds it');

    const inc = await client.search({
      q: `lighthouse ${W}`,
      containerTag: MAIN_TAG,
      searchMode: 'hybrid',
      include: { documents: true },
    });
    const hit = inc.results.find((r) => textOf(r).includes(W));
    assert.ok(hit, 'found');
    assert.ok(Array.isArray(hit.documents), `include.documents -> documents[] on the result: ${JSON.stringify(hit)}`);
    assert.equal(hit.documents[0].id, id);
    assertKeys(hit.documents[0], ['id', 'createdAt', 'updatedAt'], 'v4 result documents[]');

    const strict = await client.search({ q: 'who feeds the cats on the island?', containerTag: MAIN_TAG, threshold: 0.95 });
    for (const r of strict.results) assert.ok(r.similarity >= 0.95, `similarity ${r.similarity} below threshold 0.95`);
    const loose = await client.search({ q: 'who feeds the cats on the island?', containerTag: MAIN_TAG, threshold: 0 });
    assert.ok(loose.results.length >= strict.results.length, 'a lower threshold never returns fewer results');
  });

  it('timestamps are ISO-8601 in the API\'s own format (UTC, millisecond precision: 1970-01-01T00:00:00.000Z)', async () => {
    const doc = await client.documents.get(id);
    for (const field of ['createdAt', 'updatedAt']) {
      assert.match(doc[field], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, `${field} = ${doc[field]}`);
    }
  });

  it('client.search without containerTag searches all of the tenant\'s documents; limit is respected', async () => {
    const res = await client.search({ q: `lighthouse keeper codeword ${W}`, searchMode: 'hybrid' });
    assert.ok(res.results.some((r) => textOf(r).includes(W)), 'found without a container tag');
    const two = await client.search({ q: 'island lighthouse cats', searchMode: 'hybrid', threshold: 0, limit: 2 });
    assert.ok(two.results.length <= 2, `limit 2 -> ${two.results.length} results`);
  });

  it('client.search in another container tag does not see it', async () => {
    const res = await client.search({ q: `lighthouse keeper codeword ${W}`, containerTag: tag('elsewhere'), searchMode: 'hybrid', threshold: 0 });
    assert.ok(!res.results.some((r) => textOf(r).includes(W)), JSON.stringify(res.results));
  });

  describe('tenancy: a second API key is another tenant', { skip: !API_KEY_2 && 'HC_API_KEY_2 not set' }, () => {
    const other = API_KEY_2 ? new Supermemory({ apiKey: API_KEY_2, baseURL: BASE_URL }) : null;

    it('cannot get, search, list, update or delete the first tenant\'s document', async () => {
      await expectApiError(other.documents.get(id), NotFoundError, 404);
      await expectApiError(other.documents.get(CUSTOM_ID), NotFoundError, 404);
      const v3 = await other.search.documents({ q: `lighthouse keeper codeword ${W}`, containerTag: MAIN_TAG });
      assert.ok(!v3Chunks(v3).some((c) => c.content.includes(W)), 'v3 search leaks across tenants');
      const v4 = await other.search({ q: `lighthouse keeper codeword ${W}`, containerTag: MAIN_TAG, searchMode: 'hybrid', threshold: 0 });
      assert.ok(!v4.results.some((r) => textOf(r).includes(W)), 'v4 search leaks across tenants');
      const page = await other.documents.list({ containerTags: [MAIN_TAG] });
      assert.equal(page.pagination.totalItems, 0, 'list leaks across tenants');
      await expectApiError(other.documents.update(id, { metadata: { hijacked: true } }), NotFoundError, 404);
      await expectApiError(other.documents.delete(id), NotFoundError, 404);
      await expectApiError(other.documents.delete(CUSTOM_ID), NotFoundError, 404);
      const byIds = await other.documents.deleteBulk({ ids: [id] });
      assert.equal(byIds.deletedCount, 0, 'bulk delete by ids crosses tenants');
      const byTag = await other.documents.deleteBulk({ containerTags: [MAIN_TAG] });
      assert.equal(byTag.deletedCount, 0, 'bulk delete by container tag crosses tenants');
      const processing = await other.documents.listProcessing();
      assert.ok(!processing.documents.some((d) => d.id === id));
      const mine = await client.documents.get(id);
      assert.deepEqual(mine.metadata, METADATA, 'the first tenant\'s document is untouched');
    });

    it('the same customId in two tenants makes two documents', async () => {
      const otherId = (await other.add({ content: `Other tenant text ${word('othertenant')}`, containerTag: MAIN_TAG, customId: CUSTOM_ID })).id;
      assert.notEqual(otherId, id);
      assert.equal((await client.documents.get(id)).content, MAIN_TEXT, 'first tenant\'s document not overwritten');
      await other.documents.delete(otherId).catch(() => {});
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('a long document is chunked', () => {
  const LONG_TAG = tag('long');
  const topics = ['volcano', 'glacier', 'orchard', 'harbor', 'library', 'observatory', 'vineyard', 'foundry', 'monastery', 'railway'];
  const words = topics.map((t) => word(`${t}para`));
  const paragraphs = topics.map((t, i) =>
    Array.from({ length: 8 }, (_, s) =>
      `Section ${i + 1} sentence ${s + 1} describes the ${t} in detail: its history, its people and its seasons, ` +
      `and the marker ${words[i]} belongs to this section only.`).join(' '));
  let id;

  it('a ~3,000-word text becomes several ordered chunks holding all of it', STEP_TIMEOUT, async () => {
    id = await add({ content: paragraphs.join('\n\n'), containerTag: LONG_TAG });
    await waitForDone(id);
    const res = await client.get(`/v3/documents/${id}/chunks`);
    assert.ok(res.chunks.length > 1, `expected several chunks, got ${res.chunks.length}`);
    const positions = res.chunks.map((c) => c.position);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'ordered by position');
    assert.equal(new Set(positions).size, positions.length, 'positions are distinct');
    const all = res.chunks.map((c) => c.content).join('\n');
    for (const w of words) assert.ok(all.includes(w), `the chunks lost ${w}`);
  });

  it('v3 docId search returns the chunk of the asked section first', async () => {
    const res = await client.search.documents({ q: `${words[6]} vineyard`, docId: id, onlyMatchingChunks: true });
    assertV3Shape(res);
    assert.equal(res.results.length, 1);
    assert.ok(res.results[0].chunks[0].content.includes(words[6]), JSON.stringify(res.results[0].chunks[0]));
  });

  it('onlyMatchingChunks false adds the neighbouring chunks as context', async () => {
    const q = `${words[5]} foundry`;
    const all = await client.search.documents({ q, docId: id, onlyMatchingChunks: true });
    const top = Math.max(...all.results[0].chunks.map((c) => c.score));
    // A threshold just under the best chunk's score leaves one matching chunk; context adds its neighbours.
    const only = await client.search.documents({ q, docId: id, onlyMatchingChunks: true, chunkThreshold: top - 1e-4 });
    const ctx = await client.search.documents({ q, docId: id, onlyMatchingChunks: false, chunkThreshold: top - 1e-4 });
    assert.equal(only.results.length, 1);
    assert.equal(ctx.results.length, 1);
    assert.ok(only.results[0].chunks.every((c) => c.isRelevant), 'onlyMatchingChunks true: only relevant chunks');
    assert.ok(
      ctx.results[0].chunks.length > only.results[0].chunks.length,
      `context chunks: ${ctx.results[0].chunks.length} vs matching only: ${only.results[0].chunks.length}`,
    );
    assert.ok(ctx.results[0].chunks.some((c) => !c.isRelevant), 'context chunks are marked isRelevant: false');
    assert.ok(ctx.results[0].chunks.some((c) => c.isRelevant && c.content.includes(words[5])), 'the matching chunk is still there');
  });

  it('chunkThreshold: every returned relevant chunk scores at least the threshold', async () => {
    const res = await client.search.documents({ q: `${words[2]} orchard`, docId: id, chunkThreshold: 0.7 });
    for (const c of v3Chunks(res)) {
      if (c.isRelevant) assert.ok(c.score >= 0.7, `chunk score ${c.score} below chunkThreshold 0.7`);
    }
    const none = await client.search.documents({ q: `${words[2]} orchard`, docId: id, chunkThreshold: 1 });
    assert.ok(v3Chunks(none).every((c) => !c.isRelevant || c.score >= 1), 'chunkThreshold 1');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('metadata filters (v3 search, v4 search, list)', () => {
  const F_TAG = tag('filters');
  const FW = word('quarterlymemo');
  const DOCS = [
    { n: 1, category: 'alpha', priority: 1, weight: 0.5, label: 'Project Falcon kickoff', tags: ['red', 'blue'], reviewed: true },
    { n: 2, category: 'beta', priority: 2, weight: 1.25, label: 'Budget review', tags: ['blue'], reviewed: false },
    { n: 3, category: 'alpha', priority: 3, weight: 2.75, label: 'FALCON retrospective', tags: ['green'], reviewed: false },
    { n: 4, category: 'gamma', priority: 4, weight: 10, label: 'Hiring plan', tags: ['red'], reviewed: true },
  ];
  const Q = `quarterly planning memo ${FW}`;

  before(async () => {
    const ids = [];
    for (const m of DOCS) {
      ids.push(await add({
        content: `Quarterly planning memo number ${m.n} (${m.label}) for the ${FW} initiative.`,
        containerTag: F_TAG,
        metadata: m,
      }));
    }
    await waitAllDone(ids);
  });

  const ns = (xs) => sorted([...new Set(xs.map((m) => m?.n))]);

  async function check(filters, expected) {
    const v3 = await client.search.documents({ q: Q, containerTag: F_TAG, filters, limit: 20 });
    assertV3Shape(v3);
    assert.deepEqual(ns(v3.results.map((r) => r.metadata)), expected, 'v3 /v3/search');

    const v4 = await client.search({ q: Q, containerTag: F_TAG, filters, searchMode: 'hybrid', threshold: 0, limit: 20 });
    assertV4Shape(v4);
    assert.deepEqual(ns(v4.results.map((r) => r.metadata)), expected, 'v4 /v4/search hybrid');

    const list = await client.documents.list({ containerTags: [F_TAG], filters, limit: 20 });
    assert.deepEqual(ns(list.memories.map((m) => m.metadata)), expected, 'POST /v3/documents/list');
    assert.equal(list.pagination.totalItems, expected.length, 'list totalItems counts filtered documents');
  }

  const cases = [
    ['no filter -> all four', undefined, [1, 2, 3, 4]],
    ['metadata equality: category = alpha', { AND: [{ key: 'category', value: 'alpha', filterType: 'metadata' }] }, [1, 3]],
    ['OR: category = beta OR category = gamma', { OR: [{ key: 'category', value: 'beta' }, { key: 'category', value: 'gamma' }] }, [2, 4]],
    ['numeric: priority > 2', { AND: [{ key: 'priority', value: '2', filterType: 'numeric', numericOperator: '>' }] }, [3, 4]],
    ['numeric range: 2 <= priority <= 3', {
      AND: [
        { key: 'priority', value: '2', filterType: 'numeric', numericOperator: '>=' },
        { key: 'priority', value: '3', filterType: 'numeric', numericOperator: '<=' },
      ],
    }, [2, 3]],
    ['numeric negated: NOT priority > 2', { AND: [{ key: 'priority', value: '2', filterType: 'numeric', numericOperator: '>', negate: true }] }, [1, 2]],
    ['numeric on decimals, compared as numbers not text: weight > 1.3', { AND: [{ key: 'weight', value: '1.3', filterType: 'numeric', numericOperator: '>' }] }, [3, 4]],
    ['numeric on decimals: weight <= 1.25', { AND: [{ key: 'weight', value: '1.25', filterType: 'numeric', numericOperator: '<=' }] }, [1, 2]],
    ['numeric on a string field matches nothing: label > 0', { AND: [{ key: 'label', value: '0', filterType: 'numeric', numericOperator: '>' }] }, []],
    ['numeric =: priority = 4', { AND: [{ key: 'priority', value: '4', filterType: 'numeric', numericOperator: '=' }] }, [4]],
    ['metadata negated: category != alpha', { AND: [{ key: 'category', value: 'alpha', negate: true }] }, [2, 4]],
    ['negate as the string "true"', { AND: [{ key: 'category', value: 'alpha', negate: 'true' }] }, [2, 4]],
    ['string_contains ignoreCase: label ~ "falcon"', { AND: [{ key: 'label', value: 'falcon', filterType: 'string_contains', ignoreCase: true }] }, [1, 3]],
    ['string_contains case-sensitive: label ~ "Falcon"', { AND: [{ key: 'label', value: 'Falcon', filterType: 'string_contains', ignoreCase: false }] }, [1]],
    ['string_contains negated: label !~ "review"', { AND: [{ key: 'label', value: 'review', filterType: 'string_contains', negate: true }] }, [1, 3, 4]],
    ['array_contains: tags has "red"', { AND: [{ key: 'tags', value: 'red', filterType: 'array_contains' }] }, [1, 4]],
    ['array_contains negated: tags lacks "red"', { AND: [{ key: 'tags', value: 'red', filterType: 'array_contains', negate: true }] }, [2, 3]],
    ['metadata equality is case-sensitive: category = ALPHA', { AND: [{ key: 'category', value: 'ALPHA' }] }, []],
    ['boolean metadata: reviewed = "true"', { AND: [{ key: 'reviewed', value: 'true' }] }, [1, 4]],
    ['nested: (alpha AND priority > 1) OR beta', {
      OR: [
        { AND: [{ key: 'category', value: 'alpha' }, { key: 'priority', value: '1', filterType: 'numeric', numericOperator: '>' }] },
        { AND: [{ key: 'category', value: 'beta' }] },
      ],
    }, [2, 3]],
    ['nested: (alpha OR gamma) AND priority < 4 AND tags has "red"', {
      AND: [
        { OR: [{ key: 'category', value: 'alpha' }, { key: 'category', value: 'gamma' }] },
        { key: 'priority', value: '4', filterType: 'numeric', numericOperator: '<' },
        { key: 'tags', value: 'red', filterType: 'array_contains' },
      ],
    }, [1]],
    ['unknown key matches nothing', { AND: [{ key: `nokey${RUN}`, value: 'x' }] }, []],
    ['filters as a JSON string: category = beta', JSON.stringify({ AND: [{ key: 'category', value: 'beta' }] }), [2]],
  ];

  for (const [name, filters, expected] of cases) {
    it(`${name} -> {${expected.join(',')}}`, async () => {
      await check(filters, expected);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------

describe('documents.list: container tags, pagination, includeContent, order', () => {
  const L_TAG = tag('list');
  const texts = Array.from({ length: 5 }, (_, i) => `List test document ${i + 1} about ${word('ledgerlist')} entries.`);
  const ids = [];

  before(async () => {
    for (const [i, content] of texts.entries()) ids.push(await add({ content, containerTag: L_TAG, metadata: { i } }));
    await waitAllDone(ids);
  });

  it('limit 2: three pages with totals, every document exactly once', async () => {
    const seen = [];
    for (let page = 1; page <= 3; page++) {
      const res = await client.documents.list({ containerTags: [L_TAG], limit: 2, page });
      assert.deepEqual(
        { currentPage: res.pagination.currentPage, totalItems: res.pagination.totalItems, totalPages: res.pagination.totalPages },
        { currentPage: page, totalItems: 5, totalPages: 3 },
      );
      if ('limit' in res.pagination) assert.equal(res.pagination.limit, 2);
      assert.equal(res.memories.length, page < 3 ? 2 : 1);
      seen.push(...res.memories.map((m) => m.id));
    }
    assert.deepEqual(sorted(seen), sorted(ids));
  });

  it('limit and page as digit strings work too', async () => {
    const res = await client.documents.list({ containerTags: [L_TAG], limit: '2', page: '2' });
    assert.equal(res.pagination.currentPage, 2);
    assert.equal(res.memories.length, 2);
  });

  it('items have the SDK\'s fields; content only with includeContent', async () => {
    const plain = await client.documents.list({ containerTags: [L_TAG], limit: 10 });
    assert.equal(plain.memories.length, 5);
    for (const m of plain.memories) {
      assertKeys(m, ['id', 'connectionId', 'createdAt', 'customId', 'filepath', 'metadata', 'status', 'summary', 'title', 'type', 'updatedAt'], 'list item');
      assert.equal(m.status, 'done');
      assert.equal(m.content, undefined, 'no content without includeContent');
      assert.ok(m.containerTags === undefined || m.containerTags.includes(L_TAG));
    }
    const full = await client.documents.list({ containerTags: [L_TAG], limit: 10, includeContent: true });
    for (const m of full.memories) assert.equal(m.content, texts[m.metadata.i], 'includeContent returns the content');
  });

  it('default order is createdAt desc; order asc reverses it', async () => {
    const desc = await client.documents.list({ containerTags: [L_TAG], limit: 10 });
    const asc = await client.documents.list({ containerTags: [L_TAG], limit: 10, sort: 'createdAt', order: 'asc' });
    const t = (r) => r.memories.map((m) => Date.parse(m.createdAt));
    assert.deepEqual(t(desc), [...t(desc)].sort((a, b) => b - a), 'desc by default');
    assert.deepEqual(t(asc), [...t(asc)].sort((a, b) => a - b), 'asc');
    if (new Set(t(asc)).size === 5) {
      assert.deepEqual(asc.memories.map((m) => m.metadata.i), [0, 1, 2, 3, 4], 'asc = insertion order');
    }
  });

  it('another container tag lists none of them', async () => {
    const res = await client.documents.list({ containerTags: [tag('list-empty')] });
    assert.equal(res.pagination.totalItems, 0);
    assert.deepEqual(res.memories, []);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('documents.update', () => {
  const U_TAG = tag('update');
  const CUSTOM_ID = `upd-${RUN}`;
  const OLD = word('oldversion');
  const NEW = word('newversion');
  const OLD_TEXT = `The draft itinerary for the expedition mentions ${OLD} as the base camp name.`;
  const NEW_TEXT = `The final itinerary for the expedition renames the base camp to ${NEW} near the river.`;
  let id;

  before(async () => {
    id = await add({ content: OLD_TEXT, containerTag: U_TAG, customId: CUSTOM_ID, metadata: { version: 1, stage: 'draft' } });
    await waitForDone(id);
  });

  it('metadata only: updated in place, content and status unchanged, filters see the new value', async () => {
    const res = await client.documents.update(id, { metadata: { version: 2, stage: 'final' } });
    assert.equal(res.id, id);
    assert.equal(typeof res.status, 'string');
    const doc = await client.documents.get(id);
    assert.deepEqual(doc.metadata, { version: 2, stage: 'final' });
    assert.equal(doc.content, OLD_TEXT);
    assert.equal(doc.status, 'done', 'a metadata-only update does not re-process');

    const final = await client.search.documents({ q: `itinerary ${OLD}`, containerTag: U_TAG, filters: { AND: [{ key: 'stage', value: 'final' }] } });
    assert.ok(final.results.some((r) => r.documentId === id), 'search filter on the new metadata value finds it');
    assert.deepEqual(final.results.find((r) => r.documentId === id).metadata, { version: 2, stage: 'final' });
    const draft = await client.search.documents({ q: `itinerary ${OLD}`, containerTag: U_TAG, filters: { AND: [{ key: 'stage', value: 'draft' }] } });
    assert.ok(!draft.results.some((r) => r.documentId === id), 'the old metadata value no longer matches');
    const v4 = await client.search({ q: `itinerary ${OLD}`, containerTag: U_TAG, searchMode: 'hybrid', threshold: 0 });
    const hit = v4.results.find((r) => textOf(r).includes(OLD));
    assert.ok(hit, 'v4 finds it');
    assert.deepEqual(hit.metadata, { version: 2, stage: 'final' }, 'v4 shows the new metadata');
  });

  it('update by customId works', async () => {
    const res = await client.documents.update(CUSTOM_ID, { metadata: { version: 3, stage: 'final' } });
    assert.equal(res.id, id);
    assert.equal((await client.documents.get(id)).metadata.version, 3);
  });

  it('content: re-processed, same id, new text searchable, old text gone', STEP_TIMEOUT, async () => {
    const res = await client.documents.update(id, { content: NEW_TEXT });
    assert.equal(res.id, id);
    const { doc } = await waitForDone(id);
    assert.equal(doc.content, NEW_TEXT);
    assert.equal(doc.metadata.version, 3, 'metadata kept when only content changes');

    const chunks = await client.get(`/v3/documents/${id}/chunks`);
    assert.ok(chunks.chunks.some((c) => c.content.includes(NEW)), 'new chunks');
    assert.ok(!chunks.chunks.some((c) => c.content.includes(OLD)), 'old chunks removed');

    const v3 = await client.search.documents({ q: `base camp ${NEW}`, containerTag: U_TAG });
    assert.equal(v3.results[0]?.documentId, id);
    assert.ok(v3Chunks(v3).some((c) => c.content.includes(NEW)));
    const old = await client.search.documents({ q: `base camp ${OLD}`, containerTag: U_TAG });
    assert.ok(!v3Chunks(old).some((c) => c.content.includes(OLD)), 'v3: no chunk with the old text remains');
    const v4 = await client.search({ q: `base camp ${OLD}`, containerTag: U_TAG, searchMode: 'hybrid', threshold: 0 });
    assert.ok(!v4.results.some((r) => textOf(r).includes(OLD)), 'v4: no chunk with the old text remains');
  });

  it('containerTag change moves the document (list and search follow)', STEP_TIMEOUT, async () => {
    const MOVED = tag('update-moved');
    const res = await client.documents.update(id, { containerTag: MOVED });
    assert.equal(res.id, id);
    await waitForDone(id);
    const doc = await client.documents.get(id);
    assert.ok(doc.containerTags.includes(MOVED) && !doc.containerTags.includes(U_TAG), `containerTags: ${doc.containerTags}`);
    assert.deepEqual((await client.documents.list({ containerTags: [MOVED] })).memories.map((m) => m.id), [id]);
    assert.equal((await client.documents.list({ containerTags: [U_TAG] })).pagination.totalItems, 0);
    const found = await client.search.documents({ q: `base camp ${NEW}`, containerTag: MOVED });
    assert.ok(found.results.some((r) => r.documentId === id), 'searchable under the new tag');
    const old = await client.search.documents({ q: `base camp ${NEW}`, containerTag: U_TAG });
    assert.ok(!old.results.some((r) => r.documentId === id), 'not under the old tag');
    await client.documents.update(id, { containerTag: U_TAG });
    await waitForDone(id);
    assert.ok((await client.documents.get(id)).containerTags.includes(U_TAG), 'moved back');
  });

  it('customId change: the new customId resolves, the old one no longer does', async () => {
    const renamed = `upd-renamed-${RUN}`;
    await client.documents.update(id, { customId: renamed });
    assert.equal((await client.documents.get(renamed)).id, id);
    await expectApiError(client.documents.get(CUSTOM_ID), NotFoundError, 404);
    await client.documents.update(renamed, { customId: CUSTOM_ID });
    assert.equal((await client.documents.get(CUSTOM_ID)).id, id);
  });

  it('a content update while the first version is still in the pipeline: only the latest text is indexed', STEP_TIMEOUT, async () => {
    const FIRST = word('racefirst');
    const SECOND = word('racesecond');
    const raceId = await add({ content: `Race document, first version ${FIRST}.`, containerTag: U_TAG });
    await client.documents.update(raceId, { content: `Race document, second version ${SECOND}.` });
    const { doc } = await waitForDone(raceId);
    assert.ok(doc.content.includes(SECOND));
    const chunks = (await client.get(`/v3/documents/${raceId}/chunks`)).chunks.map((c) => c.content).join('\n');
    assert.ok(chunks.includes(SECOND), 'second version indexed');
    assert.ok(!chunks.includes(FIRST), `first version still indexed: ${chunks}`);
    const v4 = await client.search({ q: `race document ${FIRST}`, containerTag: U_TAG, searchMode: 'hybrid', threshold: 0 });
    assert.ok(!v4.results.some((r) => textOf(r).includes(FIRST)), 'first version still searchable');
    await client.documents.delete(raceId);
  });

  it('a customId with ":" and "." works in paths (get, update, delete by customId)', STEP_TIMEOUT, async () => {
    const odd = `ns:${RUN}.notes-v1`;
    const oddId = await add({ content: `Odd custom id document ${word('oddcustom')}.`, containerTag: U_TAG, customId: odd });
    assert.equal((await client.documents.get(odd)).id, oddId);
    await client.documents.update(odd, { metadata: { odd: true } });
    assert.equal((await client.documents.get(oddId)).metadata.odd, true);
    await waitForDone(oddId);
    await client.documents.delete(odd);
    await expectApiError(client.documents.get(oddId), NotFoundError, 404);
  });

  it('add with the same customId upserts the same document', STEP_TIMEOUT, async () => {
    const THIRD = word('thirdversion');
    const again = await add({ content: `A third itinerary names the camp ${THIRD}.`, containerTag: U_TAG, customId: CUSTOM_ID });
    assert.equal(again, id, 'same customId -> same document id');
    const { doc } = await waitForDone(id);
    assert.ok(doc.content.includes(THIRD));
    const page = await client.documents.list({ containerTags: [U_TAG] });
    assert.equal(page.pagination.totalItems, 1, 'still one document in the tag');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('documents.uploadFile', () => {
  const FILE_TAG = tag('files');

  async function uploadAndFind(file, extra, marker, query) {
    const { data, response } = await client.documents
      .uploadFile({ file, containerTag: FILE_TAG, ...extra })
      .withResponse();
    assert.equal(response.status, 200);
    assert.equal(typeof data.id, 'string');
    assert.ok(data.id.length > 0);
    assert.ok(STATUSES.includes(data.status), JSON.stringify(data));
    const { doc } = await waitForDone(data.id);
    assert.ok(doc.containerTags?.includes(FILE_TAG), `containerTags: ${doc.containerTags}`);
    const res = await client.search.documents({ q: `${query} ${marker}`, containerTag: FILE_TAG });
    const hit = res.results.find((r) => r.documentId === data.id);
    assert.ok(hit, `uploaded file not found by v3 search: ${JSON.stringify(res.results.map((r) => r.documentId))}`);
    assert.ok(hit.chunks.some((c) => c.content.includes(marker)), 'its chunk holds the file text');
    const v4 = await client.search({ q: `${query} ${marker}`, containerTag: FILE_TAG, searchMode: 'hybrid' });
    assert.ok(v4.results.some((r) => textOf(r).includes(marker)), 'found by v4 search');
    return doc;
  }

  it('a .txt file from fs.createReadStream, with customId and metadata (JSON string)', STEP_TIMEOUT, async () => {
    const marker = word('txtupload');
    const file = path.join(tmpDir, 'meeting-notes.txt');
    fs.writeFileSync(file, `Meeting notes: the team agreed to migrate the billing service. Tracking word ${marker}.\n`);
    const doc = await uploadAndFind(
      fs.createReadStream(file),
      { customId: `txt-${RUN}`, metadata: JSON.stringify({ kind: 'txt', pages: 1 }) },
      marker,
      'billing service migration',
    );
    assert.equal(doc.customId, `txt-${RUN}`);
    assert.deepEqual(doc.metadata, { kind: 'txt', pages: 1 });
    assert.equal(doc.type, 'text');
  });

  it('a Markdown file via toFile', STEP_TIMEOUT, async () => {
    const marker = word('mdupload');
    const md = `# Release checklist\n\n- Bump the version\n- Tag the release named **${marker}**\n- Publish notes\n`;
    await uploadAndFind(await toFile(Buffer.from(md), 'CHECKLIST.md', { type: 'text/markdown' }), {}, marker, 'release checklist');
  });

  it('a real PDF (built at test time) from a file stream', STEP_TIMEOUT, async () => {
    const marker = word('pdfupload');
    const file = path.join(tmpDir, 'annual-report.pdf');
    fs.writeFileSync(file, buildPdf([
      'Annual report of the Northwind cooperative.',
      `Revenue grew in every region; the audit code is ${marker}.`,
      'Next year the cooperative opens two warehouses.',
    ], 'Northwind annual report'));
    const doc = await uploadAndFind(fs.createReadStream(file), { metadata: JSON.stringify({ kind: 'pdf' }) }, marker, 'annual report audit code');
    assert.equal(doc.type, 'pdf');
    assert.deepEqual(doc.metadata, { kind: 'pdf' });
  });

  it('a real DOCX (built at test time) via toFile without a MIME type', STEP_TIMEOUT, async () => {
    const marker = word('docxupload');
    const docx = buildDocx([
      'Onboarding guide for new volunteers.',
      `Every volunteer receives the badge code ${marker} on the first day.`,
    ], 'Volunteer onboarding');
    await uploadAndFind(await toFile(docx, 'onboarding.docx'), {}, marker, 'volunteer badge code');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('URL content (the server may fetch loopback: hippocamel.ingest.allow-private-urls=true)', () => {
  const URL_TAG = tag('url');
  const HTML_MARK = word('kestrelurl');
  const PDF_MARK = word('pdfurl');
  let site;
  let origin;

  before(async () => {
    const pdf = buildPdf(['Quarterly bulletin of the bird observatory.', `Ringing code ${PDF_MARK} was issued twice.`]);
    site = http.createServer((req, res) => {
      if (req.url === '/birds.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html><head><title>Kestrel field notes</title></head><body><h1>Kestrels</h1>` +
          `<p>The kestrel hovers over the meadow before it dives; observers logged marker ${HTML_MARK}.</p>` +
          `<script>var ignored = "scripts are not content";</script></body></html>`);
      } else if (req.url === '/bulletin.pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(pdf);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
      }
    });
    await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${site.address().port}`;
  });
  after(() => site?.close());

  it('an HTML page URL: fetched, extracted (title, no markup), type webpage, searchable', STEP_TIMEOUT, async () => {
    const url = `${origin}/birds.html`;
    const id = await add({ content: url, containerTag: URL_TAG });
    const { doc } = await waitForDone(id);
    assert.equal(doc.type, 'webpage');
    assert.equal(doc.title, 'Kestrel field notes');
    if ('url' in doc) assert.equal(doc.url, url);
    const chunks = await client.get(`/v3/documents/${id}/chunks`);
    const text = chunks.chunks.map((c) => c.content).join('\n');
    assert.ok(text.includes(HTML_MARK), 'page text indexed');
    assert.ok(!text.includes('<p>') && !text.includes('scripts are not content'), `markup or script indexed: ${text}`);
    const res = await client.search({ q: `kestrel hovering ${HTML_MARK}`, containerTag: URL_TAG, searchMode: 'hybrid' });
    assert.ok(res.results.some((r) => textOf(r).includes(HTML_MARK)));
  });

  it('a PDF URL: type pdf, its text searchable', STEP_TIMEOUT, async () => {
    const id = await add({ content: `${origin}/bulletin.pdf`, containerTag: URL_TAG });
    const { doc } = await waitForDone(id);
    assert.equal(doc.type, 'pdf');
    const res = await client.search.documents({ q: `ringing code ${PDF_MARK}`, containerTag: URL_TAG });
    assert.ok(v3Chunks(res).some((c) => c.documentId === id && c.content.includes(PDF_MARK)));
  });

  it('a URL answering 404: the document ends "failed" and GET says why', STEP_TIMEOUT, async (t) => {
    const id = await add({ content: `${origin}/gone.html`, containerTag: URL_TAG });
    const doc = await waitForFinal(id);
    assert.equal(doc.status, 'failed');
    t.diagnostic(`failed document: ${JSON.stringify(doc)}`);
    const reason = doc.error ?? doc.processingMetadata?.error;
    assert.ok(typeof reason === 'string' && reason.includes('404'), `no reason mentioning the 404 in ${JSON.stringify(doc)}`);
    assert.ok(!(await client.documents.listProcessing()).documents.some((d) => d.id === id), 'failed is final');
  });
});

describe('robustness', () => {
  const R_TAG = tag('robust');

  it('Unicode content round-trips and is searchable', STEP_TIMEOUT, async () => {
    const marker = word('unicode');
    const text = `Ünïcödé café — 日本語のテキスト, emoji 🎉🚀, Ελληνικά, עברית; marker ${marker}.`;
    const id = await add({ content: text, containerTag: R_TAG, metadata: { lang: 'mixed-ü-日本' } });
    const { doc } = await waitForDone(id);
    assert.equal(doc.content, text);
    assert.deepEqual(doc.metadata, { lang: 'mixed-ü-日本' });
    const res = await client.search({ q: `日本語のテキスト ${marker}`, containerTag: R_TAG, searchMode: 'hybrid' });
    const hit = res.results.find((r) => textOf(r).includes(marker));
    assert.ok(hit, 'found');
    assert.ok(textOf(hit).includes('日本語のテキスト') && textOf(hit).includes('🎉'), `text mangled: ${textOf(hit)}`);
  });

  it('20 concurrent adds: 20 distinct ids, all done, all listed', STEP_TIMEOUT, async () => {
    const T = tag('concurrent');
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) => add({ content: `Concurrent add ${i} ${word('concurrent')}.`, containerTag: T, customId: `conc-${i}-${RUN}` })),
    );
    assert.equal(new Set(ids).size, 20);
    await waitAllDone(ids);
    const page = await client.documents.list({ containerTags: [T], limit: 50 });
    assert.equal(page.pagination.totalItems, 20);
  });

  it('20 concurrent adds with the same customId make one document', STEP_TIMEOUT, async () => {
    const T = tag('concurrent-upsert');
    const customId = `same-${RUN}`;
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) => add({ content: `Upsert race ${i} ${word('upsertrace')}.`, containerTag: T, customId })),
    );
    assert.equal(new Set(ids).size, 1, `one document id expected, got ${new Set(ids).size}`);
    await waitForDone(ids[0]);
    const page = await client.documents.list({ containerTags: [T] });
    assert.equal(page.pagination.totalItems, 1);
  });

  it('a 2 MB upload is accepted (no 1 MB servlet default); over 50 MB -> 413 JSON, no hang', STEP_TIMEOUT, async () => {
    const marker = word('bigfile');
    const padded = Buffer.from(`Padded upload, marker ${marker}.\n${' '.repeat(2_000_000)}\nend of file\n`);
    const ok = await client.documents.uploadFile({ file: await toFile(padded, 'padded.txt'), containerTag: R_TAG });
    const { doc } = await waitForDone(ok.id);
    assert.ok(doc.content.includes(marker));

    const huge = Buffer.alloc(51 * 1024 * 1024, 'a');
    let err;
    try {
      await client.documents.uploadFile({ file: await toFile(huge, 'huge.txt'), containerTag: R_TAG }, { maxRetries: 0 });
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof APIError, `expected an APIError, got ${err}`);
    assert.equal(err.status, 413, `status ${err.status}: ${err.message}`);
    assert.equal(typeof err.error?.error, 'string');
  });

  it('a file with no extractable text: 415 at upload, or "failed" with a reason', STEP_TIMEOUT, async (t) => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    let res;
    try {
      res = await client.documents.uploadFile({ file: await toFile(noise, 'noise.bin'), containerTag: R_TAG });
    } catch (e) {
      assert.ok(e instanceof APIError && e.status === 415, `expected 415 or acceptance, got ${e}`);
      return;
    }
    const doc = await waitForFinal(res.id);
    t.diagnostic(`noise.bin -> ${doc.status}: ${doc.error}`);
    assert.equal(doc.status, 'failed');
    assert.equal(typeof doc.error, 'string');
  });
});

describe('documents.delete', () => {
  const D_TAG = tag('delete');
  const A = word('deletealpha');
  const B = word('deletebravo');
  let idA;
  let idB;

  before(async () => {
    idA = await add({ content: `Delete test document with marker ${A}.`, containerTag: D_TAG, customId: `delA-${RUN}` });
    idB = await add({ content: `Delete test document with marker ${B}.`, containerTag: D_TAG, customId: `delB-${RUN}` });
    await waitAllDone([idA, idB]);
  });

  it('by id -> 204, then get -> NotFoundError (404), gone from search', async () => {
    const { data, response } = await client.documents.delete(idA).withResponse();
    assert.equal(response.status, 204, 'DELETE answers 204');
    assert.equal(data, null);
    await expectApiError(client.documents.get(idA), NotFoundError, 404);
    await expectApiError(client.documents.get(`delA-${RUN}`), NotFoundError, 404);
    await expectApiError(client.get(`/v3/documents/${idA}/chunks`), NotFoundError, 404);
    const v3 = await client.search.documents({ q: `marker ${A}`, containerTag: D_TAG });
    assert.ok(!v3.results.some((r) => r.documentId === idA), 'deleted document still found by v3 search');
    const v4 = await client.search({ q: `marker ${A}`, containerTag: D_TAG, searchMode: 'hybrid', threshold: 0 });
    assert.ok(!v4.results.some((r) => textOf(r).includes(A)), 'deleted document still found by v4 search');
    await expectApiError(client.documents.delete(idA), NotFoundError, 404);
  });

  it('by customId -> 204, then get by id -> 404', async () => {
    const { response } = await client.documents.delete(`delB-${RUN}`).withResponse();
    assert.equal(response.status, 204);
    await expectApiError(client.documents.get(idB), NotFoundError, 404);
    const page = await client.documents.list({ containerTags: [D_TAG] });
    assert.equal(page.pagination.totalItems, 0);
  });

  it('right after add, while in the pipeline: never comes back', STEP_TIMEOUT, async (t) => {
    const C = word('deletecharlie');
    const idC = await add({ content: `Deleted while processing, marker ${C}.`, containerTag: D_TAG });
    let conflict = false;
    try {
      await client.documents.delete(idC, { maxRetries: 0 });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      conflict = true; // Supermemory's own self-hosted server answers 409 "still processing": allowed, then retry
      t.diagnostic(`DELETE of a processing document answered 409: ${JSON.stringify(err.error)}`);
      await waitForDone(idC);
      await client.documents.delete(idC);
    }
    // The pipeline must not resurrect it: wait until it is out of the processing list, then it must still be gone.
    const deadline = Date.now() + DONE_TIMEOUT_MS;
    while ((await client.documents.listProcessing()).documents.some((d) => d.id === idC)) {
      assert.ok(Date.now() < deadline, 'deleted document still listed as processing');
      await sleep(POLL_MS);
    }
    await expectApiError(client.documents.get(idC), NotFoundError, 404);
    const v3 = await client.search.documents({ q: `marker ${C}`, containerTag: D_TAG });
    assert.ok(!v3Chunks(v3).some((c) => c.content.includes(C)), `deleted document indexed anyway (conflict=${conflict})`);
  });
});

describe('documents.deleteBulk', () => {
  it('by ids: deletes them, reports the unknown id', STEP_TIMEOUT, async () => {
    const B_TAG = tag('bulk');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await add({ content: `Bulk delete document ${i} ${word('bulkids')}.`, containerTag: B_TAG }));
    const keep = await add({ content: `Bulk keep document ${word('bulkkeep')}.`, containerTag: B_TAG });
    await waitAllDone([...ids, keep]);
    const bogus = `nosuchdoc${RUN}`;
    const res = await client.documents.deleteBulk({ ids: [...ids, bogus] });
    assert.equal(res.deletedCount, 3, JSON.stringify(res));
    assert.equal(typeof res.success, 'boolean');
    if (res.errors !== undefined) assert.ok(res.errors.some((e) => e.id === bogus), `errors: ${JSON.stringify(res.errors)}`);
    for (const id of ids) await expectApiError(client.documents.get(id), NotFoundError, 404);
    assert.equal((await client.documents.get(keep)).id, keep, 'other documents stay');
  });

  it('by containerTags: deletes the whole tag, nothing else', STEP_TIMEOUT, async () => {
    const GONE = tag('bulktag');
    const KEEP = tag('bulktag-keep');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await add({ content: `Tag delete document ${i} ${word('bulktags')}.`, containerTag: GONE }));
    const keep = await add({ content: `Tag keep document ${word('bulktagkeep')}.`, containerTag: KEEP });
    await waitAllDone([...ids, keep]);
    const res = await client.documents.deleteBulk({ containerTags: [GONE] });
    assert.equal(res.deletedCount, 3, JSON.stringify(res));
    assert.equal(res.success, true);
    assert.equal((await client.documents.list({ containerTags: [GONE] })).pagination.totalItems, 0);
    for (const id of ids) await expectApiError(client.documents.get(id), NotFoundError, 404);
    const v3 = await client.search.documents({ q: `tag delete document ${word('bulktags')}`, containerTag: GONE });
    assert.equal(v3.results.length, 0, 'nothing left to search in the deleted tag');
    assert.equal((await client.documents.get(keep)).status, 'done', 'the other tag is untouched');
  });

  it('neither ids nor containerTags -> 400; more than 100 ids -> 400', async () => {
    await expectApiError(client.documents.deleteBulk({}), BadRequestError, 400);
    const ids = Array.from({ length: 101 }, (_, i) => `bogus${i}${RUN}`);
    await expectApiError(client.documents.deleteBulk({ ids }), BadRequestError, 400);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('documents.batchAdd', () => {
  it('objects: per-item results in order, top-level defaults, per-item overrides', STEP_TIMEOUT, async () => {
    const T1 = tag('batch');
    const T2 = tag('batch-other');
    const w = [word('batchone'), word('batchtwo'), word('batchthree'), word('batchfour')];
    const res = await client.documents.batchAdd({
      containerTag: T1,
      metadata: { batch: 'yes' },
      documents: [
        { content: `Batch object one ${w[0]}.`, customId: `b1-${RUN}`, metadata: { n: 1 } },
        { content: `Batch object two ${w[1]}.`, metadata: { n: 2 } },
        { content: `Batch object three ${w[2]}.` },
        { content: `Batch object four ${w[3]}.`, containerTag: T2 },
      ],
    });
    assert.equal(res.results.length, 4);
    assert.equal(res.success, 4);
    assert.equal(res.failed, 0);
    for (const r of res.results) {
      assert.ok(typeof r.id === 'string' && r.id.length > 0, JSON.stringify(r));
      assert.equal(r.status, 'queued');
    }
    const ids = res.results.map((r) => r.id);
    assert.equal(new Set(ids).size, 4, 'distinct ids');
    const docs = await waitAllDone(ids);
    assert.equal((await client.documents.get(`b1-${RUN}`)).id, ids[0], 'results are in request order (customId of item 1)');
    assert.equal(docs.get(ids[0]).metadata.n, 1);
    assert.equal(docs.get(ids[1]).metadata.n, 2);
    assert.equal(docs.get(ids[2]).metadata.batch, 'yes', 'top-level metadata applies to an item without its own');
    assert.ok(docs.get(ids[0]).containerTags.includes(T1), 'top-level containerTag applies');
    assert.ok(docs.get(ids[3]).containerTags.includes(T2), 'an item\'s own containerTag wins');
    for (const [i, id] of ids.slice(0, 3).entries()) {
      const s = await client.search.documents({ q: `batch object ${w[i]}`, containerTag: T1 });
      assert.ok(s.results.some((r) => r.documentId === id), `batch item ${i + 1} searchable`);
    }
  });

  it('plain strings', STEP_TIMEOUT, async () => {
    const T = tag('batch-strings');
    const texts = [`Plain string one ${word('stringone')}.`, `Plain string two ${word('stringtwo')}.`];
    const res = await client.documents.batchAdd({ documents: texts, containerTag: T });
    assert.equal(res.success, 2);
    assert.equal(res.failed, 0);
    const ids = res.results.map((r) => r.id);
    const docs = await waitAllDone(ids);
    assert.deepEqual(ids.map((id) => docs.get(id).content), texts);
    assert.ok(ids.every((id) => docs.get(id).containerTags.includes(T)));
  });

  it('one invalid item: rejected alone (per-item error) or the whole batch with 400', async (t) => {
    const T = tag('batch-invalid');
    let res;
    try {
      res = await client.documents.batchAdd({
        containerTag: T,
        documents: [{ content: `Valid batch item ${word('validitem')}.` }, { content: 'invalid custom id', customId: 'has space' }],
      });
    } catch (err) {
      assert.ok(err instanceof BadRequestError, `expected per-item results or 400, got ${err}`);
      t.diagnostic('the server rejected the whole batch with 400');
      assert.equal((await client.documents.list({ containerTags: [T] })).pagination.totalItems, 0, 'a rejected batch stored nothing');
      return;
    }
    t.diagnostic(`per-item results: ${JSON.stringify(res)}`);
    assert.equal(res.success, 1);
    assert.equal(res.failed, 1);
    assert.ok(res.results[0].id.length > 0);
    assert.equal(res.results[1].id, '', 'a failed item has id ""');
    assert.equal(typeof res.results[1].error, 'string');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('documents.listProcessing', () => {
  it('shows documents in the pipeline, each not final; empty of ours once they are done', STEP_TIMEOUT, async (t) => {
    const T = tag('processing');
    const documents = Array.from({ length: 100 }, (_, i) =>
      `Processing probe ${i}: the caravan reached oasis number ${i} at dusk, marker ${word('caravan')}.`);
    const batch = await client.documents.batchAdd({ documents, containerTag: T });
    assert.equal(batch.success, 100);
    const ids = new Set(batch.results.map((r) => r.id));
    const res = await client.documents.listProcessing();
    assert.ok(Array.isArray(res.documents));
    assert.equal(typeof res.totalCount, 'number');
    assert.ok(res.totalCount >= res.documents.length);
    for (const d of res.documents) {
      assertKeys(d, ['id', 'createdAt', 'customId', 'metadata', 'status', 'title', 'type', 'updatedAt'], 'processing item');
      assert.ok(STATUSES.includes(d.status) && !FINAL.includes(d.status), `status ${d.status} is not a processing status`);
    }
    const ours = res.documents.filter((d) => ids.has(d.id));
    t.diagnostic(`${ours.length} of our 100 documents were in the pipeline when listed (totalCount ${res.totalCount})`);
    await waitAllDone([...ids]);
    const later = await client.documents.listProcessing();
    assert.ok(!later.documents.some((d) => ids.has(d.id)), 'done documents are no longer listed as processing');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('legacy and seed-style request shapes', () => {
  it('POST /v3/memories (legacy alias of /v3/documents) adds a document', STEP_TIMEOUT, async () => {
    const T = tag('legacy');
    const marker = word('legacyalias');
    const res = await client.post('/v3/memories', { body: { content: `Legacy alias memory ${marker}.`, containerTag: T } });
    assert.equal(typeof res.id, 'string');
    const { doc } = await waitForDone(res.id);
    assert.ok(doc.containerTags.includes(T));
    const listed = await client.post('/v3/memories/list', { body: { containerTags: [T] } });
    assert.deepEqual(listed.memories.map((m) => m.id), [res.id], 'POST /v3/memories/list');
  });


  it('POST /v3/documents {user_id} stores under the container tag of that name', STEP_TIMEOUT, async () => {
    const user = tag('user');
    const marker = word('seeduser');
    const res = await client.post('/v3/documents', { body: { content: `Seed style memory ${marker}.`, user_id: user } });
    assert.equal(typeof res.id, 'string');
    const { doc } = await waitForDone(res.id);
    assert.ok(doc.containerTags.includes(user), `containerTags: ${doc.containerTags}`);
    const s = await client.search({ q: `seed style memory ${marker}`, containerTag: user, searchMode: 'hybrid' });
    assert.ok(s.results.some((r) => textOf(r).includes(marker)));
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('memories (v4): add, search.memories, updateMemory, forget, profile', () => {
  const T = tag('mem');
  const marker = word('fact');
  let id;

  it('POST /v4/memories -> 201, immediately found by search.memories with a "memory" field', async () => {
    const { data, response } = await client
      .post('/v4/memories', {
        body: {
          containerTag: T,
          memories: [
            { content: `Robin's favourite tea is ${marker} oolong`, metadata: { kind: 'preference' } },
            { content: 'Robin is a marine biologist', isStatic: true },
          ],
        },
      })
      .withResponse();
    assert.equal(response.status, 201);
    id = data.memories[0].id;
    assert.equal(typeof id, 'string');
    const res = await client.search.memories({ q: `${marker} oolong tea`, containerTag: T, threshold: 0.3 });
    assertV4Shape(res);
    assert.equal(res.results[0].memory, `Robin's favourite tea is ${marker} oolong`);
    assert.equal(res.results[0].version, 1);
  });

  it('memories.updateMemory -> a new version; search returns only the latest', async () => {
    const updated = await client.memories.updateMemory({
      containerTag: T,
      id,
      newContent: `Robin's favourite tea is ${marker} sencha`,
    });
    assertKeys(updated, ['id', 'createdAt', 'memory', 'version', 'parentMemoryId', 'rootMemoryId'], 'updateMemory');
    assert.equal(updated.version, 2);
    assert.equal(updated.parentMemoryId, id);
    const res = await client.search.memories({ q: `${marker} tea`, containerTag: T, threshold: 0 });
    const texts = res.results.map(textOf);
    assert.ok(texts.includes(`Robin's favourite tea is ${marker} sencha`), texts.join(' | '));
    assert.ok(!texts.includes(`Robin's favourite tea is ${marker} oolong`), 'the old version is not the latest');
    id = updated.id;
  });

  it('client.profile -> static traits and dynamic context; q adds search results', async () => {
    const p = await client.profile({ containerTag: T, q: 'tea' });
    assert.deepEqual(p.profile.static, ['Robin is a marine biologist']);
    assert.deepEqual(p.profile.dynamic, [`Robin's favourite tea is ${marker} sencha`]);
    assert.ok(Array.isArray(p.searchResults.results));
    const empty = await client.profile({ containerTag: tag('nobody') });
    assert.deepEqual(empty.profile.static, []);
    assert.deepEqual(empty.profile.dynamic, []);
  });

  it('memories.forget -> {id, forgotten:true}; search leaves it out; forgetting again -> ConflictError (409)', async () => {
    const res = await client.memories.forget({ containerTag: T, id, reason: 'user asked' });
    assert.deepEqual(res, { id, forgotten: true });
    const after = await client.search.memories({ q: `${marker} tea`, containerTag: T, threshold: 0 });
    assert.ok(!after.results.some((r) => textOf(r).includes(marker)), 'a forgotten memory is not found');
    await expectApiError(client.memories.forget({ containerTag: T, id }, { maxRetries: 0 }), ConflictError, 409);
    await expectApiError(client.memories.forget({ containerTag: T, id: 'unknown' }), NotFoundError, 404);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Settings (h-tags): client.settings.update / get, as opencode-supermemory calls them at start

describe('settings', () => {
  it('client.settings.update answers with what changed and client.settings.get returns it', STEP_TIMEOUT, async () => {
    const prompt = `SDK e2e filter prompt ${word('settings')}`;
    const res = await client.settings.update({ shouldLLMFilter: true, filterPrompt: prompt });
    assert.equal(res.updated.shouldLLMFilter, true);
    assert.equal(res.updated.filterPrompt, prompt);
    const got = await client.settings.get();
    assert.equal(got.filterPrompt, prompt);
    await client.settings.update({ shouldLLMFilter: false, filterPrompt: null }); // leave the tenant on defaults
  });
});
