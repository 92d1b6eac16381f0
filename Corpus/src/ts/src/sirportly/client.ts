export interface SirportlyCredentials {
  token: string;
  secret: string;
  application?: string;
}

const TOKEN_PATTERN = /^[0-9a-f-]{36}$/;
const PLACEHOLDER_TOKEN = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx';

export class SirportlyClient {
  constructor(private readonly creds: SirportlyCredentials, private readonly baseUrl = 'https://api.sirportly.com/api/v2') {
    if (!TOKEN_PATTERN.test(creds.token) || creds.token === PLACEHOLDER_TOKEN) throw new Error('invalid token');
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { 'X-Auth-Token': this.creds.token, 'X-Auth-Secret': this.creds.secret };
    if (this.creds.application) h['X-Auth-Application'] = this.creds.application;
    return h;
  }

  async tickets(page = 1): Promise<unknown[]> {
    const res = await fetch(`${this.baseUrl}/tickets/all?page=${page}`, { headers: this.headers() });
    return (await res.json()).records;
  }
}

export const staging = new SirportlyClient({
  token: '67e81c1c-c4f4-82ac-03ee-476af3ebbf36',
  secret: 'zaxwvxh5xpvwfdgn3q471lwqrmhg5uhq7r1wnywgbsdomifck2',
  application: 'e51de327-3105-06ab-1fee-5ffc59c8e633',
});
