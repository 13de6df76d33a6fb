import { parseArgs } from 'node:util';
import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { createOrPromoteAdmin } from '#src/lib/server/account/user.ts';
import { databaseUrl } from './db-url.ts';

const usage =
  'Usage: npm run admin:create -- --email <email> --name "<full name>" --password <password> [--employer "<name>"]';

let values;
try {
  ({ values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      employer: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (!values.email || !values.name || !values.password) {
  console.error(`--email, --name and --password are all needed.\n${usage}`);
  process.exit(2);
}

const db = await createDb(databaseUrl(), { authToken: process.env.DATABASE_AUTH_TOKEN });
await migrateDb(db);
const result = await createOrPromoteAdmin(
  db,
  {
    email: values.email,
    fullName: values.name,
    password: values.password,
    organisationName: values.employer,
  },
  Date.now(),
);
db.close();
if (!result.ok) {
  console.error(`Not done: the ${result.problem}. Fix it and run the command again.`);
  process.exit(1);
}
console.log(
  result.created
    ? `Created admin ${result.user.email} (${result.user.fullName}).`
    : `${result.user.email} is now an admin; its password was set to the one given.`,
);
