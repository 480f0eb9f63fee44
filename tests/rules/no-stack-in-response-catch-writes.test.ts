import { createRuleTester } from '../rule-tester';
import rule from '../../src/rules/no-stack-in-response';

const ruleTester = createRuleTester();

/**
 * A catch block that writes the error into an object (`result.error = err`) taints the sends
 * that can run after the catch, not the sends of paths where it cannot have run: its own `try`
 * block, the other branch of an `if`, a send before the write or past a `return` that ends the
 * catch.
 */
ruleTester.run('no-stack-in-response (writes in a catch block)', rule, {
  valid: [
    // the success path inside the try block, and a 404 in the other branch of the if
    {
      filename: 'controllers/accounts.js',
      code: `
module.exports = {
  signIn: async (req, res) => {
    const reply = {};
    try {
      const account = await Account.lookup(req.body.name);
      if (account) {
        try {
          reply.token = await issue(account);
          res.status(200).send(reply);
        } catch (problem) {
          reply.error = problem;
          console.error(reply.error);
          res.status(500).send('Internal Server Error');
        }
      } else {
        reply.error = 'No such account';
        res.status(404).send(reply);
      }
    } catch (problem) {
      reply.error = problem.message;
      console.error(problem);
      res.status(500).send({ error: 'Internal Server Error' });
    }
  },
};
`,
    },
    // a send before the catch, in source order, without a loop around them
    {
      filename: 'routes/report.js',
      code: `
app.get('/report', async (req, res) => {
  const out = { ok: true };
  res.write(JSON.stringify(out));
  try {
    await finish();
  } catch (e) {
    out.error = e;
    console.error(out);
  }
  res.end();
});
`,
    },
    // the catch ends with a return: the send after the try/catch never sees its write
    {
      filename: 'routes/orders.js',
      code: `
app.post('/orders', async (req, res) => {
  const payload = {};
  try {
    payload.order = await place(req.body);
  } catch (e) {
    payload.error = e;
    logger.error(payload);
    return res.status(500).json({ error: 'Internal Server Error' });
  }
  res.json(payload);
});
`,
    },
    // exclusive branches of an if: the error is written on one, the object sent on the other
    {
      filename: 'routes/files.js',
      code: `
app.get('/files', (req, res) => {
  const out = {};
  try {
    out.files = list();
  } catch (failure) {
    if (failure) {
      out.error = failure;
      console.error(out);
    } else {
      res.json(out);
    }
  }
});
`,
    },
    // promise callbacks: onFulfilled runs before (or instead of) the catch that writes the error
    {
      filename: 'routes/items.js',
      code: `
app.get('/items', (req, res) => {
  const result = {};
  Item.find()
    .then((items) => {
      result.items = items;
      res.json(result);
    })
    .catch((err) => {
      result.error = err;
      console.error(result.error);
      res.status(500).json({ error: 'Internal Server Error' });
    });
});
app.get('/tags', (req, res) => {
  const result = {};
  Tag.find().then(
    (tags) => { result.tags = tags; res.json(result); },
    (err) => { result.error = err; console.error(err); res.sendStatus(500); },
  );
});
`,
    },
  ],
  invalid: [
    // the catch callback's own send
    {
      filename: 'routes/items.js',
      code: `
app.get('/items', (req, res) => {
  const result = {};
  Item.find()
    .then((items) => {
      result.items = items;
      res.json(result);
    })
    .catch((err) => {
      result.error = err;
      res.status(500).json(result);
    });
});
`,
      errors: [
        {
          messageId: 'errorInResponse', line: 11, column: 28, endLine: 11, endColumn: 34, data: { expression: 'err', sink: 'res.json()' },
          suggestions: [{ messageId: 'replaceAndLog', output: `
app.get('/items', (req, res) => {
  const result = {};
  Item.find()
    .then((items) => {
      result.items = items;
      res.json(result);
    })
    .catch((err) => {
      result.error = err;
      console.error(err);
      res.status(500).json('Internal Server Error');
    });
});
` }],
        },
      ],
    },
    // a then after the catch runs after it
    {
      filename: 'routes/items.js',
      code: `
app.get('/items', (req, res) => {
  const result = {};
  Item.find()
    .catch((err) => {
      result.error = err;
    })
    .then(() => res.json(result));
});
`,
      errors: [
        {
          messageId: 'errorInResponse', line: 8, column: 26, endLine: 8, endColumn: 32, data: { expression: 'err', sink: 'res.json()' },
          suggestions: [{ messageId: 'replaceWithGeneric', output: `
app.get('/items', (req, res) => {
  const result = {};
  Item.find()
    .catch((err) => {
      result.error = err;
    })
    .then(() => res.json('Internal Server Error'));
});
` }],
        },
      ],
    },
    // the send in the catch itself
    {
      filename: 'controllers/accounts.js',
      code: `
app.post('/login', async (req, res) => {
  const result = {};
  try {
    result.user = await signIn(req.body);
    res.status(200).send(result);
  } catch (err) {
    result.error = err;
    res.status(500).send(result);
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse', line: 9, column: 26, endLine: 9, endColumn: 32, data: { expression: 'err', sink: 'res.send()' },
          suggestions: [{ messageId: 'replaceAndLog', output: `
app.post('/login', async (req, res) => {
  const result = {};
  try {
    result.user = await signIn(req.body);
    res.status(200).send(result);
  } catch (err) {
    result.error = err;
    console.error(err);
    res.status(500).send('Internal Server Error');
  }
});
` }],
        },
      ],
    },
    // the send after the try/catch, reached from the catch
    {
      filename: 'controllers/users.js',
      code: `
app.get('/users', async (req, res) => {
  let result = {};
  let status = 200;
  try {
    result.users = await User.find({});
  } catch (err) {
    status = 500;
    result.error = err;
  }
  res.status(status).send(result);
});
`,
      errors: [
        {
          messageId: 'errorInResponse', line: 11, column: 27, endLine: 11, endColumn: 33, data: { expression: 'err', sink: 'res.send()' },
          suggestions: [{ messageId: 'replaceWithGeneric', output: `
app.get('/users', async (req, res) => {
  let result = {};
  let status = 200;
  try {
    result.users = await User.find({});
  } catch (err) {
    status = 500;
    result.error = err;
  }
  res.status(status).send('Internal Server Error');
});
` }],
        },
      ],
    },
    // a loop around both: the next iteration's try block sees the last catch's write
    {
      filename: 'routes/batch.js',
      code: `
app.post('/batch', async (req, res) => {
  const state = {};
  for (const job of req.body.jobs) {
    try {
      await run(job);
      res.write(JSON.stringify(state));
    } catch (e) {
      state.last = e.stack;
    }
  }
  res.end();
});
`,
      errors: [
        {
          messageId: 'stackInResponse', line: 7, column: 17, endLine: 7, endColumn: 38, data: { expression: 'e.stack', sink: 'res.write()' },
          suggestions: [{ messageId: 'replaceWithGeneric', output: `
app.post('/batch', async (req, res) => {
  const state = {};
  for (const job of req.body.jobs) {
    try {
      await run(job);
      res.write('Internal Server Error');
    } catch (e) {
      state.last = e.stack;
    }
  }
  res.end();
});
` }],
        },
      ],
    },
    // a variable shared by every request: one request's catch fills what the next one sends
    {
      filename: 'routes/status.js',
      code: `
const status = {};
app.get('/status', async (req, res) => {
  try {
    status.db = await ping();
    res.json(status);
  } catch (err) {
    status.lastError = err.stack;
    res.status(500).end();
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse', line: 6, column: 14, endLine: 6, endColumn: 20, data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [{ messageId: 'replaceWithGeneric', output: `
const status = {};
app.get('/status', async (req, res) => {
  try {
    status.db = await ping();
    res.json('Internal Server Error');
  } catch (err) {
    status.lastError = err.stack;
    res.status(500).end();
  }
});
` }],
        },
      ],
    },
    // a finally runs after the catch's return
    {
      filename: 'routes/finally.js',
      code: `
app.get('/f', async (req, res) => {
  const out = {};
  try {
    await work();
  } catch (err) {
    out.error = err;
    return;
  } finally {
    res.json(out);
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse', line: 10, column: 14, endLine: 10, endColumn: 17, data: { expression: 'err', sink: 'res.json()' },
          suggestions: [{ messageId: 'replaceWithGeneric', output: `
app.get('/f', async (req, res) => {
  const out = {};
  try {
    await work();
  } catch (err) {
    out.error = err;
    return;
  } finally {
    res.json('Internal Server Error');
  }
});
` }],
        },
      ],
    },
  ],
});
