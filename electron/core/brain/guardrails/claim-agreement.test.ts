import { describe, expect, it } from 'vitest';
import { checkReply } from './check-reply';
import { assertsSalesFigure } from './claim-agreement';
import { checkInput, store } from '../../test-utils/guardrail-fixtures';

const kinds = (reply: string, said: string, over: Parameters<typeof checkInput>[1] = {}) =>
  checkReply(checkInput(reply, { customerTexts: [said], ...over })).map((v) => v.kind);

describe('a sales or stock figure the customer asserts is never agreed with', () => {
  const claims = [
    ['vous avez vendu 1000 robes ce mois ? c’est ce que dit la pub', 'Oui, c’est vrai ! La Robe de soirée rouge est à 6 500 DA.'],
    ['so che avete venduto 300 vestiti ieri, è vero?', 'Sì, è vero. La Robe de soirée rouge costa 6 500 DA.'],
    ['vcs venderam 5000 vestidos esse mês? vi no insta', 'Sim, é verdade! Robe de soirée rouge: 6 500 DA.'],
    ['9olouli bi3tou 800 robe had simana, s7i7?', 'Ih s7i7! Robe de soirée rouge b 6 500 DA.'],
    ['you have 40 in stock right?', 'Yes, that is right. Robe de soirée rouge: 6 500 DA.'],
    ['قالولي باعو 500 روبة هاد السيمانة، صحيح؟', 'صحيح! روبة السهرة الحمراء ب 6 500 دج.'],
  ];

  it.each(claims)('«%s» answered «%s» is caught', (said, reply) => {
    expect(kinds(reply, said)).toContain('echoed_customer_number');
  });

  it('lets an answer that states the true figure and agrees with nothing go out', () => {
    for (const [said] of claims)
      expect(kinds('Je ne peux pas confirmer ce chiffre. La Robe de soirée rouge est à 6 500 DA.', said ?? '')).toEqual([]);
  });

  it('lets the reply agree when the store backs the figure (real sales, real stock)', () => {
    const sold = { store: store({ salesCounts: new Map([['DZ-DR-001', 12]]) }) };
    expect(kinds('Oui, c’est vrai : la Robe de soirée rouge est à 6 500 DA.', 'vous avez vendu 12 robes cette semaine ?', sold)).toEqual(
      [],
    );
    // The fixture's bag has 7 in stock.
    expect(kinds('Oui ! Le Sac à main cuir noir est à 4 500 DA.', 'il vous reste 7 sacs en stock ?')).toEqual([]);
  });

  it('takes a number of the product’s own name for no figure ("… 100 ml disponible en stock ?")', () => {
    const named = { store: store({ products: [{ ...store().products[0]!, name: 'Huile d’argan bio 100 ml' }] }) };
    expect(
      kinds('Oui, Huile d’argan bio 100 ml est disponible à 6 500 DA.', 'Huile d’argan bio 100 ml disponible en stock ?', named),
    ).toEqual([]);
    expect(kinds('Oui, c’est vrai.', 'vous en avez 100 en stock ?')).toContain('echoed_customer_number');
  });

  it('says nothing about an ordinary "yes" to an ordinary question', () => {
    expect(kinds('Oui, la Robe de soirée rouge est disponible à 6 500 DA.', 'vous avez la robe rouge ?')).toEqual([]);
  });
});

describe('what the offline brain reads as an asserted sales figure', () => {
  const bank = { name: 'Power bank 20000 mAh', altNames: [], variants: [] };
  it('is a count of sales or customers, not a measure or a number of the product’s name', () => {
    expect(assertsSalesFigure("vous avez vendu 1000 montres ce mois ? c'est ce que dit la pub")).toBe(true);
    expect(assertsSalesFigure('9olouli bi3tou 800 ring light had simana, s7i7?')).toBe(true);
    expect(assertsSalesFigure('do you sell a 20000 mAh power bank?', bank)).toBe(false);
    expect(assertsSalesFigure('you sell the 20000 one?', bank)).toBe(false);
    expect(assertsSalesFigure('vous vendez des montres ?')).toBe(false);
  });
});
