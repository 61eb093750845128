/**
 * Installs the command-line tools into the simulator (core/features.ts); importing this is enough.
 * The consumer tools make and change consumer groups (a console consumer's commit creates its
 * group), so the groups mechanism comes with them: its code is in this chunk anyway.
 */
import { installCli } from '../features';
import { cliStep } from './runCli';
import '../protocol/groups/install';

installCli({ cliStep });
