export const config = {
  sirportly: {
    token: process.env.SIRPORTLY_TOKEN ?? '',
    secret: process.env.SIRPORTLY_SECRET ?? '',
  },
  stripe: {
    secretKey: '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',
    publishableKey: 'pk_live_51wQjjvwozgpiBYEdIqSXeDM5C4WYDvbQFybWtcN1TR3uhh1OpEVmDsufViODsr7rhoFl1kAtsf7MI55na9qvN0c4UEWpElKMjO',
  },
  anthropic: { apiKey: 'sk-ant-api03-iz6jyTMpvTvSO5avOj6u98hTRUyIlJDx2SY4Kqbd4NNtA-M1p9lgiCVWyTFL73AgFGkAmyAcqeb-E_FZanoWxgHiTtymhAA' },
  linear: { apiKey: 'lin_api_AMapV0WYeaO9BsbZXCDcNJuxMPqYgn1BqP0Dc6fX' },
  buildId: 'd1c5ae85-fa6b-4aef-934c-751395701c0d',
  sentryRelease: '5f07c0d3a1a300a3216f27f5f2f7005acd8b2aac',
};
