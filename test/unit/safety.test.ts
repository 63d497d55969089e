// The safety check inside the worker: danger said plainly or indirectly is caught; figurative, negated and past uses are not.
import { describe, expect, it } from 'vitest';
import { speaksOfDanger } from '../../src/inbound/reflections/safety';
import { assessDanger } from '../../src/inbound/reflections/safety-check/assess-danger';
import { passagesOf, MAX_RUNS, PASSAGE_SENTENCES } from '../../src/inbound/reflections/safety-check/passages';
import { readText } from '../../src/inbound/reflections/safety-check/read-text';

describe('speaksOfDanger', () => {
  it.each([
    ['strangulation without the word', 'He had his hands on my neck until I could not breathe.'],
    ['a weapon pointed as a joke', 'He pointed the gun at me as a joke and laughed.'],
    ['a death threat by text', 'He texted me that he will kill me if I leave.'],
    ['a threat said plainly', 'She threatened me when I said I wanted to talk to my sister.'],
    ['sexual coercion', 'He forced me to have sex after I said no.'],
    ['the writer wanting to die', "I don't want to wake up tomorrow."],
    ['the partner threatening suicide', 'She says she will kill herself if I go.'],
    ['a plain statement of danger', 'I am not safe at home.'],
  ])('raises the alarm for %s', (_kind, text) => {
    expect(speaksOfDanger(text)).toBe(true);
  });

  it.each([
    ['an idiom', 'Reading her messages felt like being punched in the gut.'],
    ['crying that chokes', 'I was choking back tears all evening.'],
    ['banter over a trifle', 'I could kill him for forgetting the milk again.'],
    ["a counsellor's question answered no", 'She asked if I ever felt unsafe. No, never.'],
    ['negated violence', 'He has never hit me and never threatened me.'],
    ['a game', 'We played a shooter game together and he kept killing me.'],
    ['a plain reflection', 'He held my hand at dinner for the first time in months.'],
  ])('stays quiet for %s', (_kind, text) => {
    expect(speaksOfDanger(text)).toBe(false);
  });

  it('reads a long email passage by passage, so one clause of danger among ordinary sentences still counts', () => {
    const ordinary = [
      'Today we did the step about sharing a memory.',
      'We talked about the first flat we rented, with the broken boiler and the cat next door.',
      'The kids were at my sister\'s, so it was quiet for once.',
      'Work has been busy and I have been tired, but I wanted to do this properly.',
      'We made pasta and ate it on the sofa.',
    ];
    const email = [...ordinary.slice(0, 3), 'Later he pinned me against the fridge and said next time I mention the affair I will not be walking out of the kitchen.', ...ordinary.slice(3)].join(' ');
    expect(speaksOfDanger(ordinary.join(' '))).toBe(false);
    expect(speaksOfDanger(email)).toBe(true);
  });

  it("joins a plain-text email's hard-wrapped lines before cutting it into sentences", () => {
    expect(passagesOf('We talked about the\nmoney for an hour.\nThen we had dinner.')).toEqual(['We talked about the money for an hour.\nThen we had dinner.']);
  });

  it('cuts a reply into the whole text and runs of a few sentences, at most MAX_RUNS of them', () => {
    expect(passagesOf('One. Two. Three.')).toEqual(['One. Two. Three.']);
    expect(passagesOf('One. Two. Three. Four.')).toEqual(['One. Two. Three. Four.', 'One. Two. Three.', 'Two. Three. Four.']);
    const many = passagesOf('Short line.\n'.repeat(1000));
    expect(many).toHaveLength(1 + MAX_RUNS);
    expect(many[1]?.split('.').length).toBe(PASSAGE_SENTENCES + 1);
  });

  it('leaves a reflection in a language it cannot read to the decisive signs alone', () => {
    for (const text of ['Dziś przeprosiłem za konkretną rzecz, a nie za wszystko naraz.', 'Hoy pude escuchar sin interrumpir. Fue difícil.', 'Heute habe ich ihr zugehört, ohne mich zu verteidigen.']) {
      expect(assessDanger(text)).toEqual({ danger: false, probability: 0, decisive: [] });
    }
    // An English reflection is read by the model as before, a short one included.
    expect(assessDanger('He texted me that he will kill me if I leave.').probability).toBeGreaterThan(0.5);
    expect(assessDanger('Done.').probability).toBeGreaterThan(0);
  });

  it('names the decisive sign it found, and nothing of the text', () => {
    const assessment = assessDanger('He put his arm across my throat until I saw spots.');
    expect(assessment).toMatchObject({ danger: true, decisive: ['hands_on_neck'] });
    expect(JSON.stringify(assessment)).not.toContain('throat');
  });

  it('reads a bounded prefix of a very long reply, with every sentence cut to a bounded length', () => {
    const sentences = readText(`${'word '.repeat(500_000)}. He hit me.`);
    expect(sentences.reduce((sum, sentence) => sum + sentence.scoped.length, 0)).toBeLessThanOrEqual(1200);
    expect(sentences.every((sentence) => sentence.scoped.length <= 60)).toBe(true);
  });
});
