export { waitFor, within, pause, nextTurn } from './wait-for';
