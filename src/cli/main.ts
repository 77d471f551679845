// The `coreshare` command. Commands call services; none of them writes SQL.
import { Command, CommanderError } from 'commander';
import { ConfigError, environmentTwins } from '../config.js';
import { AppError } from '../services/errors.js';
import { addEnvironmentTwins, addGlobalFlags } from './context.js';
import { migrateCommand } from './commands/migrate.command.js';
import { serveCommand } from './commands/serve.command.js';
import { backupCommand } from './commands/backup.command.js';
import { boreholeCommand, custodianCommand, organisationCommand } from './commands/curation.command.js';
import { importCommand } from './commands/import.command.js';
import { exportCommand } from './commands/export.command.js';
import { demoCommand } from './commands/demo.command.js';
import { searchCommand } from './commands/search.command.js';
import { userCommand } from './commands/user.command.js';
import { auditCommand } from './commands/audit.command.js';

export function buildProgram(): Command {
  const program = addGlobalFlags(
    new Command('coreshare')
      .description('CoreShare — drill-core resource sharing platform (岩芯科技资源共享)')
      .version('0.1.0'),
  );
  program.addCommand(serveCommand());
  program.addCommand(migrateCommand());
  program.addCommand(backupCommand());
  program.addCommand(custodianCommand());
  program.addCommand(organisationCommand());
  program.addCommand(boreholeCommand());
  program.addCommand(importCommand());
  program.addCommand(exportCommand());
  program.addCommand(demoCommand());
  program.addCommand(searchCommand());
  program.addCommand(userCommand());
  program.addCommand(auditCommand());
  return program;
}

/** Exit codes: 0 done, 1 failed (bad input, nothing changed), 2 usage or configuration error. */
export async function runCli(argv: string[]): Promise<number> {
  let program: Command;
  try {
    program = buildProgram();
    for (const command of program.commands) addEnvironmentTwins(command, environmentTwins());
  } catch (error) {
    process.stderr.write(
      `coreshare: configuration: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  const override = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(override);
  };
  override(program);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof AppError) {
      process.stderr.write(`coreshare: ${error.message}\n`);
      for (const p of error.problems.slice(0, 100)) {
        const where = [p.file, p.line, p.field].filter((x) => x !== undefined).join(':');
        process.stderr.write(`  ${where ? where + ': ' : ''}${p.message}\n`);
      }
      return 1;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`coreshare: configuration: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`coreshare: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
