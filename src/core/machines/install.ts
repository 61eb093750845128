/** Installs the brokers' lifecycle machines into the simulator (core/features.ts); importing this is enough. */
import { installBrokerMachines } from '../features';
import { advanceControllerView, advanceProcess } from './brokerMachines';

installBrokerMachines({ advanceProcess, advanceControllerView });
