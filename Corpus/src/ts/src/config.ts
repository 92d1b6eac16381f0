export const config = {
  sirportly: {
    token: process.env.SIRPORTLY_TOKEN ?? '',
    secret: process.env.SIRPORTLY_SECRET ?? '',
  },
  stripe: {
    secretKey: 'sk_live_C7POaVGDCBG1U6yyQdz9qFZs',
    publishableKey: 'pk_live_51PDPjciwB3SDRvoxBnqpeWXwIGBlDfrzAw5KWDcD7hvZY5cET2nfwU68VQfdKt0PFto3HTDvy45Xh0lnIY75MyGJNX6evsMFiI',
  },
  anthropic: { apiKey: 'sk-ant-api03-ZmM3mH9H6nuKpz9qUIgxcANRwm58nwyuHjw4x3jRR6nrID9CSXiEkpQwKah2q4rCZQKvvDG5vITOc2HeHtrJyb3F1FTNMAA' },
  linear: { apiKey: 'lin_api_tNidpQKwVUkqfUsJvG9rMHZioaj5mHIvllCMXwQj' },
  buildId: '59d04fa7-55c6-4a10-a550-e1a4ffafb5bf',
  sentryRelease: '7c374df182eeea0fc091a337f6e9a24e98837f55',
};
