// End-to-end test: the official `openai` SDK through the Hippocamel Memory Router, against a local fake upstream
// that speaks OpenAI's wire format. The client changes only its baseURL and adds two headers, as the README says;
// memories are added with the official `supermemory` SDK, so the two share one pool.
//
//   HC_BASE_URL=http://127.0.0.1:8080 HC_API_KEY=... HC_UPSTREAM=http://127.0.0.1:<fake port> node router-e2e.mjs

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import Supermemory from 'supermemory';

const { HC_BASE_URL, HC_API_KEY, HC_UPSTREAM } = process.env;
if (!HC_BASE_URL || !HC_API_KEY || !HC_UPSTREAM) {
  console.error('HC_BASE_URL, HC_API_KEY and HC_UPSTREAM must be set');
  process.exit(2);
}

const RUN = Date.now().toString(36);
const USER = `router-e2e-${RUN}`;
const memory = new Supermemory({ apiKey: HC_API_KEY, baseURL: HC_BASE_URL });

/** An OpenAI client pointed at the router, for the fake upstream under `providerPath`. */
function openai(providerPath, extra = {}) {
  return new OpenAI({
    apiKey: 'sk-fake-provider-key',
    baseURL: `${HC_BASE_URL}/v3/${HC_UPSTREAM}${providerPath}`,
    defaultHeaders: { 'x-supermemory-api-key': HC_API_KEY, 'x-sm-user-id': USER, ...extra },
    maxRetries: 0,
  });
}

async function lastForwarded() {
  const res = await fetch(`${HC_UPSTREAM}/inspect/last-chat`);
  assert.equal(res.status, 200);
  return res.json();
}

async function waitDone(id, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = await memory.documents.get(id);
    if (doc.status === 'done') return doc;
    assert.notEqual(doc.status, 'failed', `document ${id} failed`);
    assert.ok(Date.now() < deadline, `document ${id} not done in time (${doc.status})`);
    await sleep(200);
  }
}

describe('openai SDK through the Memory Router', () => {
  it('a memory added through the Memory API is in the prompt the upstream receives', async () => {
    const added = await memory.add({ content: 'The user prefers Python and FastAPI for backend services.', containerTag: USER });
    await waitDone(added.id);
    const { data, response } = await openai('/openai/v1').chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'What language should I use for my new backend?' }],
    }).withResponse();
    assert.match(data.choices[0].message.content, /^Noted:/);
    assert.equal(response.headers.get('x-supermemory-context-modified'), 'true');
    assert.equal(response.headers.get('x-supermemory-chunks-retrieved'), '1');
    const forwarded = await lastForwarded();
    assert.equal(forwarded.messages[0].role, 'system');
    assert.match(forwarded.messages[0].content, /prefers Python/);
  });

  it('a streamed answer arrives chunk by chunk and is stored once complete', async () => {
    const conversation = `stream-${RUN}`;
    const stream = await openai('/openai/v1', { 'x-sm-conversation-id': conversation }).chat.completions.create({
      model: 'gpt-4o-mini',
      stream: true,
      messages: [{ role: 'user', content: 'My favourite mountain is Monte Rosa.' }],
    });
    const arrivals = [];
    let text = '';
    const start = Date.now();
    for await (const chunk of stream) {
      arrivals.push(Date.now() - start);
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    assert.equal(text, 'Noted: My favourite mountain is Monte Rosa');
    assert.ok(arrivals.length >= 5, `chunks: ${arrivals}`);
    assert.ok(arrivals.at(-1) - arrivals[0] >= 300, `chunks arrived together (${arrivals}), not streamed`);

    let found = [];
    const deadline = Date.now() + 60_000;
    while (found.length === 0 && Date.now() < deadline) {
      const res = await memory.search.memories({ q: 'favourite mountain', containerTag: USER });
      found = res.results.filter((r) => (r.memory ?? r.chunk ?? '').includes('Monte Rosa'));
      if (found.length === 0) await sleep(300);
    }
    assert.ok(found.length > 0, 'the streamed turn was not found through the Memory API');
  });

  it('the stored turn is recalled in a new conversation', async () => {
    await openai('/openai/v1', { 'x-sm-conversation-id': `recall-${RUN}` }).chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Which mountain do I like best?' }],
    });
    const forwarded = await lastForwarded();
    assert.match(forwarded.messages[0].content, /Monte Rosa/);
  });

  it('upstream errors reach the SDK as the upstream sent them', async () => {
    await assert.rejects(
      openai('/failing/v1').chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      (err) => {
        assert.ok(err instanceof OpenAI.APIError, `not an APIError: ${err}`);
        assert.equal(err.status, 503);
        assert.match(err.message, /overloaded/);
        return true;
      });
  });

  it('other endpoints under the upstream pass through (models.list)', async () => {
    const page = await openai('/openai/v1').models.list();
    assert.deepEqual(page.data.map((m) => m.id), ['fake-model']);
  });

  it('a disallowed upstream is refused with 403 and a wrong key with 401', async () => {
    const evil = new OpenAI({ apiKey: 'x', baseURL: `${HC_BASE_URL}/v3/https://evil.example.com/v1`,
      defaultHeaders: { 'x-supermemory-api-key': HC_API_KEY }, maxRetries: 0 });
    await assert.rejects(evil.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
      (err) => err.status === 403);
    const badKey = openai('/openai/v1', { 'x-supermemory-api-key': 'sm_wrong' });
    await assert.rejects(badKey.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
      (err) => err.status === 401);
  });
});
