import { Command, Option } from 'commander';
import { cliCaller, configFrom, withStore } from '../context.js';
import { deleteBorehole, saveCustodian, saveOrganisation } from '../../services/curation.service.js';
import {
  CUSTODIAN_LEVELS,
  ORGANISATION_KINDS,
  type CustodianLevel,
  type OrganisationKind,
} from '../../domain/vocabulary.js';

export function custodianCommand(): Command {
  const custodian = new Command('custodian').description('manage custodian repositories (馆藏机构)');
  custodian
    .command('add')
    .description('add a custodian, or update the one with the same code')
    .requiredOption('--code <code>', 'short stable code, e.g. XZ-GA')
    .requiredOption('--name-zh <name>', 'Chinese name')
    .option('--name-en <name>', 'English name')
    .addOption(
      new Option('--level <level>', 'custodian level').choices(CUSTODIAN_LEVELS).makeOptionMandatory(),
    )
    .option('--province <code>', 'GB/T 2260 province code, e.g. 540000')
    .option('--contact-name <name>')
    .option('--contact-email <email>')
    .option('--contact-phone <phone>')
    .option('--address <address>')
    .action(async (o: Record<string, string | undefined>, cmd: Command) => {
      await withStore(configFrom(cmd), (store) =>
        saveCustodian(store, cliCaller(), {
          code: o.code!,
          name_zh: o.nameZh!,
          name_en: o.nameEn ?? null,
          level: o.level as CustodianLevel,
          province_code: o.province ?? null,
          contact_name: o.contactName ?? null,
          contact_email: o.contactEmail ?? null,
          contact_phone: o.contactPhone ?? null,
          address: o.address ?? null,
        }),
      );
      process.stdout.write(`custodian ${o.code} saved\n`);
    });
  return custodian;
}

export function organisationCommand(): Command {
  const organisation = new Command('organisation').description(
    'manage organisations (depositors, exploration units, mining companies, institutes)',
  );
  organisation
    .command('add')
    .description('add an organisation, or update the one with the same code')
    .requiredOption('--code <code>')
    .requiredOption('--name-zh <name>')
    .option('--name-en <name>')
    .addOption(new Option('--kind <kind>').choices(ORGANISATION_KINDS).makeOptionMandatory())
    .option('--province <code>')
    .action(async (o: Record<string, string | undefined>, cmd: Command) => {
      await withStore(configFrom(cmd), (store) =>
        saveOrganisation(store, cliCaller(), {
          code: o.code!,
          name_zh: o.nameZh!,
          name_en: o.nameEn ?? null,
          kind: o.kind as OrganisationKind,
          province_code: o.province ?? null,
        }),
      );
      process.stdout.write(`organisation ${o.code} saved\n`);
    });
  return organisation;
}

export function boreholeCommand(): Command {
  const borehole = new Command('borehole').description(
    'manage boreholes (create and update through `import`)',
  );
  borehole
    .command('delete')
    .description('delete a borehole with its surveys, intervals, boxes and samples')
    .argument('<id>', 'public id, e.g. CSB0H3K9W2T7XQ1')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withStore(configFrom(cmd), (store) => deleteBorehole(store, cliCaller(), id));
      process.stdout.write(`borehole ${id} deleted\n`);
    });
  return borehole;
}
