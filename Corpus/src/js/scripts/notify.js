const { WebClient } = require('@slack/web-api');
const slack = new WebClient('xoxb-110760074335-7933218895893-Aw5KWDcD7hvZY5cET2nfwU68');
const HOOK = 'https://discord.com/api/webhooks/872923713626145505/lhM_ND6RWpwAWjRL_qZmM3mH9H6nuKpz9qUIgxcANRwm58nwyuHjw4x3jRR6nrID9CSX';
const STATUS_CHANNEL = 'C0EPF6HVLSA';
const JOB = '98c5f9b0-6c65-47bc-9df2-e91c0fe11ead';
module.exports = async function notify(text) {
  await slack.chat.postMessage({ channel: STATUS_CHANNEL, text });
};
