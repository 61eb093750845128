/**
 * Every optional mechanism installed at once (core/features.ts): for Node, where size does not
 * matter (the runner, the swarm, the bench, the tests' setup). The browser loads them on demand
 * through `loadFeatures.ts`.
 */
import './protocol/groups/install';
import './cli/install';
import './machines/install';
