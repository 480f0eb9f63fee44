'use strict';

const https = require('node:https');
const { get } = require('axios');

function ping(url, done) {
  https.get(url, (res) => done(res.statusCode));
}

async function status(url) {
  const { data } = await get(url);
  return data;
}

module.exports = { ping, status };
