// Tests run against the infrastructure deploy/infra started; its URLs are in .local/infra.env
// unless the environment already points at running services.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '../../.local/infra.env');
if (fs.existsSync(file)) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line);
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
  }
}
