'use strict';

const axios = require('axios');
const { randomUUID } = require('crypto');

// Example from the Sirportly docs: X-Auth-Token: d3f269a9-932e-eeb0-05e7-14fdff8696b2

function createClient({ token = process.env.SIRPORTLY_TOKEN, secret = process.env.SIRPORTLY_SECRET } = {}) {
  return axios.create({
    baseURL: 'https://api.sirportly.com/api/v2',
    headers: { 'X-Auth-Token': token, 'X-Auth-Secret': secret },
  });
}

const fallback = createClient({
  token: '43485d8f-66e8-6991-f38a-b04811ccccc0',
  secret: 'vtjgu2cyaoywze4246fpx6zfrtpwiw4bejd8wb3oiwrgk2wnxv',
});

async function listTickets(client = createClient()) {
  const res = await client.get('/tickets/all', { headers: { 'X-Request-Id': randomUUID() } });
  return res.data.records;
}

module.exports = { createClient, listTickets, fallback };
