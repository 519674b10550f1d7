import { describe, expect, it } from 'vitest';
import { findPlace, placeCount, samePlace } from './places';

const at = (text: string, country?: string, expectingAddress = false) => findPlace(text, { country: country ?? null, expectingAddress });

describe('gazetteer', () => {
  it('knows every city of ≥ 20,000 people of the seven countries (generated table plus wilayas)', () => {
    expect(placeCount()).toBeGreaterThan(2200);
  });

  it.each([
    // Algeria: wilayas, towns, Darija and Arabic spellings, glued prepositions
    ['livraison l wahran', 'DZ', 'Oran'],
    ['nskn f tolga', 'DZ', 'Tolga'],
    ['بوهران', 'DZ', 'Oran'],
    ['فالجزائر العاصمة', 'DZ', 'Alger'],
    ['لقسنطينة', 'DZ', 'Constantine'],
    ['ana men bab ezzouar', 'DZ', 'Bab Ezzouar'],
    // Morocco
    ['ana f casa', 'MA', 'Casablanca'],
    ['ساكنة فمراكش', 'MA', 'Marrakech'],
    ['wach tawsil l tanja?', 'MA', 'Tanger'],
    ['بالرباط', 'MA', 'Rabat'],
    ['ana mn lmohammedia', 'MA', 'Mohammedia'],
    ['Khouribga', 'MA', 'Khouribga'],
    // Tunisia
    ['nos3od fi sfax', 'TN', 'Sfax'],
    ['في صفاقس', 'TN', 'Sfax'],
    ['benzart', 'TN', 'Bizerte'],
    ['sousse', 'TN', 'Sousse'],
    // France
    ['je suis à Saint-Étienne', 'FR', 'Saint-Étienne'],
    ['livraison sur Villeurbanne ?', 'FR', 'Villeurbanne'],
    ['j habite a aix en provence', 'FR', 'Aix-en-Provence'],
    // Italy
    ['abito a Torino', 'IT', 'Torino'],
    ['spedite a reggio emilia?', 'IT', "Reggio nell'Emilia"],
    ['sono di napoli', 'IT', 'Napoli'],
    // Portugal
    ['moro em Lisboa', 'PT', 'Lisboa'],
    ['sou de vila nova de gaia', 'PT', 'Vila Nova de Gaia'],
    ['Braga', 'PT', 'Braga'],
    // Brazil
    ['moro em sao paulo capital', 'BR', 'São Paulo'],
    ['entrega em Belo Horizonte?', 'BR', 'Belo Horizonte'],
    ['sou de floripa', 'BR', 'Florianópolis'],
    ['Ribeirão Preto', 'BR', 'Ribeirão Preto'],
  ])('"%s" (%s shop) → %s', (text, country, name) => {
    expect(at(text, country)?.name).toBe(name);
  });

  it('short codes and city names that are ordinary words count only where an address is expected', () => {
    expect(at('sp', 'BR')).toBeNull();
    expect(at('sp', 'BR', true)?.name).toBe('São Paulo');
    expect(at('come stai?', 'IT')).toBeNull();
    expect(at('Como', 'IT', true)?.name).toBe('Como');
    expect(at('un mascara waterproof', 'DZ')).toBeNull();
    expect(at('mascara', 'DZ', true)?.name).toBe('Mascara');
    expect(at('une robe noire')).toBeNull();
    expect(at('نحب البيض')).toBeNull();
  });

  it("the shop's country wins a tie between two places of the same spelling", () => {
    expect(at('Valence', 'FR')?.country).toBe('FR');
    expect(at('Tunis', 'TN')?.country).toBe('TN');
  });

  it('knows a wilaya by its code and a town by its region', () => {
    expect(at('wilaya 31', 'DZ')?.name).toBe('Oran');
    expect(at('Tolga', 'DZ')?.region).toBe('Biskra');
    const oran = at('wahran', 'DZ');
    expect(oran && samePlace('وهران', oran)).toBe(true);
    expect(oran && samePlace('Alger', oran)).toBe(false);
  });
});
