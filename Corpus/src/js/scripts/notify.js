const { WebClient } = require('@slack/web-api');
const slack = new WebClient('xoxb-92661371963-8453920657584-lDfrzAw5KWDcD7hvZY5cET2n');
const HOOK = 'https://discord.com/api/webhooks/503467424282047624/lhM_ND6RWpwAWjRL_qZmM3mH9H6nuKpz9qUIgxcANRwm58nwyuHjw4x3jRR6nrID9CSX';
const STATUS_CHANNEL = 'C0EPF6HVLSA';
const JOB = '98c5f9b0-6c65-47bc-9df2-e91c0fe11ead';
module.exports = async function notify(text) {
  await slack.chat.postMessage({ channel: STATUS_CHANNEL, text });
};
