// Process entry of the `coreshare` command (bin/coreshare.js loads the compiled copy).
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv);
