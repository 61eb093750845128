/** Installs the command-line tools into the simulator (core/features.ts); importing this is enough. */
import { installCli } from '../features';
import { cliStep } from './runCli';

installCli({ cliStep });
