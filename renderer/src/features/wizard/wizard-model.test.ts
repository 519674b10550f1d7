import { describe, expect, it } from 'vitest';
import type { Shop } from '../../../../shared/domain/schemas';
import { decideWizard, isSkippable, nextStep, previousStep } from './wizard-model';

const shop = (id: number) => ({ id, name: `Shop ${id}`, currency: 'DZD' }) as unknown as Shop;

describe('decideWizard', () => {
  it('runs from the language step on an empty data folder', () => {
    expect(decideWizard(null, [])).toEqual({ running: true, step: 'language', shopId: null });
  });

  it('resumes where the seller left it, before and after the shop was created', () => {
    expect(decideWizard({ status: 'active', step: 'shop', shopId: null }, [])).toMatchObject({ running: true, step: 'shop' });
    expect(decideWizard({ status: 'active', step: 'try', shopId: 4 }, [shop(4)])).toEqual({ running: true, step: 'try', shopId: 4 });
  });

  it('goes straight to the app for a shop the wizard did not create', () => {
    expect(decideWizard(null, [shop(1)]).running).toBe(false);
    // Started, left at the language step, then a shop appeared through the contract.
    expect(decideWizard({ status: 'active', step: 'language', shopId: null }, [shop(1)]).running).toBe(false);
    expect(decideWizard({ status: 'active', step: 'catalog', shopId: 9 }, [shop(1)]).running).toBe(false);
  });

  it('stays closed once finished or skipped, unless every shop is gone', () => {
    expect(decideWizard({ status: 'finished', step: 'link', shopId: 1 }, [shop(1)]).running).toBe(false);
    expect(decideWizard({ status: 'skipped', step: 'catalog', shopId: 1 }, [shop(1)]).running).toBe(false);
    expect(decideWizard({ status: 'skipped', step: 'catalog', shopId: 1 }, [])).toMatchObject({ running: true, step: 'language' });
    expect(decideWizard({ status: 'active', step: 'sales', shopId: 1 }, [])).toMatchObject({ running: true, step: 'shop' });
  });
});

describe('step order', () => {
  it('walks language → shop → catalog → sales → try → link', () => {
    const walked: string[] = [];
    for (let step: ReturnType<typeof nextStep> = 'language'; step; step = nextStep(step)) walked.push(step);
    expect(walked).toEqual(['language', 'shop', 'catalog', 'sales', 'try', 'link']);
    expect(previousStep('language')).toBeNull();
    expect(previousStep('catalog')).toBe('shop');
    expect(isSkippable('shop')).toBe(false);
    expect(isSkippable('catalog')).toBe(true);
  });
});
