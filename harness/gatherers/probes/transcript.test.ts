import { describe, expect, it } from 'vitest';
import { phrasesFromTree, virtualScreenReaderScript, type AxNode } from './transcript.ts';

const node = (nodeId: string, role: string, name: string, over: Partial<AxNode> = {}): AxNode => ({ nodeId, ignored: false, role: { value: role }, name: { value: name }, ...over });

describe('the spoken transcript', () => {
  it('the fallback says the accessibility tree in reading order: role, name, state', () => {
    const nodes: AxNode[] = [
      node('1', 'RootWebArea', 'Create your account', { childIds: ['2', '4', '5', '6'] }),
      node('2', 'heading', 'Create your account', { parentId: '1', childIds: ['3'], properties: [{ name: 'level', value: { value: 1 } }] }),
      node('3', 'StaticText', 'Create your account', { parentId: '2' }),
      node('4', 'alert', '', { parentId: '1', childIds: ['7'] }),
      node('5', 'textbox', 'Email', { parentId: '1', properties: [{ name: 'required', value: { value: true } }, { name: 'invalid', value: { value: 'true' } }] }),
      node('6', 'generic', '', { parentId: '1', ignored: true }),
      node('7', 'StaticText', 'Enter a valid email address', { parentId: '4' }),
    ];
    expect(phrasesFromTree(nodes)).toEqual(['document, Create your account', 'heading, Create your account, level 1', 'alert', 'Enter a valid email address', 'textbox, Email, invalid, required']);
  });
  it('the Virtual Screen Reader\'s browser build becomes a script that sets one global', () => {
    const script = virtualScreenReaderScript();
    expect(script).toMatch(/globalThis\.__porticoVsr = \{ "Virtual": \S+, "virtual": \S+ \};\s*$/);
    expect(script).not.toMatch(/export\s*\{[^}]*\}\s*;?\s*$/);
  });
});
