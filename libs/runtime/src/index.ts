export { assertSupportedNode, isSupportedNode, MINIMUM_NODE } from './node-version';
