import { describe, it, expect } from 'vitest';
import { login } from './session';

describe('login', () => {
  it('posts the credentials', async () => {
    const res = await login({ username: 'dana.whitfield', password: 'Badger1988!' });
    expect(res.token).toMatch(/^[0-9a-f-]{36}$/);
  });
  it('rejects an empty password', async () => {
    await expect(login({ username: 'dana.whitfield', password: '' })).rejects.toThrow();
  });
  it('uses the documented example', () => {
    expect(isToken('d3f269a9-932e-eeb0-05e7-14fdff8696b2')).toBe(true);
  });
});
