import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeKnowledgeRepo } from '../electron/core/knowledge/repo';
import { makeAnalyzer } from '../electron/core/learning/analyzer/analyzer';
import { mulberry32 } from '../electron/core/learning/bandit/random';
import { type ScriptedExchange, seedOrderedConversations } from '../electron/core/learning/test-utils/seed-sales';
import { openDatabase } from '../electron/core/database';

/**
 * One analyzer pass over 10,000 ordered conversations, offline (target < 10 s). The sales come
 * from a phone-accessories and cosmetics shop (unlike the fashion samples): questions in six
 * languages, spelled the way customers type them, many near-duplicates of each other.
 */
const TOPICS: Array<{ asks: string[]; answers: string[] }> = [
  {
    asks: [
      'kayen garantie 3la had chargeur?',
      'wach fih garantie l kit?',
      'la garantie c combien de temps ?',
      'is there a warranty on the charger?',
      'tem garantia o carregador?',
      'c’è la garanzia sul caricatore?',
    ],
    answers: ['Garantie 6 mois.', 'Oui, 6 mois de garantie.'],
  },
  {
    asks: [
      'Livraison l Tizi Ouzou ch7al men nhar?',
      'combien de jours pour livrer à Tizi Ouzou ?',
      'كم يوم التوصيل لتيزي وزو؟',
      'how many days to deliver to Tizi Ouzou?',
    ],
    answers: ['48h pour Tizi Ouzou.', '2 jours ouvrables.'],
  },
  {
    asks: [
      'original wla copie had sérum?',
      'le sérum est original ?',
      'هل السيروم أصلي؟',
      'is the serum original?',
      'o sérum é original?',
      'il siero è originale?',
    ],
    answers: ['100 % original, importé de Corée.', 'Original, avec facture.'],
  },
  {
    asks: [
      'nkhalles b carte edahabia?',
      'vous acceptez la carte CIB ?',
      'هل تقبلون الدفع بالبطاقة الذهبية؟',
      'can I pay by card?',
      'posso pagar com cartão?',
    ],
    answers: ['Oui, CIB et Edahabia à la livraison.', 'Paiement par carte accepté.'],
  },
  {
    asks: [
      'nji nchri men l7anout?',
      'on peut passer récupérer au magasin ?',
      'ممكن نجي نستلم من المحل؟',
      'can I pick it up at the shop?',
      'posso ritirare in negozio?',
    ],
    answers: ['Oui, retrait au magasin à Bab Ezzouar.', 'Retrait possible sur rendez-vous.'],
  },
  {
    asks: [
      'kayen couleur rose l coque?',
      'la coque existe en rose ?',
      'does the case come in pink?',
      'a capa tem rosa?',
      'la cover c’è rosa?',
    ],
    answers: ['Rose, noir et bleu.', 'Oui, rose disponible.'],
  },
  {
    asks: [
      'ila ma 3jbatnich nrodha?',
      'je peux retourner si ça me plaît pas ?',
      'can I return it if I do not like it?',
      'posso devolver se não gostar?',
      'إذا ما عجبنيش نقدر نرجعو؟',
    ],
    answers: ['Retour sous 7 jours, non utilisé.', 'Échange ou retour en 7 jours.'],
  },
  {
    asks: [
      'had crème tsla7 l peau sensible?',
      'la crème convient aux peaux sensibles ?',
      'is the cream ok for sensitive skin?',
      'o creme serve para pele sensível?',
    ],
    answers: ['Oui, testée dermatologiquement.', 'Convient aux peaux sensibles.'],
  },
];
const NOISE = ['', ' svp', ' stp', '!!', ' ??', ' khoya', ' merci', ' 🙏', ' please', ' obrigado'];

function exchanges(count: number): ScriptedExchange[] {
  const random = mulberry32(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, () => {
    const topic = pick(TOPICS);
    const ask = pick(topic.asks);
    // Messy typing: noise, case, a doubled letter now and then.
    const typed = random() < 0.3 ? ask.toUpperCase() : random() < 0.3 ? ask.replace(/([aeiou])/, '$1$1') : ask;
    return { question: `${typed}${pick(NOISE)}`, answer: pick(topic.answers) };
  });
}

export async function run(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-bench-learning-'));
  const store = await openDatabase({ file: path.join(dir, 'bench.sqlite') });
  try {
    store.sqlite
      .prepare("INSERT INTO shops (name, currency, created_at) VALUES ('Phone & Beauty', 'DZD', ?)")
      .run(new Date().toISOString());
    const seedStarted = performance.now();
    seedOrderedConversations(store.sqlite, 1, exchanges(997), 10_000);
    const seedS = (performance.now() - seedStarted) / 1000;
    const analyzer = makeAnalyzer({ sqlite: store.sqlite, knowledge: makeKnowledgeRepo(store.sqlite), now: () => new Date() });
    const started = performance.now();
    const result = await analyzer.run(1);
    const analyzerS = (performance.now() - started) / 1000;
    return {
      analyzer_10k_s: Number(analyzerS.toFixed(2)),
      analysed: result.analysed,
      learned: result.learned,
      merged: result.merged,
      seed_s: Number(seedS.toFixed(2)),
    };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
