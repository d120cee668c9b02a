// The peer ScribeBot's ingest benchmark is compared with: the Bolt app a Slack developer would otherwise write to
// record a channel. It verifies each request (Bolt's default), appends the message to a file, and acks only after
// that (processBeforeResponse), so, like ScribeBot, it answers only once the message is kept. No outbound calls:
// `authorize` names the bot itself (a bare `token` would make Bolt call auth.test for every request until one
// succeeds) and nothing is posted.
//
// Environment: SLACK_SIGNING_SECRET, PORT, BOLT_OUT (the file to append to).
const fs = require('node:fs');
const { App, LogLevel } = require('@slack/bolt');

const out = fs.openSync(process.env.BOLT_OUT, 'a');

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  authorize: async () => ({ botToken: 'xoxb-bench-not-used', botId: 'B0BENCH', botUserId: 'U0BENCHBOT' }),
  processBeforeResponse: true,
  logLevel: LogLevel.ERROR,
});

app.message(async ({ message }) => {
  await new Promise((resolve, reject) =>
    fs.write(out, JSON.stringify({ channel: message.channel, ts: message.ts, user: message.user, text: message.text }) + '\n',
      (error) => (error ? reject(error) : resolve())));
});

(async () => {
  const port = Number(process.env.PORT);
  await app.start({ port, host: '127.0.0.1' });
  console.log(`bolt listening on http://127.0.0.1:${port}`);
})();
