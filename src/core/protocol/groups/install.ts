/** Installs the consumer groups into the simulator (core/features.ts); importing this is enough. */
import { installGroups } from '../../features';
import { groupStep, onGroupTimer, settleGroups } from './consumerClient';

installGroups({ groupStep, onGroupTimer, settleGroups });
