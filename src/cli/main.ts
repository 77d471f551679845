// The `coreshare` command. Commands call services; none of them writes SQL.
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.js';
import { addGlobalFlags } from './context.js';
import { migrateCommand } from './commands/migrate.command.js';
import { serveCommand } from './commands/serve.command.js';
import { backupCommand } from './commands/backup.command.js';

export function buildProgram(): Command {
  const program = addGlobalFlags(
    new Command('coreshare')
      .description('CoreShare — drill-core resource sharing platform (岩芯科技资源共享)')
      .version('0.1.0'),
  );
  program.addCommand(serveCommand());
  program.addCommand(migrateCommand());
  program.addCommand(backupCommand());
  return program;
}

/** Exit codes: 0 done, 1 failed (bad input, nothing changed), 2 usage or configuration error. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ConfigError) {
      process.stderr.write(`coreshare: configuration: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`coreshare: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
