// `coreshare user add|list|verify`: accounts made by the operator, who acts as the system (audited as
// cli:<os user>). A password never comes as a flag's value, which would stay in the shell history.
import { Command, Option } from 'commander';
import { ROLES, type Role } from '../../domain/accounts/access.js';
import { addUser, listUsers } from '../../services/accounts/user-admin.service.js';
import { decideRealName } from '../../services/accounts/real-name.service.js';
import { cliCaller, configFrom, withStore } from '../context.js';

interface AddFlags {
  email: string;
  org: string;
  role: Role;
  custodian?: string;
  province?: string;
  name?: string;
  passwordStdin?: boolean;
  passwordEnv?: string;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password (then Enter and Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** The password from stdin or the named variable; undefined for a token-only account. */
async function passwordOf(flags: AddFlags, cmd: Command): Promise<string | undefined> {
  const usage = (message: string): never => cmd.error(`error: ${message}`, { exitCode: 2 });
  if (flags.passwordStdin && flags.passwordEnv) usage('give --password-stdin or --password-env, not both');
  if (flags.passwordStdin) {
    const password = await readStdin();
    return password === '' ? usage('--password-stdin read an empty password') : password;
  }
  if (flags.passwordEnv !== undefined) {
    // The operator names the variable at run time, so config.ts cannot know it in advance.
    const password = process.env[flags.passwordEnv];
    return password ? password : usage(`environment variable ${flags.passwordEnv} is not set or empty`);
  }
  return undefined;
}

function roleText(r: {
  role: string;
  organisation_code: string;
  custodian_code: string | null;
  province_code: string | null;
}): string {
  const where = [
    r.custodian_code && `custodian ${r.custodian_code}`,
    r.role === 'administrator' && (r.province_code ? `province ${r.province_code}` : 'national'),
  ].filter(Boolean);
  return `${r.role} at ${r.organisation_code}${where.length ? ` (${where.join(', ')})` : ''}`;
}

export function userCommand(): Command {
  const user = new Command('user').description('manage accounts and their roles');
  user
    .command('add')
    .description('add an account (verified at once) and grant it a role; again: adds the role')
    .requiredOption('--email <email>', 'the e-mail address it signs in with')
    .requiredOption('--org <code>', 'organisation code, e.g. ORG-540000-01')
    .addOption(new Option('--role <role>', 'role in that organisation').choices(ROLES).makeOptionMandatory())
    .option('--custodian <code>', "a curator's custodian, e.g. NGAC")
    .option('--province <code>', "an administrator's province (GB/T 2260, e.g. 540000); omitted = national")
    .option('--name <name>', 'display name (default: the part of the e-mail before @)')
    .option('--password-stdin', 'read the password from standard input')
    .option(
      '--password-env <name>',
      'read the password from this environment variable (neither: API tokens only)',
    )
    .action(async (flags: AddFlags, cmd: Command) => {
      const config = configFrom(cmd);
      const password = await passwordOf(flags, cmd);
      const account = await withStore(config, (store) =>
        addUser(store, cliCaller(), {
          email: flags.email,
          display_name: flags.name,
          password,
          organisation: flags.org,
          role: flags.role,
          custodian: flags.custodian,
          province: flags.province,
        }),
      );
      process.stdout.write(
        [
          `user ${account.id} ${account.email}`,
          ...account.memberships.map((m) => `  role  ${roleText(m)}`),
          `  sign-in  ${password === undefined ? 'API tokens only (no password set here)' : 'password'}`,
        ].join('\n') + '\n',
      );
    });
  user
    .command('list')
    .description('list the accounts: e-mail, verified, roles')
    .action(async (_flags: unknown, cmd: Command) => {
      const users = await withStore(configFrom(cmd), (store) => listUsers(store, cliCaller()));
      const rows = users.map((u) => [
        u.email,
        u.disabled ? 'disabled' : u.email_verified ? 'yes' : 'no',
        u.roles.map(roleText).join('; ') || '-',
      ]);
      const header = ['email', 'verified', 'roles'];
      const widths = [0, 1].map((i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
      const line = (r: string[]) => `${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}\n`;
      process.stdout.write(line(header) + rows.map(line).join(''));
      process.stderr.write(`${users.length} account${users.length === 1 ? '' : 's'}\n`);
    });
  user
    .command('verify')
    .description('confirm or reject an account’s real-name submission (实名认证)')
    .requiredOption('--email <email>', 'the account')
    .addOption(
      new Option('--decision <decision>', 'verified or rejected')
        .choices(['verified', 'rejected'])
        .default('verified'),
    )
    .action(async (flags: { email: string; decision: 'verified' | 'rejected' }, cmd: Command) => {
      const account = await withStore(configFrom(cmd), (store) =>
        decideRealName(store, cliCaller(), flags.email, flags.decision),
      );
      process.stdout.write(`user ${account.id} ${account.email}: real name ${account.real_name_status}\n`);
    });
  return user;
}
