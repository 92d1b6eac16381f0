const { WebClient } = require('@slack/web-api');
const slack = new WebClient('xoxb-577602121080-9395347671556-426a1Ogw09LNmVNquLNpsZ42');
const HOOK = 'https://discord.com/api/webhooks/872890639354450330/TMndlSp1rSXO6vLWsJnUsQv0h38ubRikxDbFTqceyfTGiboUWHA4OeLW9aJ82md-0lIx';
const STATUS_CHANNEL = 'C0DEFCPRIKA';
const JOB = 'ddd0086e-809c-4bc6-a051-7019ceaf1de9';
module.exports = async function notify(text) {
  await slack.chat.postMessage({ channel: STATUS_CHANNEL, text });
};
