// `workbench` command line: a shell over the same contract as the app, for scripted imports, exports and the
// host. Every verb is contract calls through the in-process client (shared/api/client), so the CLI gets the
// dispatcher's checks and the services' behaviour, and can do nothing the app's windows cannot.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDispatchClient } from '../../shared/api/client';
import { openWorkbench, type ShellPorts, type Workbench } from '../services/workbench';
import { defaultLibraryDir } from '../services/paths';
import { parseCommand, sizeLimitFlags, USAGE, UsageError, type Verb } from './args';
import {
  annotate,
  exportNotes,
  list,
  reextract,
  serve,
  settings,
  show,
  type CommandContext,
} from './commands';
import { importPaths } from './import-command';
import { defaultOut, type Out } from './output';

export { reportField, startProgress } from './output';

function version(): string {
  try {
    return JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'))
      .version;
  } catch {
    return '0.0.0';
  }
}

const VERBS: Record<Exclude<Verb, 'import' | 'serve'>, (c: CommandContext) => Promise<number>> = {
  list,
  show,
  annotate,
  reextract,
  settings,
  export: exportNotes,
};

export async function runCli(argv: string[], out: Out = defaultOut): Promise<number> {
  let wb: Workbench | undefined;
  try {
    const cmd = parseCommand(argv);
    if (cmd.kind === 'help') {
      out.log(USAGE);
      return cmd.exitCode;
    }
    const { verb, values, positionals } = cmd;
    // The CLI's "open dialog" answers the paths on its command line: `import` is the app's Import… job.
    const ports: ShellPorts = {
      shell: 'host',
      ...(verb === 'import' ? { pickImportPaths: async () => positionals } : {}),
    };
    // The bundled CLI has its extraction worker beside it; run from sources (tests) it extracts in-process.
    const worker = fileURLToPath(new URL('./extract-worker.js', import.meta.url));
    wb = await openWorkbench({
      libraryDir: cmd.library ?? defaultLibraryDir(),
      version: version(),
      ports,
      onInternalError: () => {},
      // Only `serve` opens a damaged library (its page offers the backups); the other verbs fail with the reason.
      recovery: verb === 'serve',
      extractorWorker: existsSync(worker) ? worker : undefined,
      // Caps given to `import` hold for this run only; `settings` stores them in the library.
      importLimits: verb === 'import' ? sizeLimitFlags(values) : {},
    });
    const context: CommandContext = { api: createDispatchClient(wb.dispatch), values, positionals, out };
    if (verb === 'import') return await importPaths(context);
    if (verb === 'serve') return await serve(context, wb.dispatch);
    return await VERBS[verb](context);
  } catch (err) {
    if (err instanceof UsageError) {
      out.err(`workbench: ${err.message}\n${USAGE}`);
      return 2;
    }
    out.err(`workbench: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await wb?.close();
  }
}

// Run when executed directly (bin/workbench.mjs imports this bundle).
if (process.argv[1] && /cli\.js$/.test(process.argv[1])) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
