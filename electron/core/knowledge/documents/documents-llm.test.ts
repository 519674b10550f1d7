import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../../shared/contract';
import type { Harness } from '../../learning/test-utils/learning-harness';
import { makeLearningHarness } from '../../learning/test-utils/learning-harness';
import { call } from '../../test-utils/temp-core';
import { makeDocx, makePdf } from '../../test-utils/document-fixtures';

/**
 * The seller's documents reach the LLM: a fake OpenAI-compatible model on 127.0.0.1 that can only
 * answer from what its prompt carries (it quotes the SHOP DOCUMENTS passage holding the question's
 * key word, naming the document in its own words and citing its id, or says it will check), so a
 * cited answer proves the passage was in the prompt (the offline brain words its citations otherwise); the guardrails accept the document's figures as the seller's words.
 */
let server: http.Server;
let baseUrl: string;
const prompts: string[] = [];

interface Passage {
  id: string;
  document: string;
  text: string;
}

function answer(system: string, question: string): object {
  const block = system.split('### SHOP DOCUMENTS\n')[1]?.split('\n\n')[0] ?? '';
  const passages = block
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Passage);
  const key = /garanti/i.test(question) ? /garantis/i : /chiffon/i;
  const found = passages.find((p) => key.test(p.text));
  const sentence = found?.text.split(/(?<=\.)\s+|\n+/).find((s) => key.test(s));
  return {
    reply:
      found && sentence ? `Selon le document « ${found.document} » : ${sentence}` : 'Je vérifie avec la boutique et je reviens vers vous.',
    language: 'fr',
    intent: 'other',
    confidence: 0.9,
    escalate: !found,
    citations: found ? [found.id] : [],
    skus: [],
  };
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as { messages?: Array<{ role: string; content: string }> };
      const system = body.messages?.find((m) => m.role === 'system')?.content ?? '';
      const question = body.messages?.filter((m) => m.role === 'user').at(-1)?.content ?? '';
      prompts.push(system);
      const content = JSON.stringify(answer(system, question));
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
          usage: { prompt_tokens: 80, completion_tokens: 20, total_tokens: 100 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const add = (t: Harness, name: string, bytes: Uint8Array) =>
  call<CallOutput<'knowledge/add-document'>>(t.core, 'knowledge/add-document', {
    shopId: t.shopId,
    name,
    contentBase64: Buffer.from(bytes).toString('base64'),
  });

function lastReply(t: Harness): { text: string; citations: string[]; escalate: boolean } {
  const row = t.core.ctx.store.sqlite
    .prepare<[], { text: string; meta: string }>("SELECT text, meta FROM messages WHERE direction = 'out' ORDER BY id DESC LIMIT 1")
    .get()!;
  const meta = JSON.parse(row.meta) as { citations?: string[]; escalate?: boolean };
  return { text: row.text, citations: meta.citations ?? [], escalate: meta.escalate ?? false };
}

describe('knowledge documents in LLM answers', () => {
  it('a DOCX passage reaches the prompt and is cited in the answer; replaced, the new text is; a PDF too', async () => {
    h = await makeLearningHarness();
    const t = h;
    await call(t.core, 'settings/update', { shopId: t.shopId, patch: { llm: { baseUrl, model: 'fake-model', apiKey: 'sk-test' } } });
    const docx = await add(
      t,
      'Garantie.docx',
      makeDocx(['Garantie Dar Lalla', 'Tous nos sacs sont garantis 18 mois, réparation gratuite à la boutique.']),
    );

    await t.say('+213550000181', 'Vos sacs sont garantis combien de mois ?');
    expect(prompts.at(-1)).toContain('### SHOP DOCUMENTS');
    expect(prompts.at(-1)).toContain('garantis 18 mois');
    const first = lastReply(t);
    expect(first.text).toBe(
      'Selon le document « Garantie.docx » : Tous nos sacs sont garantis 18 mois, réparation gratuite à la boutique.',
    );
    expect(first.escalate).toBe(false);
    expect(first.citations.some((c) => c.startsWith(`document:${docx.id}#`))).toBe(true);

    // The same name again replaces the document: the prompt now carries only the new text.
    const replaced = await add(t, 'Garantie.docx', makeDocx(['Tous nos sacs sont garantis 24 mois, pièces et main-d’œuvre.']));
    expect(replaced.id).toBe(docx.id);
    await t.say('+213550000182', 'Vos sacs sont garantis combien de mois ?');
    expect(prompts.at(-1)).toContain('garantis 24 mois');
    expect(prompts.at(-1)).not.toContain('18 mois');
    expect(lastReply(t).text).toMatch(/« Garantie\.docx » : Tous nos sacs sont garantis 24 mois/);

    const pdf = await add(
      t,
      'Entretien.pdf',
      makePdf([['Entretien du cuir', 'Nettoyez le cuir avec un chiffon sec et cirez-le tous les 3 mois.']]),
    );
    await t.say('+213550000183', 'Comment faire l’entretien du cuir ?');
    expect(lastReply(t).text).toMatch(/« Entretien\.pdf » : Nettoyez le cuir avec un chiffon sec et cirez-le tous les 3 mois/);
    expect(lastReply(t).citations.some((c) => c.startsWith(`document:${pdf.id}#`))).toBe(true);

    // A message no passage matches carries no document section.
    await t.say('+213550000184', 'Bonjour');
    expect(prompts.at(-1)).not.toContain('### SHOP DOCUMENTS');
  }, 60_000);
});
