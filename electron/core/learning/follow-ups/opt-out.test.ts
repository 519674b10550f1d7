import { describe, expect, it } from 'vitest';
import { isOptOut } from './opt-out';

/** Said by customers of shops unlike the samples: typos, capitals, emoji, mixed scripts. */
const OPT_OUT: Record<string, string[]> = {
  'dz-latn': [
    'baraka ma tb3atli walou',
    'matb3atlich messages ya khou',
    'khouya ma teb3atliche pub',
    'BARKA!!',
    'ma tsiftli walo tani',
    '7bes mesajat svp',
  ],
  'ar-dz': ['ماتبعتليش', 'بركا ما تبعتليش رسائل', 'ما تزيدش تبعتلي', 'حبسو المساجات'],
  ar: ['توقف', 'لا ترسل لي رسائل مرة اخرى', 'من فضلك لا تراسلني', 'كفى رسائل', 'أرجو إلغاء الاشتراك'],
  fr: ['STOP', 'Arrêtez de m’envoyer des messages', "ne m'écrivez plus svp", 'plus de pub merci', 'cessez de me relancer', 'stop svp 🙏'],
  en: ['stop', 'Please stop texting me', "don't message me again", 'Unsubscribe', 'no more messages please', 'do not contact me'],
  pt: ['pare', 'Parem de me mandar mensagens', 'não me mande mais nada', 'chega de mensagens', 'não me escreva mais'],
  it: ['basta', 'smettete di scrivermi', 'non mandatemi più messaggi', 'non scrivermi più', 'basta messaggi grazie'],
};

const NOT_OPT_OUT = [
  'ch7al had sac ?',
  'no, send me the red one please',
  'envoyez-moi la photo',
  "vous ne m'avez pas envoyé la photo",
  "you didn't send me the address",
  'ba3tli tsawer ta3 sbabet',
  'ابعثلي الصورة من فضلك',
  'mandami la foto del vestito',
  'me manda o preço',
  'je ne vous ai pas encore envoyé mon adresse',
  'stopped by the shop yesterday, is it open?',
  'barakallahu fik',
  'para quando é a entrega?',
  'wach kayen livraison l Oran',
  'non ho ricevuto niente',
];

describe('opt-out words', () => {
  for (const [language, phrases] of Object.entries(OPT_OUT)) {
    it(`recognises a customer asking to stop in ${language}`, () => {
      expect(phrases.filter((p) => !isOptOut(p))).toEqual([]);
    });
  }
  it('does not take ordinary questions, corrections or complaints for an opt-out', () => {
    expect(NOT_OPT_OUT.filter((p) => isOptOut(p))).toEqual([]);
  });
});
