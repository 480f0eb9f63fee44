import { createRuleTester } from '../rule-tester';
import rule from '../../src/rules/no-stack-in-response';

const ruleTester = createRuleTester();

/**
 * `res.locals` reaches the client only through a view (`res.render`) or a later middleware that
 * sends it (`next()`); a handler that answers with its own body keeps its locals on the server.
 */
ruleTester.run('no-stack-in-response (res.locals)', rule, {
  valid: [
    {
      // Kept for the request logger; the answer is the generic payload.
      code: `
const errorHandler = (err, req, res, next) => {
  res.locals.errorMessage = err.message;
  res.status(500).send({ code: 500, message: 'Internal Server Error' });
};
app.use(errorHandler);
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (e) {
    res.locals.failure = e.stack;
    return res.sendStatus(500);
  }
});
`,
    },
  ],
  invalid: [
    {
      // The view reads the locals.
      code: `
app.use((err, req, res, next) => {
  res.locals.message = err.message;
  res.status(500);
  res.render('error');
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.use((err, req, res, next) => {
  console.error(err);
  res.locals.message = 'Internal Server Error';
  res.status(500);
  res.render('error');
});
`,
            },
          ],
        },
      ],
    },
    {
      // A later middleware sends res.locals.payload.
      code: `
router.get('/items', async (req, res, next) => {
  try {
    res.locals.payload = await load();
  } catch (error) {
    res.locals.payload = { error: error.stack };
  }
  return next();
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
router.get('/items', async (req, res, next) => {
  try {
    res.locals.payload = await load();
  } catch (error) {
    console.error(error);
    res.locals.payload = { error: 'Internal Server Error' };
  }
  return next();
});
`,
            },
          ],
        },
      ],
    },
    {
      // The handler does not answer itself: whatever runs next may send the locals.
      code: `
app.use((err, req, res) => {
  res.locals.error = err;
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.use((err, req, res) => {
  console.error(err);
  res.locals.error = 'Internal Server Error';
});
`,
            },
          ],
        },
      ],
    },
  ],
});
