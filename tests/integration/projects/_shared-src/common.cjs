'use strict';

async function ping(url) {
  const response = await fetch(url);
  return response.status;
}

module.exports = { ping };
